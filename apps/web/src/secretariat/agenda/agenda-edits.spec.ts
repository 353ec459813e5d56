import { changesBetween, moved, parseMeasures } from './agenda-edits';

const item = (id: string, title: string, extra: Partial<{ description: string; citedMeasures: number[]; removedByAmendment: boolean }> = {}) => ({
  id,
  title,
  description: extra.description ?? '',
  citedMeasures: extra.citedMeasures ?? [],
  presentingOrganizationId: null,
  removedByAmendment: extra.removedByAmendment ?? false,
});

describe('the agenda editor, before anything is sent', () => {
  it('reads measure numbers 1 to 35 and names what is not one', () => {
    expect(parseMeasures('34, 6 6;17')).toEqual({ numbers: [6, 17, 34], invalid: [] });
    expect(parseMeasures('6, 36, 0, sju')).toEqual({ numbers: [6], invalid: ['36', '0', 'sju'] });
    expect(parseMeasures('  ')).toEqual({ numbers: [], invalid: [] });
  });

  it('moves one item and leaves the others in their order', () => {
    expect(moved(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('says what another person changed meanwhile', () => {
    const before = [item('1', 'Budsjett'), item('2', 'Rutiner'), item('3', 'Eventuelt')];
    const after = [item('2', 'Rutiner', { citedMeasures: [6] }), item('1', 'Budsjett'), item('4', 'Nytt punkt'), item('3', 'Eventuelt', { removedByAmendment: true })];
    expect(changesBetween(before, after)).toEqual({ added: ['Nytt punkt'], removed: ['Eventuelt'], changed: ['Rutiner'], reordered: true });
    expect(changesBetween(before, before)).toEqual({ added: [], removed: [], changed: [], reordered: false });
  });
});

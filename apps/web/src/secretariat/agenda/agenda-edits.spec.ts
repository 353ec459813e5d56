import { changesBetween, measuresText, moved, parseMeasures } from './agenda-edits';

const item = (id: string, title: string, extra: Partial<{ description: string; citedMeasures: number[]; removedByAmendment: boolean }> = {}) => ({
  id,
  title,
  description: extra.description ?? '',
  citedMeasureRefs: (extra.citedMeasures ?? []).map((number) => ({ plan: '2011-2014', number })),
  presentingOrganizationId: null,
  removedByAmendment: extra.removedByAmendment ?? false,
});

describe('the agenda editor, before anything is sent', () => {
  const plans = [
    { id: '2011-2014', title: 'Handlingsplan 2011–2014', from: 2011, to: 2014, measures: [6, 17, 34, 35].map((number) => ({ number, label: `Tiltak ${number}` })) },
    { id: '2006-2009', title: 'Stopp menneskehandelen', from: 2006, to: 2009, measures: [{ number: 1, label: 'KOM' }] },
  ];
  const of2011 = (...numbers: number[]) => numbers.map((number) => ({ plan: '2011-2014', number }));

  it('reads a bare number as a measure the default plan lists, and names what is not one', () => {
    expect(parseMeasures('34, 6 6;17', plans)).toEqual({ measures: of2011(34, 6, 17), invalid: [] });
    expect(parseMeasures('6, 36, 0, sju, 5, 35', plans)).toEqual({ measures: of2011(6, 35), invalid: ['36', '0', 'sju', '5'] });
    // Without the plans (not loaded), nothing is taken for a measure.
    expect(parseMeasures('6', [])).toEqual({ measures: [], invalid: ['6'] });
    expect(parseMeasures('  ', plans)).toEqual({ measures: [], invalid: [] });
  });

  it("reads another plan's measure as it is shown, with the plan's years, and refuses one the plan does not have", () => {
    expect(parseMeasures('6, 1 (2006–2009), 1(2006-2009)', plans)).toEqual({ measures: [...of2011(6), { plan: '2006-2009', number: 1 }], invalid: [] });
    expect(parseMeasures('2 (2006–2009), 1 (1999–2002)', plans).invalid).toEqual(['2 (2006–2009)', '1 (1999–2002)']);
    expect(measuresText(parseMeasures('1 (2006–2009), 34, 6', plans).measures)).toBe('6, 34, 1 (2006–2009)');
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
    const cited = [item('1', 'Budsjett', { citedMeasures: [6, 34] })];
    expect(changesBetween(cited, [item('1', 'Budsjett', { citedMeasures: [34, 6] })]).changed).toEqual([]);
  });
});

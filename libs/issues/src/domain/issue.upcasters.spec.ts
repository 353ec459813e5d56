import { Upcasters } from '@kom/kernel';
import { IssueEdited, IssueSubmitted } from './issue.events';
import { issueUpcasters } from './issue.upcasters';

const upcasters = new Upcasters(issueUpcasters);

const v1Content = {
  title: 'Shelters',
  description: 'Full',
  category: 'CHILDREN',
  tags: ['BEGGING'],
  citedMeasures: [17, 6],
  urgency: null,
};

describe('issue upcasters: v1 citations (numbers) read as v2 (plan, number)', () => {
  it('reads an IssueSubmitted v1 citing numbers as measures of 2011-2014, keeping every other field', () => {
    const v1 = { issueId: 'i1', organizationId: 'org-rosa', ...v1Content, citedIssueIds: ['i0'], representativeId: 'rep-1' };
    const up = upcasters.upcast('IssueSubmitted', {}, v1);
    expect(up).toEqual({
      version: 2,
      data: { ...v1, citedMeasures: [{ plan: '2011-2014', number: 17 }, { plan: '2011-2014', number: 6 }] },
    });
    expect(IssueSubmitted.data.safeParse(up!.data).success).toBe(true);
  });

  it('leaves out a representative that was not recorded', () => {
    const v1 = { issueId: 'i1', organizationId: 'org-rosa', ...v1Content, citedMeasures: [], citedIssueIds: [] };
    const up = upcasters.upcast('IssueSubmitted', { schemaVersion: 1 }, v1);
    expect(up!.data).toEqual({ ...v1, citedMeasures: [] });
    expect('representativeId' in (up!.data as object)).toBe(false);
  });

  it('reads an IssueEdited v1 the same way, and leaves a v2 event as it is', () => {
    const v1 = { issueId: 'i1', ...v1Content };
    const up = upcasters.upcast('IssueEdited', {}, v1);
    expect(up!.data).toEqual({ ...v1, citedMeasures: [{ plan: '2011-2014', number: 17 }, { plan: '2011-2014', number: 6 }] });
    expect(IssueEdited.data.safeParse(up!.data).success).toBe(true);
    expect(upcasters.upcast('IssueEdited', { schemaVersion: 2 }, up!.data)).toBeUndefined();
  });
});

import { defaultPlanRefs } from '@kom/kernel';
import { ev, projectionSpec, type ProjectionSpec } from '@kom/projections/testing';
import { issueLineageProjection } from './issue-lineage.projection';
import { issuesProjection } from './issues.projection';
import { IssuesQueries, median } from './issues.queries';

const rosa = { userId: 'rosa-kari', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' };
const sara = { userId: 'pod-sara', organizationId: 'org-pod', role: 'SECRETARIAT' };

const content = {
  title: 'Shelters',
  description: 'Full',
  category: 'CHILDREN',
  tags: ['BEGGING', 'OTHER'],
  citedMeasures: defaultPlanRefs([6]),
  urgency: null,
};

describe('issues read models', () => {
  let spec: ProjectionSpec;
  let queries: IssuesQueries;

  beforeEach(() => {
    spec = projectionSpec([issuesProjection, issueLineageProjection], { actor: sara });
    queries = new IssuesQueries(spec.readModels);
  });
  afterEach(() => spec.close());

  it("tells which issue's story an event belongs to, from the issue's stream and the lineage (and none for other meetings events)", () => {
    spec.given([
      ev('issue-i1', 'IssueSubmitted', { issueId: 'i1', organizationId: 'org-rosa', ...content, citedIssueIds: [] }, { at: '2027-01-01T10:00:00.000Z', actor: rosa }),
      ev('meeting-m1', 'AgendaItemAdded', { meetingId: 'm1', itemId: 'a1', title: 'Shelters', description: '', presentingOrganizationId: 'org-rosa', citedMeasures: [], sourceIssueId: 'i1', position: 0, amendment: false }, { at: '2027-01-02T10:00:00.000Z' }),
      ev('meeting-m1', 'AgendaItemAdded', { meetingId: 'm1', itemId: 'a2', title: 'Other', description: '', presentingOrganizationId: null, citedMeasures: [], sourceIssueId: null, position: 1, amendment: false }, { at: '2027-01-02T10:00:00.000Z' }),
      ev('meeting-m1', 'AgendaItemUpdated', { meetingId: 'm1', itemId: 'a1', title: 'Shelters in the east' }, { at: '2027-01-02T11:00:00.000Z' }),
      ev('meeting-m1', 'DecisionRecorded', { meetingId: 'm1', decisionId: 'd1', agendaItemId: 'a1', text: 'Do it', rationale: '', citedMeasures: [], reviewDate: null, supersedes: null }, { at: '2027-01-10T10:00:00.000Z' }),
      ev('meeting-m1', 'DecisionRecorded', { meetingId: 'm1', decisionId: 'd2', agendaItemId: 'a2', text: 'Other', rationale: '', citedMeasures: [], reviewDate: null, supersedes: null }, { at: '2027-01-10T10:00:00.000Z' }),
      ev('meeting-m1', 'PositionRecorded', { meetingId: 'm1', decisionId: 'd1', organizationId: 'org-udi', position: 'OBJECTS', reason: 'No' }, { at: '2027-01-10T11:00:00.000Z' }),
      ev('meeting-m1', 'PositionRecorded', { meetingId: 'm1', decisionId: 'd2', organizationId: 'org-udi', position: 'SUPPORTS', reason: null }, { at: '2027-01-10T11:00:00.000Z' }),
      ev('meeting-m1', 'ActionItemAssigned', { meetingId: 'm1', actionItemId: 'x1', decisionId: null, agendaItemId: 'a1', description: 'Map', responsibleOrganizationId: 'org-udi', dueDate: '2027-03-01' }, { at: '2027-01-10T10:00:00.000Z' }),
      ev('meeting-m1', 'ActionItemCompleted', { meetingId: 'm1', actionItemId: 'x1', note: null }, { at: '2027-02-01T10:00:00.000Z' }),
      ev('meeting-m1', 'AgendaPublished', { meetingId: 'm1' }, { at: '2027-02-01T10:00:00.000Z' }),
    ]);
    expect(spec.recorded.map((e) => queries.issueConcernedBy(e) ?? '-')).toEqual(['i1', 'i1', '-', 'i1', 'i1', '-', 'i1', '-', 'i1', 'i1', '-']);
  });

  it('keeps each issue, its timeline with the actors, and its lineage from the meetings events', () => {
    spec.given([
      ev('issue-i1', 'IssueSubmitted', { issueId: 'i1', organizationId: 'org-rosa', ...content, citedIssueIds: [] }, { at: '2026-12-31T23:30:00.000Z', actor: rosa }),
      ev('meeting-m1', 'AgendaItemAdded', { meetingId: 'm1', itemId: 'a1', title: 'Shelters', description: '', presentingOrganizationId: 'org-rosa', citedMeasures: [], sourceIssueId: 'i1', position: 0, amendment: false }, { at: '2027-01-02T10:00:00.000Z' }),
      ev('meeting-m1', 'AgendaItemAdded', { meetingId: 'm1', itemId: 'a2', title: 'Other', description: '', presentingOrganizationId: null, citedMeasures: [], sourceIssueId: null, position: 1, amendment: false }, { at: '2027-01-02T10:00:00.000Z' }),
      ev('issue-i1', 'IssuePlacedOnAgenda', { issueId: 'i1', meetingId: 'm1', agendaItemId: 'a1', body: 'PROJECT_GROUP' }, { at: '2027-01-02T10:00:00.000Z' }),
      ev('meeting-m1', 'DecisionRecorded', { meetingId: 'm1', decisionId: 'd1', agendaItemId: 'a1', text: 'Do it', rationale: '', citedMeasures: [], reviewDate: null, supersedes: null }, { at: '2027-01-10T10:00:00.000Z' }),
      ev('meeting-m1', 'DecisionRecorded', { meetingId: 'm1', decisionId: 'd2', agendaItemId: 'a2', text: 'Other', rationale: '', citedMeasures: [], reviewDate: null, supersedes: null }, { at: '2027-01-10T10:00:00.000Z' }),
      ev('issue-i1', 'IssueResolved', { issueId: 'i1', meetingId: 'm1', agendaItemId: 'a1', decisionId: 'd1' }, { at: '2027-01-10T10:00:00.000Z' }),
      ev('meeting-m1', 'ActionItemAssigned', { meetingId: 'm1', actionItemId: 'x1', decisionId: 'd1', agendaItemId: 'a1', description: 'Map', responsibleOrganizationId: 'org-udi', dueDate: '2027-03-01' }, { at: '2027-01-10T10:00:00.000Z' }),
      ev('meeting-m1', 'ActionItemCompleted', { meetingId: 'm1', actionItemId: 'x1', note: null }, { at: '2027-02-01T10:00:00.000Z' }),
    ]);
    // Submitted 31 December 23:30 UTC: already 2027 in Oslo.
    expect(queries.byId('i1')).toMatchObject({ status: 'RESOLVED', outcomeDecisionId: 'd1', outcomeAt: '2027-01-10T10:00:00.000Z', revision: 2, tags: ['BEGGING', 'OTHER'] });
    expect(queries.list({ year: 2027 }, 10, undefined).map((i) => i.id)).toEqual(['i1']);
    expect(queries.timeline('i1', null).map((s) => [s.event, s.status, s.organizationId, s.role])).toEqual([
      ['IssueSubmitted', 'SUBMITTED', 'org-rosa', 'NGO_REPRESENTATIVE'],
      ['IssuePlacedOnAgenda', 'ON_PROJECT_AGENDA', 'org-pod', 'SECRETARIAT'],
      ['IssueResolved', 'RESOLVED', 'org-pod', 'SECRETARIAT'],
    ]);
    const lineage = queries.lineage('i1', null, { drafts: true });
    expect(lineage.agendaItems.map((i) => i.agendaItemId)).toEqual(['a1']);
    expect(lineage.decisions.map((d) => d.decisionId)).toEqual(['d1']);
    expect(lineage.actionItems).toEqual([expect.objectContaining({ actionItemId: 'x1', status: 'COMPLETED' })]);
    expect(queries.lineage('i1', '2027-01-05T00:00:00.000Z', { drafts: true }).decisions).toEqual([]);
    expect(queries.issueIdOf({ decisionId: 'd1' })).toBe('i1');
    expect(queries.issueIdOf({ decisionId: 'd2' })).toBeUndefined();
    expect(queries.statistics(2027)).toMatchObject({ submitted: 1, outcomes: 1, medianDaysToOutcome: 9.44 });
  });

  it('lists an agenda item of a draft agenda, or one removed from the draft, to those who see drafts only; from its publication on to everyone', () => {
    const item = (meetingId: string, itemId: string, title: string, amendment: boolean, at: string) =>
      ev(`meeting-${meetingId}`, 'AgendaItemAdded', { meetingId, itemId, title, description: '', presentingOrganizationId: null, citedMeasures: [], sourceIssueId: 'i1', position: 0, amendment }, { at });
    spec.given([
      ev('issue-i1', 'IssueSubmitted', { issueId: 'i1', organizationId: 'org-rosa', ...content, citedIssueIds: [] }, { at: '2027-01-01T10:00:00.000Z', actor: rosa }),
      item('m1', 'a1', 'Secretariat draft title', false, '2027-01-02T10:00:00.000Z'),
      ev('meeting-m1', 'AgendaItemUpdated', { meetingId: 'm1', itemId: 'a1', title: 'Shelters, as the secretariat puts it' }, { at: '2027-01-03T10:00:00.000Z' }),
      item('m2', 'a2', 'Removed from a draft', false, '2027-01-03T10:00:00.000Z'),
      ev('meeting-m2', 'AgendaItemRemoved', { meetingId: 'm2', itemId: 'a2', amendment: false, reason: null }, { at: '2027-01-04T10:00:00.000Z' }),
      ev('meeting-m2', 'AgendaPublished', { meetingId: 'm2', publishedAt: '2027-01-05T10:00:00.000Z' }, { at: '2027-01-05T10:00:00.000Z' }),
      item('m2', 'a3', 'Added after publishing', true, '2027-01-06T10:00:00.000Z'),
    ]);
    const titles = (asOf: string | null, drafts: boolean) => queries.lineage('i1', asOf, { drafts }).agendaItems.map((i) => i.title);
    expect(titles(null, true)).toEqual(['Shelters, as the secretariat puts it', 'Removed from a draft', 'Added after publishing']);
    expect(titles(null, false)).toEqual(['Added after publishing']);

    spec.given([ev('meeting-m1', 'AgendaPublished', { meetingId: 'm1', publishedAt: '2027-01-08T10:00:00.000Z' }, { at: '2027-01-08T10:00:00.000Z' })]);
    expect(titles(null, false)).toEqual(['Shelters, as the secretariat puts it', 'Added after publishing']);
    // As of an instant before the publication the item was still a draft.
    expect(titles('2027-01-07T10:00:00.000Z', false)).toEqual(['Added after publishing']);
    expect(titles('2027-01-07T10:00:00.000Z', true)).toEqual(['Shelters, as the secretariat puts it', 'Removed from a draft', 'Added after publishing']);
  });

  it('counts the year’s issues by cited measure and present status, under each measure cited and null for none', () => {
    const submit = (issueId: string, numbers: number[], at: string, others: { plan: string; number: number }[] = []) =>
      ev(`issue-${issueId}`, 'IssueSubmitted', { issueId, organizationId: 'org-rosa', ...content, citedMeasures: [...defaultPlanRefs(numbers), ...others], citedIssueIds: [] }, { at, actor: rosa });
    spec.given([
      submit('i1', [6, 17], '2027-01-05T10:00:00.000Z', [{ plan: '2006-2009', number: 1 }]),
      submit('i2', [6], '2027-02-05T10:00:00.000Z'),
      submit('i3', [], '2027-03-05T10:00:00.000Z'),
      submit('i4', [6], '2027-12-31T23:30:00.000Z'), // 1 January 2028 in Oslo
      ev('issue-i2', 'IssueClosed', { issueId: 'i2', reason: 'Answered', meetingId: null, agendaItemId: null }, { at: '2027-03-01T10:00:00.000Z' }),
    ]);
    expect(queries.statusByMeasure(2027)).toEqual([
      { plan: '2011-2014', measure: 6, status: 'CLOSED', count: 1 },
      { plan: '2011-2014', measure: 6, status: 'SUBMITTED', count: 1 },
      { plan: '2011-2014', measure: 17, status: 'SUBMITTED', count: 1 },
      { plan: '2006-2009', measure: 1, status: 'SUBMITTED', count: 1 },
      { plan: null, measure: null, status: 'SUBMITTED', count: 1 },
    ]);
    expect(queries.statusByMeasure(2028)).toEqual([{ plan: '2011-2014', measure: 6, status: 'SUBMITTED', count: 1 }]);
    // A measure is found by (plan, number): measure 1 of 2006-2009 is not measure 1 of 2011-2014.
    expect(queries.list({ measure: 1, plan: '2006-2009' }, 10, undefined).map((i) => i.id)).toEqual(['i1']);
    expect(queries.list({ measure: 1 }, 10, undefined)).toEqual([]);
    expect(queries.byId('i1')?.citedMeasures).toEqual([...defaultPlanRefs([6, 17]), { plan: '2006-2009', number: 1 }]);
    expect(queries.statistics(2027).byMeasure).toEqual([
      { key: '6', count: 2 },
      { key: '17', count: 1 },
      { key: '2006-2009:1', count: 1 },
    ]);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([1, 3, 10, 20])).toBe(6.5);
    expect(median([2, 4, 9])).toBe(4);
  });
});

import { Upcasters, type EventSchema } from '@kom/kernel';
import { AgendaItemProposed } from './agenda-proposal.events';
import { agendaProposalUpcasters } from './agenda-proposal.upcasters';
import { AgendaItemAdded, AgendaItemUpdated, DecisionRecorded } from './meeting.events';
import { meetingUpcasters } from './meeting.upcasters';

const upcasters = new Upcasters([...meetingUpcasters, ...agendaProposalUpcasters]);
const lifted = [
  { plan: '2011-2014', number: 6 },
  { plan: '2011-2014', number: 34 },
];

const V1: ReadonlyArray<readonly [EventSchema, Record<string, unknown>]> = [
  [AgendaItemAdded, { meetingId: 'm1', itemId: 'a1', title: 'Sak', description: '', presentingOrganizationId: null, citedMeasures: [6, 34], sourceIssueId: null, position: 0, amendment: false }],
  [AgendaItemUpdated, { meetingId: 'm1', itemId: 'a1', title: 'Sak', description: 'Ny', presentingOrganizationId: 'org-udi', citedMeasures: [6, 34], amendment: true }],
  [DecisionRecorded, { meetingId: 'm1', decisionId: 'd1', agendaItemId: 'a1', text: 'Vedtak', rationale: '', citedMeasures: [6, 34], reviewDate: null, supersedes: null }],
  [AgendaItemProposed, { proposalId: 'p1', meetingId: 'm1', organizationId: 'org-udi', title: 'Tolk', description: '', citedMeasures: [6, 34], citedIssueIds: [], representativeId: 'rep-udi' }],
];

describe('meetings upcasters: v1 citations (numbers) read as v2 (plan, number) of 2011-2014', () => {
  it.each(V1.map(([schema, v1]) => [schema.type, schema, v1] as const))('%s v1', (_type, schema, v1) => {
    const up = upcasters.upcast(schema.type, {}, v1);
    expect(up).toEqual({ version: 2, data: { ...v1, citedMeasures: lifted } });
    expect(schema.data.safeParse(up!.data).success).toBe(true);
    expect(upcasters.upcast(schema.type, { schemaVersion: 2 }, up!.data)).toBeUndefined();
  });
});

import type { RecordedEvent } from '@kom/event-store';
import { ReadModelDatabase } from '@kom/projections';
import type { AgreementEvent } from '../domain/agreement.events';
import { statusAt } from '../domain/agreement-status';
import { agreementsProjection } from './agreements.projection';
import { AgreementsQueries } from './agreements.queries';

const at = '2026-03-02T09:00:00.000Z';
const parties = [
  { organizationId: 'org-pd', name: 'Oslo politidistrikt', kind: 'POLICE', role: 'Etterforsker', police: true },
  { organizationId: 'org-rosa', name: 'ROSA', kind: 'NGO', role: 'Bistand', police: false },
];
const content = {
  title: 'Avtale',
  purpose: 'Formål',
  parties,
  clauses: [{ section: 'VICTIM_ROUTE' as const, nb: 'Rute', en: null }],
  effectiveFrom: '2026-04-01',
  expiresOn: '2027-04-01',
  citedDecisionIds: ['dec-1'],
};
const events: AgreementEvent[] = [
  { type: 'AgreementDrafted', data: { agreementId: 'a1', version: 1, createdAt: at, ...content } },
  { type: 'AgreementProposedForSignature', data: { agreementId: 'a1', version: 1, proposedAt: at } },
  { type: 'AgreementSigned', data: { agreementId: 'a1', version: 1, organizationId: 'org-pd', signedBy: 'u1', signedAt: at } },
  { type: 'AgreementSigned', data: { agreementId: 'a1', version: 1, organizationId: 'org-rosa', signedBy: 'u2', signedAt: at } },
];
const recorded = (event: AgreementEvent, index: number): RecordedEvent => ({
  id: `e${index}`,
  type: event.type,
  streamId: 'agreement-a1',
  revision: BigInt(index),
  position: BigInt(index + 1),
  data: event.data,
  metadata: { occurredAt: at },
  recordedAt: at,
});

describe('agreements projection', () => {
  let readModels: ReadModelDatabase;
  let queries: AgreementsQueries;

  beforeEach(() => {
    readModels = ReadModelDatabase.open(':memory:');
    agreementsProjection.setup(readModels.db);
    queries = new AgreementsQueries(readModels);
  });
  afterEach(() => readModels.close());

  it('keeps the facts; the status is computed from them for any day', () => {
    events.forEach((e, i) => agreementsProjection.apply(readModels.db, recorded(e, i)));
    const row = queries.byId('a1')!;
    expect(row.revision).toBe(3);
    expect(row.agreement.versions[0]!.signatures).toHaveLength(2);
    expect(statusAt(row.agreement, new Date('2026-03-15T12:00:00Z'))).toBe('PENDING');
    expect(statusAt(row.agreement, new Date('2026-04-15T12:00:00Z'))).toBe('IN_FORCE');
    expect(statusAt(row.agreement, new Date('2027-04-15T12:00:00Z'))).toBe('EXPIRED');
  });

  it('applies each event once, whatever is replayed', () => {
    events.forEach((e, i) => agreementsProjection.apply(readModels.db, recorded(e, i)));
    events.forEach((e, i) => agreementsProjection.apply(readModels.db, recorded(e, i)));
    expect(queries.byId('a1')!.agreement.versions[0]!.signatures).toHaveLength(2);
  });

  it('finds agreements by party and by cited decision', () => {
    agreementsProjection.apply(readModels.db, recorded(events[0]!, 0));
    expect([...queries.scan({ partyId: 'org-rosa' })].map((r) => r.agreement.agreementId)).toEqual(['a1']);
    expect([...queries.scan({ partyId: 'org-noas' })]).toEqual([]);
    expect([...queries.scan({ decisionId: 'dec-1' })]).toHaveLength(1);
    expect([...queries.scan({ decisionId: 'dec-2' })]).toHaveLength(0);
  });
});

import { ev, projectionSpec, type ProjectionSpec } from '@kom/projections/testing';
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
const events = ([
  { type: 'AgreementDrafted', data: { agreementId: 'a1', version: 1, createdAt: at, ...content } },
  { type: 'AgreementProposedForSignature', data: { agreementId: 'a1', version: 1, proposedAt: at } },
  { type: 'AgreementSigned', data: { agreementId: 'a1', version: 1, organizationId: 'org-pd', signedBy: 'u1', signedAt: at } },
  { type: 'AgreementSigned', data: { agreementId: 'a1', version: 1, organizationId: 'org-rosa', signedBy: 'u2', signedAt: at } },
] satisfies AgreementEvent[]).map((event) => ev('agreement-a1', event, { at }));

describe('agreements projection', () => {
  let spec: ProjectionSpec;
  let queries: AgreementsQueries;

  beforeEach(() => {
    spec = projectionSpec([agreementsProjection]);
    queries = new AgreementsQueries(spec.readModels);
  });
  afterEach(() => spec.close());

  it('keeps the facts; the status is computed from them for any day', () => {
    spec.given(events);
    const row = queries.byId('a1')!;
    expect(row.revision).toBe(3);
    expect(row.agreement.versions[0]!.signatures).toHaveLength(2);
    expect(statusAt(row.agreement, new Date('2026-03-15T12:00:00Z'))).toBe('PENDING');
    expect(statusAt(row.agreement, new Date('2026-04-15T12:00:00Z'))).toBe('IN_FORCE');
    expect(statusAt(row.agreement, new Date('2027-04-15T12:00:00Z'))).toBe('EXPIRED');
  });

  it('applies each event once, whatever is replayed', () => {
    spec.given(events).replayed();
    expect(queries.byId('a1')!.agreement.versions[0]!.signatures).toHaveLength(2);
  });

  it('finds agreements by party and by cited decision', () => {
    spec.given(events.slice(0, 1));
    expect([...queries.scan({ partyIds: ['org-rosa'] })].map((r) => r.agreement.agreementId)).toEqual(['a1']);
    expect([...queries.scan({ partyIds: ['org-noas', 'org-pd'] })].map((r) => r.agreement.agreementId)).toEqual(['a1']);
    expect([...queries.scan({ partyIds: ['org-noas'] })]).toEqual([]);
    expect([...queries.scan({ decisionId: 'dec-1' })]).toHaveLength(1);
    expect([...queries.scan({ decisionId: 'dec-2' })]).toHaveLength(0);
  });
});

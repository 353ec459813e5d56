import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { LogIntegrity, ProjectionsService } from '@kom/platform';
import { recordProjectGroupDecision } from '../support/record-decision';
import { TestApp } from '../support/test-app';

/**
 * Sensitive reads are recorded as SensitiveReadRecorded events before the answer leaves, and
 * auditors see them in the audit trail (nb/en), without personal data in the clear.
 */
describe('access log of sensitive reads', () => {
  let t: TestApp;
  let auditor: string;
  let secretariat: string;
  let decisionId: string;
  const get = (url: string, token: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  /** The access-log entries of the audit trail, once the projections hold the log's head. */
  async function accessEntries(): Promise<Array<{ streamId: string; summary: string; en: string; actor: { userId: string; role: string } }>> {
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    await t.app.get(ProjectionsService).waitFor(head);
    const r = await t.gql(
      '{ auditTrail(filter: { eventTypes: ["SensitiveReadRecorded"] }, first: 100) { edges { node { streamId summary en: summary(lang: EN) actor { userId role } } } } }',
      {},
      auditor,
    );
    expect(r.errors).toBeUndefined();
    return r.data!.auditTrail.edges.map((e: { node: unknown }) => e.node);
  }

  beforeAll(async () => {
    t = await TestApp.start();
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'revisor');
    secretariat = await t.token('SECRETARIAT', 'org-pod', 'sara');
    decisionId = await recordProjectGroupDecision(t, 'Vedtak som revisoren leser');
  }, 60_000);

  afterAll(() => t.stop());

  it('records nothing for ordinary reads', async () => {
    expect((await t.gql('{ meetings(first: 5) { edges { node { id } } } }', {}, secretariat)).errors).toBeUndefined();
    expect(await accessEntries()).toEqual([]);
  });

  it('records who read a decision history (GraphQL)', async () => {
    const r = await t.gql('query($id: ID!) { decisionHistory(decisionId: $id) { steps { kind } } }', { id: decisionId }, auditor);
    expect(r.errors).toBeUndefined();
    const [entry] = await accessEntries();
    expect(entry).toMatchObject({ streamId: expect.stringMatching(/^access-log-\d{4}-\d{2}-\d{2}$/), actor: { userId: 'revisor', role: 'AUDITOR' } });
    expect(entry!.en).toContain(`read the history of decision ${decisionId}`);
    expect(entry!.summary).toContain(`leste historikken til vedtak ${decisionId}`);
  });

  it('records who took an evidence bundle (HTTP)', async () => {
    const before = (await accessEntries()).length;
    const bundle = await get(`/evidence/bundle.jsonl?decisionId=${decisionId}`, auditor);
    expect(bundle.statusCode).toBe(200);
    const entries = await accessEntries();
    expect(entries).toHaveLength(before + 1);
    expect(entries.some((e) => e.en.includes(`downloaded an evidence bundle ${decisionId} (jsonl)`))).toBe(true);
  });

  it('records exports of the decision register, over HTTP and GraphQL', async () => {
    const before = (await accessEntries()).length;
    expect((await get('/documents/decision-register.csv?lang=nb', secretariat)).statusCode).toBe(200);
    const link = await t.gql('{ document(input: { kind: DECISION_REGISTER, format: XLSX }) { fileName } }', {}, secretariat);
    expect(link.errors).toBeUndefined();
    const calendar = await t.gql('{ document(input: { kind: CALENDAR, format: ICS, body: PROJECT_GROUP }) { fileName } }', {}, secretariat);
    expect(calendar.errors).toBeUndefined(); // another document: not logged
    const entries = (await accessEntries()).slice(before);
    expect(entries.map((e) => e.en)).toEqual([
      expect.stringContaining('exported the decision register (csv)'),
      expect.stringContaining('exported the decision register (xlsx)'),
    ]);
  });

  it('records a look-up of an erased representative, never the person', async () => {
    const REP = 'id name email erased';
    const added = await t.gql('mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { id } }', { input: { organizationId: 'org-rosa', name: 'Kari Nordmann', email: 'kari@rosa.example' } }, secretariat);
    const personId = added.data!.addRepresentative.id as string;
    expect((await t.gql(`query($id: ID!) { representative(id: $id) { ${REP} } }`, { id: personId }, auditor)).errors).toBeUndefined();
    const before = (await accessEntries()).length; // reading a person not erased is not logged here
    const forgotten = await t.gql('mutation($input: PersonDataInput!) { forgetPerson(input: $input) { id } }', { input: { personId, legalBasis: 'GDPR art. 17(1)(a)' } }, secretariat);
    expect(forgotten.errors).toBeUndefined();
    const read = await t.gql(`query($id: ID!) { representative(id: $id) { ${REP} } }`, { id: personId }, auditor);
    expect(read.data!.representative).toMatchObject({ id: personId, erased: true, name: null });
    const entries = (await accessEntries()).slice(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.en).toContain(`looked up an erased representative ${personId}`);
    expect(JSON.stringify(entries)).not.toMatch(/Kari|kari@rosa/);
  });

  it('hands out nothing unlogged: when the record cannot be written, the read fails', async () => {
    t.app.get(LogIntegrity).broken(1n, 'simulated', 0);
    const bundle = await get(`/evidence/bundle.jsonl?decisionId=${decisionId}`, auditor);
    expect(bundle.statusCode).toBeGreaterThanOrEqual(500);
    expect(bundle.body).not.toContain('"kind":"event"');
    const history = await t.gql('query($id: ID!) { decisionHistory(decisionId: $id) { steps { kind } } }', { id: decisionId }, auditor);
    expect(history.data?.decisionHistory ?? null).toBeNull();
    expect(history.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });
});

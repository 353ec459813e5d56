import { verifyBundle, verifyInclusion } from '@kom/audit';
import { ManualClock } from '@kom/platform';
import { supersededDecisionScenario, type SupersededDecisionScenario } from '../support/superseded-decision-scenario';
import { TestApp } from '../support/test-app';

/**
 * What the auditors' pages of the web app ask of the API: the decision register by meeting and
 * date, a decision's history as of an earlier instant with each step's proof, the progress of a
 * whole-log verification, the event types to filter the trail by, and evidence bundles over HTTP
 * that verify offline.
 */
describe('auditors read the record', () => {
  const clock = new ManualClock('2026-01-04T08:00:00.000Z');
  let t: TestApp;
  let auditor: string;
  let ngo: string;
  let s: SupersededDecisionScenario;

  const HISTORY = `query($id: ID!, $asOf: String) { decisionHistory(decisionId: $id, asOf: $asOf) {
    asOf text status supersededBy positions { organizationId position reason }
    steps { kind entry { eventId eventType occurredAt hash } proof { leafIndex leafHash treeSize rootHash path } } } }`;
  const history = (asOf?: string) => t.data(HISTORY, { id: s.original, asOf }, auditor);
  const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    t = await TestApp.start({ clock });
    auditor = await t.token('AUDITOR', 'org-riksrevisjonen', 'revisor');
    ngo = await t.token('NGO_REPRESENTATIVE', 'org-rosa', 'rita');
    s = await supersededDecisionScenario(t, clock);
  }, 60_000);
  afterAll(() => t?.stop());

  it('tells a decision as it stood on an earlier date, from the events up to then', async () => {
    const now = (await history()).decisionHistory;
    expect(now).toMatchObject({ asOf: null, status: 'SUPERSEDED', supersededBy: s.replacement });
    expect(now.positions).toEqual([
      { organizationId: 'org-nav', position: 'SUPPORTS', reason: null },
      { organizationId: 'org-udi', position: 'SUPPORTS', reason: null },
    ]);

    const dissenting = (await history(s.times.whileDissenting)).decisionHistory;
    expect(dissenting).toMatchObject({ asOf: s.times.whileDissenting, status: 'ACTIVE', supersededBy: null });
    expect(dissenting.positions).toContainEqual({ organizationId: 'org-nav', position: 'OBJECTS', reason: 'Ressursene kommer først i 2028.' });
    // Only what had happened: no supersession step, nothing after the instant.
    expect(dissenting.steps.map((step: { kind: string }) => step.kind)).not.toContain('SUPERSESSION');
    expect(dissenting.steps.every((step: { entry: { occurredAt: string } }) => step.entry.occurredAt <= s.times.whileDissenting)).toBe(true);
    expect(dissenting.steps.length).toBeLessThan(now.steps.length);

    const withdrawn = (await history(s.times.afterDissentWithdrawn)).decisionHistory;
    expect(withdrawn.status).toBe('ACTIVE');
    expect(withdrawn.positions).toContainEqual({ organizationId: 'org-nav', position: 'SUPPORTS', reason: null });

    // Before it was recorded there was no decision to tell.
    expect((await history(s.times.beforeOriginal)).decisionHistory).toBeNull();
    const bad = await t.gql(HISTORY, { id: s.original, asOf: 'yesterday' }, { token: auditor });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_AS_OF' });
  });

  it('proves each step is in a signed checkpoint once one covers it', async () => {
    const before = (await history()).decisionHistory.steps as Array<{ proof: unknown }>;
    expect(before.some((step) => step.proof === null)).toBe(true);
    await t.data('mutation { createAuditCheckpoint { treeSize } }', {}, await t.token('SECRETARIAT', 'org-pod', 'sara'));
    const steps = (await history()).decisionHistory.steps as Array<{ entry: { eventId: string }; proof: { leafIndex: number; leafHash: string; treeSize: number; rootHash: string; path: string[] } }>;
    for (const step of steps) {
      expect(step.proof).not.toBeNull();
      expect(verifyInclusion(step.proof.leafIndex, step.proof.treeSize, step.proof.leafHash, step.proof.path, step.proof.rootHash)).toBe(true);
    }
    // A proof is of that event: another step's path does not prove it.
    const [a, b] = steps;
    expect(verifyInclusion(a!.proof.leafIndex, a!.proof.treeSize, a!.proof.leafHash, b!.proof.path, a!.proof.rootHash)).toBe(false);
    // The field is guarded like the query: an NGO representative is refused.
    const refused = await t.gql(HISTORY, { id: s.original }, { token: ngo });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows the whole-log verification going on, then its outcome', async () => {
    const idle = (await t.data('{ integrityCheck { running checkedEvents totalEvents lastReport { valid } lastFinishedAt } }', {}, auditor)).integrityCheck;
    expect(idle).toMatchObject({ running: false, checkedEvents: 0, totalEvents: null });
    const [report, during] = await Promise.all([
      t.data('{ verifyIntegrity { valid checkedEvents } }', {}, auditor),
      t.data('{ integrityCheck { running totalEvents } }', {}, auditor),
    ]);
    expect(report.verifyIntegrity.valid).toBe(true);
    if (during.integrityCheck.running) expect(during.integrityCheck.totalEvents).toBeGreaterThan(0);
    const after = (await t.data('{ integrityCheck { running lastReport { valid checkedEvents } lastFinishedAt } }', {}, auditor)).integrityCheck;
    expect(after).toMatchObject({ running: false, lastReport: { valid: true, checkedEvents: report.verifyIntegrity.checkedEvents } });
    expect(Date.parse(after.lastFinishedAt)).not.toBeNaN();
  });

  it('lists the event types in the log for the trail filter', async () => {
    const { auditEventTypes } = await t.data('{ auditEventTypes }', {}, auditor);
    expect(auditEventTypes).toEqual(expect.arrayContaining(['DecisionRecorded', 'DecisionSuperseded', 'PositionRecorded', 'MeetingScheduled']));
    expect([...auditEventTypes].sort()).toEqual(auditEventTypes);
    expect(new Set(auditEventTypes).size).toBe(auditEventTypes.length);
  });

  it('hands out evidence bundles over HTTP that verify offline', async () => {
    const keyId = (await t.data('{ auditPublicKey { keyId } }', {}, auditor)).auditPublicKey.keyId as string;
    const ofDecision = await get(`/evidence/bundle.jsonl?decisionId=${s.original}`, auditor);
    expect(ofDecision.statusCode).toBe(200);
    expect(ofDecision.headers['content-type']).toContain('application/x-ndjson');
    expect(ofDecision.headers['content-disposition']).toMatch(/^attachment; filename="kom-evidence-decision-[0-9a-f]{8}\.jsonl"$/);
    const report = verifyBundle(ofDecision.body, { expectedKeyId: keyId });
    expect(report).toMatchObject({ valid: true, unprovenEvents: 0 });
    // The decision's span: its first step (the meeting scheduled) to the supersession.
    const ids = ofDecision.body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { kind: string; event?: { type: string; data: { decisionId?: string } } });
    const types = ids.filter((l) => l.kind === 'event').map((l) => l.event!.type);
    expect(types).toEqual(expect.arrayContaining(['MeetingScheduled', 'DecisionRecorded', 'PositionRecorded', 'DecisionSuperseded']));

    const year = await get('/evidence/bundle.jsonl?from=2026-01-01&to=2026-01-31', auditor);
    expect(year.statusCode).toBe(200);
    expect(year.headers['content-disposition']).toContain('kom-evidence-2026-01-01-2026-01-31.jsonl');
    expect(verifyBundle(year.body, { expectedKeyId: keyId }).valid).toBe(true);
    // Bare dates are KOM's days, in Oslo: both included.
    expect(JSON.parse(year.body.split('\n')[0]!)).toMatchObject({ kind: 'header', from: '2025-12-31T23:00:00.000Z', to: '2026-01-31T23:00:00.000Z' });
    const summer = await get('/evidence/bundle.jsonl?from=2026-07-01&to=2026-07-01', auditor);
    expect(JSON.parse(summer.body.split('\n')[0]!)).toMatchObject({ from: '2026-06-30T22:00:00.000Z', to: '2026-07-01T22:00:00.000Z' });
    const events = year.body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { kind: string; event?: { type: string } }).filter((l) => l.kind === 'event');
    expect(events.map((l) => l.event!.type)).not.toContain('DecisionSuperseded'); // that was in February

    // One byte changed and the bundle no longer verifies.
    const tampered = year.body.replace('Ressursene kommer først i 2028.', 'Ressursene kommer først i 2029.');
    expect(tampered).not.toBe(year.body);
    expect(verifyBundle(tampered, { expectedKeyId: keyId }).valid).toBe(false);
  });

  it('refuses a bad request for a bundle, plainly, and anyone but auditors and the secretariat', async () => {
    const cases: Array<[string, number, string]> = [
      ['/evidence/bundle.jsonl', 400, 'INVALID_TIME_RANGE'],
      ['/evidence/bundle.jsonl?from=2026-02-01&to=2026-01-01', 400, 'INVALID_TIME_RANGE'],
      ['/evidence/bundle.jsonl?from=soon&to=2026-01-01', 400, 'INVALID_TIME'],
      // Whose ten o'clock? And a day that is already in year 10000 in Oslo.
      ['/evidence/bundle.jsonl?from=2026-01-01T10:00&to=2026-01-02', 400, 'INVALID_TIME'],
      ['/evidence/bundle.jsonl?from=2026-01-01&to=9999-12-31T23:30:00Z', 400, 'INVALID_TIME'],
      [`/evidence/bundle.jsonl?decisionId=${s.original}&from=2026-01-01`, 400, 'INVALID_BUNDLE_REQUEST'],
      ['/evidence/bundle.jsonl?decisionId=00000000-0000-4000-8000-000000000000', 404, 'DECISION_NOT_FOUND'],
    ];
    for (const [url, status, reason] of cases) {
      const response = await get(url, auditor);
      expect({ url, status: response.statusCode }).toEqual({ url, status });
      const body = JSON.parse(response.body) as { error: { code: string; reason?: string } };
      expect(body.error.reason ?? body.error.code).toBe(reason);
    }
    expect((await get('/evidence/bundle.jsonl?from=2026-01-01&to=2026-01-31', ngo)).statusCode).toBe(403);
    expect((await get('/evidence/bundle.jsonl?from=2026-01-01&to=2026-01-31')).statusCode).toBe(401);
  });
});

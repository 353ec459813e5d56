import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '@kom/event-store/testing';
import { Browser } from '../support/browser';
import { ok } from '../support/helpers';
import { TestApp } from '../support/test-app';

/**
 * Two API replicas, each with its own data directory (read models, nothing shared on disk but the
 * signing keys, mounted into both as in production), on one PostgreSQL database: what one replica
 * records of sessions, idempotency keys, rate limits and personal-data keys holds on the other.
 */
const ME = '{ me { userId organizationId role } }';
const ADD = 'mutation($input: AddRepresentativeInput!) { addRepresentative(input: $input) { id } }';
const FORGET = 'mutation($input: PersonDataInput!) { forgetPerson(input: $input) { id erased } }';
const READ = 'query($id: ID!) { representative(id: $id) { id name email erased } }';
const SIGN_INS_PER_MINUTE = 6;

describeWithPostgres('two replicas on one PostgreSQL database', () => {
  let database: TestDatabase;
  let keys: string;
  let a: TestApp;
  let b: TestApp;
  let raw: Pool;
  let secretariat: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    keys = mkdtempSync(join(tmpdir(), 'kom-replica-keys-'));
    const env = {
      KOM_EVENTSTORE_URL: database.url,
      KOM_AUTH_KEY_FILE: join(keys, 'auth-signing-key.json'),
      KOM_AUDIT_KEY_FILE: join(keys, 'audit-signing-key.pem'),
      KOM_RATE_LIMIT_SIGN_INS_PER_MINUTE: String(SIGN_INS_PER_MINUTE),
    };
    a = await TestApp.start({ env });
    b = await TestApp.start({ env });
    raw = new Pool({ connectionString: database.url, max: 1 });
    secretariat = await a.token('SECRETARIAT', 'org-pod', 'pod-sara');
  }, 120_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await raw?.end();
    await database?.drop();
    rmSync(keys, { recursive: true, force: true });
  });

  it('keeps none of the shared state in the replicas\' data directories', () => {
    for (const t of [a, b]) {
      expect(t.config.sharedStateUrl).toBe(database.url);
      const files = readdirSync(t.config.dataDir);
      expect(files).toContain('read-models.sqlite');
      for (const local of ['sessions.sqlite', 'idempotency.sqlite', 'personal-data-keys.sqlite']) expect(files).not.toContain(local);
    }
    expect(a.config.dataDir).not.toBe(b.config.dataDir);
  });

  it('reports the shared-state database in readiness', async () => {
    const response = await a.app.inject({ method: 'GET', url: '/health/ready' });
    expect(JSON.parse(response.body)).toMatchObject({ info: { sharedState: { status: 'up' } } });
  });

  it('signs a browser in through A and lets it work on B; a sign-out on B holds on A', async () => {
    const onA = new Browser(a);
    expect((await onA.request('POST', '/auth/embedded/sign-in', { json: { userId: 'demo-rosa' } })).status).toBe(204);
    const { csrfToken } = await onA.session();
    const onB = new Browser(b);
    for (const [name, value] of onA.cookies) onB.cookies.set(name, value);

    const me = await onB.gql(ME, {}, { csrfToken });
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toMatchObject({ userId: 'demo-rosa', organizationId: 'org-rosa' });

    expect((await onB.request('POST', '/auth/logout', { headers: { 'x-csrf-token': csrfToken } })).status).toBeLessThan(400);
    expect(await onA.session()).toMatchObject({ authenticated: false });
    expect((await onA.gql(ME, {}, { csrfToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('counts sign-in attempts across both replicas', async () => {
    // One attempt was used by the sign-in above (same client address); two more on A.
    for (let i = 0; i < 2; i++) expect((await new Browser(a).request('POST', '/auth/embedded/sign-in', { json: { userId: 'nobody' } })).status).toBe(400);
    // B has seen none of those: per replica it would allow the whole budget; shared, only what is left.
    const onB = new Browser(b);
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_INS_PER_MINUTE; i++) statuses.push((await onB.request('POST', '/auth/embedded/sign-in', { json: { userId: 'nobody' } })).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429, 429]);
  });

  it('runs one request sent with one idempotency key to both replicas at once exactly once', async () => {
    const idempotencyKey = randomUUID();
    const input = { organizationId: 'org-noas', name: 'Ola Nordmann', email: 'ola@noas.example', idempotencyKey };
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? b : a).gql(ADD, { input }, secretariat)));
    const ids = answers.map((r) => ok(r).addRepresentative.id as string);
    expect(new Set(ids).size).toBe(1);
    const { rows } = await raw.query<{ n: string }>("SELECT count(*) AS n FROM events WHERE type = 'RepresentativeAdded' AND data->>'representativeId' = $1", [ids[0]]);
    expect(rows[0]!.n).toBe('1');
    const added = await raw.query<{ n: string }>("SELECT count(*) AS n FROM events WHERE type = 'RepresentativeAdded' AND data->>'organizationId' = 'org-noas'");
    expect(added.rows[0]!.n).toBe('1');
  });

  it('erases a person through A: B reads the person as erased, and the key\'s row is gone from the table', async () => {
    const personId = ok(await a.gql(ADD, { input: { organizationId: 'org-rosa', name: 'Kari Nordmann', email: 'kari@rosa.example' } }, secretariat))
      .addRepresentative.id as string;
    // Read on B before the erasure: B unseals with the key from the shared table.
    await waitFor(async () => ok(await b.gql(READ, { id: personId }, secretariat)).representative?.name === 'Kari Nordmann');

    expect(ok(await a.gql(FORGET, { input: { personId, legalBasis: 'GDPR art. 17(1)(a)' } }, secretariat)).forgetPerson).toEqual({ id: personId, erased: true });

    // Whether or not B's read model has seen the erasure event yet, the key is gone for it.
    expect(ok(await b.gql(READ, { id: personId }, secretariat)).representative).toEqual({ id: personId, name: null, email: null, erased: true });
    const { rowCount } = await raw.query('SELECT 1 FROM personal_data_keys WHERE subject_id = $1', [personId]);
    expect(rowCount).toBe(0);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > giveUpAt) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

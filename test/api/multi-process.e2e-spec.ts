import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { loadOrCreateAuditKey } from '@kom/audit';
import { EmbeddedIssuer } from '@kom/auth';
import { PostgresEventStore } from '@kom/event-store';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '@kom/event-store/testing';
import type { Role } from '@kom/kernel';
import { loadConfig } from '@kom/platform';
import { CHECKPOINT_TABLE } from '@kom/projections';
import { runCli } from '../../apps/cli/src/run-cli';
import { digestTable } from '../../apps/cli/src/audit/read-model-digest';
import { CONTEXTS } from '../../apps/api/src/contexts';
import { startApiProcess, type ApiProcess } from '../support/api-process';

jest.setTimeout(180_000);

const SUBMIT = 'mutation($input: SubmitIssueInput!) { submitIssue(input: $input) { id organizationId status } }';
const ISSUE = 'query($id: ID!) { issue(id: $id) { id title } }';
const ORGS = ['org-rosa', 'org-noas', 'org-redd-barna', 'org-iom-oslo'];

/**
 * Three real API processes on one PostgreSQL log, each with its own data directory (read models,
 * sessions) and the shared key files, written to at once; one is killed with SIGKILL mid-load and
 * started again. Nothing may be lost or doubled, every replica must end with the same read models,
 * the log must verify, and a subscriber on one replica must hear a write made through another.
 */
describeWithPostgres('several API processes on one PostgreSQL log', () => {
  let root: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  let issuer: EmbeddedIssuer;
  const running: ApiProcess[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kom-multi-'));
    database = await createTestDatabase();
    env = {
      KOM_EVENTSTORE_URL: database.url,
      KOM_AUTH_KEY_FILE: join(root, 'keys', 'embedded-signing-key.json'),
      KOM_AUDIT_KEY_FILE: join(root, 'keys', 'audit-signing-key.pem'),
      KOM_PERSONAL_DATA_KEYS_FILE: join(root, 'keys', 'personal-data-keys.sqlite'),
      // Checkpoints every 25 leaves: the notaries of all three race to sign many of them.
      KOM_AUDIT_CHECKPOINT_EVERY: '25',
      KOM_RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000',
    };
    // The shared keys exist before the replicas start, as a deployment provides them.
    issuer = await EmbeddedIssuer.open(loadConfig({ ...env, KOM_DATA_DIR: join(root, 'cli') }).auth);
    loadOrCreateAuditKey(env.KOM_AUDIT_KEY_FILE!);
  });

  afterAll(async () => {
    for (const api of running.splice(0)) {
      api.process.kill('SIGKILL');
      await api.exited;
    }
    await database?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  const start = async (name: string): Promise<ApiProcess> => {
    const api = await startApiProcess(join(root, name, 'data'), join(root, name, 'work'), env);
    running.push(api);
    if (!(await api.serving(90_000))) throw new Error(`${name} did not start:\n${api.output()}`);
    return api;
  };
  const token = (role: Role, organizationId: string, userId: string) => issuer.issue({ userId, organizationId, role });
  const gql = async (api: ApiProcess, query: string, variables: Record<string, unknown>, bearer: string) => {
    const response = await fetch(api.url('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, any>; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  };
  const cli = async (dataDir: string, ...argv: string[]) => {
    const out: string[] = [];
    const code = await runCli(argv, { ...env, KOM_DATA_DIR: dataDir }, (l) => out.push(l), (l) => out.push(l));
    return { code, out: out.join('\n') };
  };

  it('lose nothing, double nothing, converge, verify, and push live across replicas', async () => {
    const startedAt = Date.now();
    const names = ['a', 'b', 'c'];
    const apis = await Promise.all(names.map((name) => start(name)));
    const [a, b] = apis as [ApiProcess, ApiProcess, ApiProcess];
    console.log(`3 API processes serving after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    const tokens = Object.fromEntries(await Promise.all(ORGS.map(async (org) => [org, await token('NGO_REPRESENTATIVE', org, `${org}-rep`)] as const)));

    // A subscriber on B hears an issue submitted through A.
    const listener = createClient({ url: `ws://127.0.0.1:${b.port}/graphql`, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, connectionParams: { authorization: `Bearer ${tokens['org-iom-oslo']}` } });
    const heard = (async () => {
      const subscription = listener.iterate<{ issueStatusChanged: { id: string; status: string } }>({
        query: 'subscription { issueStatusChanged(organizationId: "org-iom-oslo") { id status } }',
      });
      for await (const message of subscription) return { issue: message.data!.issueStatusChanged, at: Date.now() };
      throw new Error('the subscription ended');
    })();
    await new Promise((resolve) => setTimeout(resolve, 500)); // graphql-ws registers the subscription
    const sentAt = Date.now();
    const pushed = await gql(a, SUBMIT, { input: issueInput('org-iom-oslo', 'live across replicas') }, tokens['org-iom-oslo']!);
    expect(pushed.errors).toBeUndefined();
    let timer: NodeJS.Timeout | undefined;
    const received = await Promise.race([
      heard,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('B never heard the write made through A')), 30_000))),
    ]).finally(() => clearTimeout(timer));
    expect(received.issue).toEqual({ id: pushed.data!.submitIssue.id, status: 'SUBMITTED' });
    console.log(`write through A heard by a subscriber on B after ${received.at - sentAt} ms (mutation round trip included)`);
    await listener.dispose();

    // Load: 4 clients per replica submit issues at once; C is killed with SIGKILL mid-way.
    const accepted = new Map<string, string>([[pushed.data!.submitIssue.id, 'a']]);
    let unknown = 0;
    let readYourWrites = 0;
    let cKilled = false;
    const PER_CLIENT = 12;
    const client = async (replica: number, n: number) => {
      for (let i = 0; i < PER_CLIENT; i++) {
        // C's clients stop once it is gone; only the requests it had in hand are in doubt.
        if (replica === 2 && cKilled) return;
        const api = apis[replica]!;
        const org = ORGS[(replica + n + i) % ORGS.length]!;
        try {
          const result = await gql(api, SUBMIT, { input: issueInput(org, `load ${replica}.${n}.${i}`) }, tokens[org]!);
          if (result.errors) throw new Error(JSON.stringify(result.errors));
          const id = result.data!.submitIssue.id as string;
          expect(accepted.has(id)).toBe(false);
          accepted.set(id, names[replica]!);
          // Read-your-writes on the replica that took the write, at once.
          const read = await gql(api, ISSUE, { id }, tokens[org]!);
          expect(read.data?.issue?.id).toBe(id);
          readYourWrites += 1;
        } catch (error) {
          // Only the killed replica may fail: its answer was lost, the write may or may not be in.
          if (replica !== 2) throw error;
          unknown += 1;
        }
      }
    };
    const load = Promise.all([0, 1, 2].flatMap((replica) => [0, 1, 2, 3].map((n) => client(replica, n))));
    const c = apis[2]!;
    while ([...accepted.values()].filter((name) => name === 'c').length < 8) await new Promise((resolve) => setTimeout(resolve, 20));
    cKilled = true;
    c.process.kill('SIGKILL');
    expect((await c.exited).signal).toBe('SIGKILL');
    await load;
    expect(unknown).toBeLessThanOrEqual(4); // one request in hand per client of C
    console.log(`load: ${accepted.size} issues accepted, ${unknown} answers lost with the killed replica`);

    // C again, on its own data directory: it catches up from its checkpoint and takes writes.
    const c2 = await start('c');
    for (const org of ORGS) {
      const result = await gql(c2, SUBMIT, { input: issueInput(org, 'after the restart') }, tokens[org]!);
      expect(result.errors).toBeUndefined();
      accepted.set(result.data!.submitIssue.id, 'c');
    }
    // A new replica with an empty data directory catches up from zero.
    const d = await start('d');
    const replicas = [a, b, c2, d];

    // Nothing lost, nothing doubled: each accepted issue exactly once in the log; no other, bar
    // those whose answer was lost with C.
    const store = await PostgresEventStore.connect(database.url);
    try {
      const submitted = (await store.readAll()).filter((e) => e.type === 'IssueSubmitted');
      const perIssue = new Map<string, number>();
      for (const e of submitted) perIssue.set(e.streamId, (perIssue.get(e.streamId) ?? 0) + 1);
      for (const id of accepted.keys()) expect(perIssue.get(`issue-${id}`)).toBe(1);
      expect([...perIssue.values()].every((n) => n === 1)).toBe(true);
      expect(submitted.length).toBeGreaterThanOrEqual(accepted.size);
      expect(submitted.length).toBeLessThanOrEqual(accepted.size + unknown);
      expect(new Set(submitted.map((e) => e.id)).size).toBe(submitted.length);

      // Every replica's read models equal, table by table, once all have caught up with the head.
      const files = ['a', 'b', 'c', 'd'].map((name) => join(root, name, 'data', 'read-models.sqlite'));
      const digests = await converged(store, files);
      for (const digest of digests.slice(1)) expect(digest).toEqual(digests[0]);
      // And over GraphQL: every replica answers every accepted issue the same.
      const some = [...accepted.keys()].slice(0, 20);
      for (const id of some) {
        const answers = await Promise.all(replicas.map((api) => gql(api, ISSUE, { id }, tokens['org-rosa']!)));
        for (const answer of answers) expect(answer.data?.issue).toEqual(answers[0]!.data?.issue);
      }
    } finally {
      await store.close();
    }
    expect(readYourWrites).toBeGreaterThan(0);

    // The log verifies (chains and the checkpoints the three notaries signed), and so does an evidence bundle.
    const cliDir = join(root, 'cli');
    const verified = await cli(cliDir, 'verify');
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/valid/);
    const bundle = join(root, 'bundle.jsonl');
    expect((await cli(cliDir, 'export-audit', '--from', '2000-01-01', '--to', '2999-12-31', '--out', bundle)).code).toBe(0);
    const bundleVerified = await cli(cliDir, 'verify', '--bundle', bundle);
    expect(bundleVerified.code).toBe(0);
    console.log(`${verified.out.split('\n')[0]}; ${bundleVerified.out.split('\n')[0]}; ${((Date.now() - startedAt) / 1000).toFixed(1)} s in all`);
  });
});

function issueInput(organizationId: string, title: string) {
  return {
    organizationId,
    title: `Shelter capacity: ${title}`,
    description: 'Shelters in the east are full and victims wait for weeks.',
    category: 'IDENTIFICATION_AND_ASSISTANCE',
    tags: ['FORCED_LABOUR'],
  };
}

/**
 * Waits until every replica's projections stand at the log's head and the head stays put (the
 * notaries append checkpoints after the others' writes), then returns each replica's digest of
 * every read-model table.
 */
async function converged(store: PostgresEventStore, files: string[]): Promise<Array<Record<string, string>>> {
  const tables = CONTEXTS.flatMap((c) => c.projections).flatMap((p) => p.tables);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const head = await store.headPosition();
    const dbs = files.map((file) => new Database(file, { readonly: true, fileMustExist: true }));
    try {
      const behind = dbs.some((db) =>
        (db.prepare(`SELECT position FROM ${CHECKPOINT_TABLE}`).all() as Array<{ position: string | number }>).some((p) => BigInt(p.position) !== head),
      );
      if (!behind) {
        const digests = dbs.map((db) => Object.fromEntries(tables.map((t) => [t, `${digestTable(db, t).rows}:${digestTable(db, t).digest}`])));
        if ((await store.headPosition()) === head) return digests;
      }
    } finally {
      for (const db of dbs) db.close();
    }
    if (Date.now() > deadline) throw new Error(`the replicas did not converge on head ${head}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { redactConnectionString } from '../../kurrentdb/connection-string';

/** The server the PostgreSQL tests and benchmarks use; each creates its own database on it. */
export const TEST_POSTGRES_URL = process.env.KOM_TEST_POSTGRES_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';

const UNREACHABLE = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|timeout/i;

/**
 * Why the PostgreSQL suites cannot run here, or undefined when they can. Synchronous, because jest
 * defines suites synchronously: a child process tries to connect. Only an absent server is a reason
 * to skip; any other failure (wrong password, missing database) lets the suites run and fail loudly.
 */
export function postgresSkipReason(url: string = TEST_POSTGRES_URL): string | undefined {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const { Client } = require(${JSON.stringify(require.resolve('pg'))});
       const c = new Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: 3000 });
       c.connect().then(() => c.end()).then(() => process.exit(0), (e) => { console.log(e.code || e.message); process.exit(1); });`,
    ],
    { env: { ...process.env, PROBE_URL: url }, encoding: 'utf8', timeout: 10_000 },
  );
  if (probe.status === 0) return undefined;
  const cause = `${probe.stdout ?? ''}${probe.error?.message ?? ''}`.trim() || 'no answer';
  if (!UNREACHABLE.test(cause)) return undefined;
  return `PostgreSQL is not reachable at ${redactConnectionString(url)} (${cause}); start it or set KOM_TEST_POSTGRES_URL`;
}

export interface TestDatabase {
  /** The connection string of the new database. */
  readonly url: string;
  readonly name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

/** A database with a random name on the test server, for one suite; drop() it afterwards. */
export async function createTestDatabase(serverUrl: string = TEST_POSTGRES_URL): Promise<TestDatabase> {
  const name = `kom_test_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  await asAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => asAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * A database of the suite's own, created before its first test and dropped after its last, with a
 * connection of its own beside the code under test (to find and end that code's backends).
 */
export function suiteDatabase(): { readonly database: TestDatabase; readonly admin: Client } {
  const live: { database?: TestDatabase; admin?: Client } = {};
  beforeAll(async () => {
    live.database = await createTestDatabase();
    live.admin = new Client({ connectionString: live.database.url });
    await live.admin.connect();
  });
  afterAll(async () => {
    await live.admin?.end();
    await live.database?.drop();
  });
  return {
    get database() {
      return live.database!;
    },
    get admin() {
      return live.admin!;
    },
  };
}

async function asAdmin<T>(serverUrl: string, work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * `describe` for suites that need the test server. Without one, the reason is the title of the
 * suite's first case, so that the run's summary shows it, and every case is reported as skipped.
 */
export function describeWithPostgres(title: string, define: () => void, skipReason: string | undefined = postgresSkipReason()): void {
  if (skipReason === undefined) {
    describe(title, define);
    return;
  }
  console.warn(`${title} skipped: ${skipReason}`);
  describe(title, () => {
    it.skip(`${title}: ${skipReason}`, () => undefined);
  });
  describe.skip(title, define);
}

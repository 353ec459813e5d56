import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { isConnectionError } from './connection-errors';
import { inTransaction, openPostgresPool, releaseClient } from './pool';
import { LostConnections, terminateBackend, watchProcessFailures } from './testing/connection-faults';
import { describeWithPostgres, suiteDatabase } from './testing/postgres-test-database';

/**
 * The one place pools are opened: a connection the server ends while it is checked out (no
 * statement running, so node-postgres emits 'error' on the Client) is reported and discarded
 * instead of ending the process, and the pool hands out a new one.
 */
describeWithPostgres('openPostgresPool', () => {
  const suite = suiteDatabase();
  let pool: Pool;
  let lost: LostConnections;
  let watch: ReturnType<typeof watchProcessFailures>;

  beforeEach(async () => {
    watch = watchProcessFailures();
    lost = new LostConnections();
    // One connection: a connection after a loss is visibly a new one (another backend pid).
    pool = await openPostgresPool({ connectionString: suite.database.url, application_name: 'kom-pool-spec', max: 1 }, { onConnectionLost: lost.report });
  });
  afterEach(async () => {
    watch.stop();
    await pool.end();
  });

  const pidOf = async (run: Pool | PoolClient) => (await run.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

  it('reports a checked-out connection terminated between two statements, keeps the process alive, and replaces it', async () => {
    const client = await pool.connect();
    await client.query('BEGIN');
    const pid = await pidOf(client);

    await terminateBackend(suite.admin, pid);
    const [error] = await lost.reached(1);

    expect(error).toMatchObject({ code: '57P01' });
    const next = await client.query('SELECT 1').catch((e: unknown) => e);
    expect(isConnectionError(next)).toBe(true);
    releaseClient(client);
    expect(pool.totalCount).toBe(0);
    expect(await pidOf(pool)).not.toBe(pid);
    expect(watch.failures).toEqual([]);
  });

  it('reports an idle connection the server ends, and replaces it', async () => {
    const pid = await pidOf(pool);

    await terminateBackend(suite.admin, pid);
    await lost.reached(1);

    expect(await pidOf(pool)).not.toBe(pid);
    expect(lost.errors).toHaveLength(1); // the server's message and the socket's close: one loss
    expect(watch.failures).toEqual([]);
  });

  describe('inTransaction', () => {
    it('rolls a refused transaction back and reuses its connection', async () => {
      let pid = 0;
      const refused = inTransaction(pool, 'BEGIN', async (client) => {
        pid = await pidOf(client);
        await client.query('CREATE TABLE written_then_refused (x int)');
        await client.query('SELECT 1 / 0');
      });

      await expect(refused).rejects.toMatchObject({ code: '22012' });
      expect(await pidOf(pool)).toBe(pid);
      const { rows } = await pool.query("SELECT to_regclass('written_then_refused') AS t");
      expect(rows[0].t).toBeNull();
    });

    it('fails with a connection error when the connection is lost between two statements, and discards it', async () => {
      let pid = 0;
      const cut = inTransaction(pool, 'BEGIN', async (client) => {
        pid = await pidOf(client);
        await terminateBackend(suite.admin, pid);
        await lost.reached(1);
        await client.query('SELECT 1');
      });

      const error = await cut.catch((e: unknown) => e);
      expect(isConnectionError(error)).toBe(true);
      expect(await pidOf(pool)).not.toBe(pid);
      expect(watch.failures).toEqual([]);
    });
  });
});

describe('PostgreSQL pools in the platform', () => {
  const REPO = resolve(__dirname, '../../../..');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return ['node_modules', 'testing', 'dist'].includes(entry.name) ? [] : sources(path);
      return /\.ts$/.test(entry.name) && !/\.(spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
    });

  it('are all opened by openPostgresPool, so that none lacks the error listener', () => {
    const opening = [...sources(join(REPO, 'libs')), ...sources(join(REPO, 'apps'))]
      .filter((file) => /new\s+(?:\w+\.)?Pool\s*\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(REPO, file));
    expect(opening).toEqual(['libs/event-store/src/postgres/pool.ts']);
  });
});

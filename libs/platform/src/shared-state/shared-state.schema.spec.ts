import { Pool } from 'pg';
import { PostgresEventStore } from '@kom/event-store';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '@kom/event-store/testing';
import { SharedStatePostgres } from './shared-state-postgres';
import { SHARED_STATE_MIGRATIONS, SHARED_STATE_SCHEMA_VERSION, migrateSharedState } from './shared-state.schema';

describeWithPostgres('shared-state migrations', () => {
  const databases: TestDatabase[] = [];
  const pools: Pool[] = [];
  const fresh = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return database;
  };
  const pool = (url: string) => {
    const p = new Pool({ connectionString: url, max: 2 });
    pools.push(p);
    return p;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    await Promise.all(databases.splice(0).map((d) => d.drop()));
  });

  it('migrates once when three processes start on an empty database at the same moment', async () => {
    const { url } = await fresh();

    const applied = await Promise.all([pool(url), pool(url), pool(url)].map((p) => migrateSharedState(p)));

    expect(applied.filter((versions) => versions.length > 0)).toEqual([SHARED_STATE_MIGRATIONS.map((m) => m.version)]);
    const { rows } = await pool(url).query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
    expect(rows.map((r) => r.name)).toEqual(['idempotency_keys', 'pending_sign_ins', 'personal_data_keys', 'rate_limits', 'shared_state_migrations', 'web_sessions']);
  });

  it('lives beside the event store in one database, each with its own migrations, whichever starts first', async () => {
    const { url } = await fresh();
    const [shared, store] = await Promise.all([SharedStatePostgres.connect(url, { maxConnections: 1 }), PostgresEventStore.connect(url, { maxConnections: 1 })]);
    try {
      const check = pool(url);
      const versions = await check.query<{ shared: number; events: number }>(
        'SELECT (SELECT max(version) FROM shared_state_migrations) AS shared, (SELECT max(version) FROM event_store_migrations) AS events',
      );
      expect(versions.rows[0]).toEqual({ shared: SHARED_STATE_SCHEMA_VERSION, events: expect.any(Number) });
    } finally {
      await shared.close();
      await store.close();
    }
  });

  it('refuses a database migrated by a newer build, and changes nothing', async () => {
    const { url } = await fresh();
    const p = pool(url);
    await migrateSharedState(p);
    await p.query("INSERT INTO shared_state_migrations (version, description) VALUES ($1, 'from the future')", [SHARED_STATE_SCHEMA_VERSION + 1]);

    await expect(SharedStatePostgres.connect(url)).rejects.toThrow(
      `schema version ${SHARED_STATE_SCHEMA_VERSION + 1}; this build reads up to ${SHARED_STATE_SCHEMA_VERSION}`,
    );
    const { rows } = await p.query<{ n: string }>('SELECT count(*) AS n FROM shared_state_migrations');
    expect(rows[0]!.n).toBe(String(SHARED_STATE_MIGRATIONS.length + 1));
  });

  it('names the unreachable server without its password', async () => {
    const connecting = SharedStatePostgres.connect('postgres://kom:hunter2@127.0.0.1:1/kom');
    await expect(connecting).rejects.toMatchObject({ name: 'SharedStateUnavailableError' });
    await expect(connecting).rejects.not.toThrow('hunter2');
  });
});

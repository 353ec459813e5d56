import { Pool } from 'pg';
import { PostgresEventStore } from './postgres-event-store';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from './schema';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from './testing/postgres-test-database';


describeWithPostgres('PostgreSQL schema migrations', () => {
  const databases: TestDatabase[] = [];
  const pools: Pool[] = [];
  const fresh = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return database;
  };
  const pool = (url: string) => {
    const p = new Pool({ connectionString: url, max: 2 });
    // An idle client the server ends (restart, another test's cleanup) is the pool's to replace; a
    // pool without a listener turns that into an unhandled error instead of a failed query.
    p.on('error', () => undefined);
    pools.push(p);
    return p;
  };
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    await Promise.all(databases.splice(0).map((d) => d.drop()));
  });

  it('migrates once when three pools start on an empty database at the same moment', async () => {
    const { url } = await fresh();

    const applied = await Promise.all([pool(url), pool(url), pool(url)].map((p) => migrate(p)));

    expect(applied.filter((versions) => versions.length > 0)).toEqual([MIGRATIONS.map((m) => m.version)]);
    const check = pool(url);
    const { rows } = await check.query<{ version: number }>('SELECT version FROM event_store_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const tables = await check.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
    );
    expect(tables.rows.map((r) => r.name)).toEqual(['event_store_migrations', 'events', 'streams']);
  });

  it('lets three stores connect at once to a new database and append at once', async () => {
    const { url } = await fresh();

    const stores = await Promise.all([1, 2, 3].map(() => PostgresEventStore.connect(url, { maxConnections: 2 })));
    try {
      await Promise.all(stores.map((store, i) => store.appendToStream(`started-${i}`, [{ id: crypto.randomUUID(), type: 'Started', data: {}, metadata: {} }])));
      expect(await stores[0]!.headPosition()).toBe(3n);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('refuses a database migrated by a newer build, and changes nothing', async () => {
    const { url } = await fresh();
    const p = pool(url);
    await migrate(p);
    await p.query("INSERT INTO event_store_migrations (version, description) VALUES ($1, 'from the future')", [SCHEMA_VERSION + 1]);

    await expect(PostgresEventStore.connect(url)).rejects.toThrow(`schema version ${SCHEMA_VERSION + 1}; this build reads up to ${SCHEMA_VERSION}`);
    const { rows } = await p.query<{ n: string }>('SELECT count(*) AS n FROM event_store_migrations');
    expect(rows[0]!.n).toBe(String(MIGRATIONS.length + 1));
  });
});

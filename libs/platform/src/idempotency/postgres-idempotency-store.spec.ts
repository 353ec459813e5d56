import { describeIdempotencyStoreContract } from '../testing/idempotency-store.contract';
import { SharedStateTestDatabase, describeWithPostgres } from '../testing/shared-state-test-database';
import { PostgresIdempotencyStore } from './postgres-idempotency-store';

describeWithPostgres('PostgresIdempotencyStore', () => {
  let database: SharedStateTestDatabase;
  beforeAll(async () => {
    database = await SharedStateTestDatabase.create();
  });
  afterAll(() => database.cleanUp());

  describeIdempotencyStoreContract('PostgreSQL, two pools', async () => {
    const [a, b] = [await database.connect(), await database.connect()];
    // Each case starts from an empty table, as each SQLite case starts from a new file.
    await a.pool.query('TRUNCATE idempotency_keys');
    return { store: new PostgresIdempotencyStore(a.pool), second: async () => new PostgresIdempotencyStore(b.pool) };
  });
});

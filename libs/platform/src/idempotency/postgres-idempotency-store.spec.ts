import { SharedStatePostgres, SharedStateUnavailableError } from '../shared-state/shared-state-postgres';
import { TcpProxy } from '../shared-state/testing/tcp-proxy';
import { describeIdempotencyStoreContract } from '../testing/idempotency-store.contract';
import { SharedStateTestDatabase, describeWithPostgres } from '../testing/shared-state-test-database';
import type { IdempotencyScope } from './idempotency-store.port';
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

  it('rejects every call with SharedStateUnavailableError while the database cannot be reached, then works again', async () => {
    const proxy = await TcpProxy.start(database.database.url);
    const shared = await SharedStatePostgres.connect(proxy.url(database.database.url), { maxConnections: 2, onConnectionLost: () => undefined });
    const store = new PostgresIdempotencyStore(shared.pool);
    const scope: IdempotencyScope = { userId: 'u', organizationId: 'o', operation: 'submitIssue', keyHash: 'outage' };
    const now = new Date();
    const claimOptions = { now, expiredBefore: new Date(0), abandonedBefore: new Date(0) };
    try {
      const held = await store.claim(scope, 'fingerprint', claimOptions);
      expect(held).toMatchObject({ claimed: true });

      await proxy.cut();
      const calls = [
        store.claim({ ...scope, keyHash: 'other' }, 'fingerprint', claimOptions),
        store.get(scope),
        store.complete(scope, 'claim', '{}'),
        store.release(scope, 'claim'),
        store.purge(new Date(0)),
      ];
      for (const call of calls) await expect(call).rejects.toBeInstanceOf(SharedStateUnavailableError);

      await proxy.restore();
      await expect(store.get(scope)).resolves.toMatchObject({ state: 'pending', fingerprint: 'fingerprint' });
    } finally {
      await shared.close();
      await proxy.close();
    }
  });
});

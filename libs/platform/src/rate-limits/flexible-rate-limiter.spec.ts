import { describeRateLimiterContract } from '../testing/rate-limiter.contract';
import { SharedStateTestDatabase, describeWithPostgres } from '../testing/shared-state-test-database';
import { FlexibleRateLimiter } from './flexible-rate-limiter';

describeRateLimiterContract('in memory', async (policy) => {
  const limiter = FlexibleRateLimiter.inMemory(policy);
  return { limiter, second: async () => limiter };
});

describeWithPostgres('FlexibleRateLimiter in PostgreSQL', () => {
  let database: SharedStateTestDatabase;
  beforeAll(async () => {
    database = await SharedStateTestDatabase.create();
  });
  afterAll(() => database.cleanUp());

  describeRateLimiterContract('PostgreSQL, two pools', async (policy) => {
    const [a, b] = [await database.connect(), await database.connect()];
    return { limiter: FlexibleRateLimiter.inPostgres(policy, a.pool), second: async () => FlexibleRateLimiter.inPostgres(policy, b.pool) };
  });

  it('keeps a hash of the key, never the client address itself', async () => {
    const shared = await database.connect();
    await FlexibleRateLimiter.inPostgres({ name: 'sign-in', points: 5, durationSeconds: 60 }, shared.pool).consume('198.51.100.23');
    const { rows } = await shared.pool.query<{ key: string }>('SELECT key FROM rate_limits');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('198.51.100.23');
  });
});

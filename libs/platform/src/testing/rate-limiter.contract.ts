import { randomUUID } from 'node:crypto';
import type { RateLimitPolicy, RateLimiter } from '../rate-limits/rate-limiter.port';

/**
 * The behaviour every RateLimiter (in memory, PostgreSQL) must show. `create` gives a limiter for
 * the policy, and `second` another one on the same store (another process's, in production; the
 * same object where the store is this process's memory).
 */
export function describeRateLimiterContract(
  name: string,
  create: (policy: RateLimitPolicy) => Promise<{ limiter: RateLimiter; second: () => Promise<RateLimiter> }>,
): void {
  describe(`RateLimiter contract: ${name}`, () => {
    const policy = (points = 3): RateLimitPolicy => ({ name: `test-${randomUUID().slice(0, 8)}`, points, durationSeconds: 60 });
    afterEach(() => jest.restoreAllMocks());

    it('allows the budget per key, then refuses with the seconds to wait', async () => {
      const { limiter } = await create(policy(3));
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await limiter.consume('203.0.113.7'));
      expect(answers.slice(0, 3)).toEqual([undefined, undefined, undefined]);
      expect(answers[3]).toBeGreaterThanOrEqual(1);
      expect(answers[3]).toBeLessThanOrEqual(60);
    });

    it('keeps keys apart, and budgets of different names apart', async () => {
      const first = policy(1);
      const { limiter } = await create(first);
      expect(await limiter.consume('org-pod\u0000pod-sara')).toBeUndefined();
      expect(await limiter.consume('org-pod\u0000pod-sara')).toBeDefined();
      expect(await limiter.consume('org-rosa\u0000rosa-kari')).toBeUndefined();
      const { limiter: other } = await create({ ...first, name: `${first.name}-other` });
      expect(await other.consume('org-pod\u0000pod-sara')).toBeUndefined();
    });

    it('opens a new window once the old one is over', async () => {
      const { limiter } = await create(policy(1));
      expect(await limiter.consume('k')).toBeUndefined();
      expect(await limiter.consume('k')).toBeDefined();
      // The window started at the first consume, at the latest now: a minute and a millisecond on, it is over.
      jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 60_001);
      expect(await limiter.consume('k')).toBeUndefined();
      expect(await limiter.consume('k')).toBeDefined();
    });

    it('counts every one of many concurrent attempts, from two limiters on the store, exactly once', async () => {
      const shared = policy(10);
      const { limiter, second } = await create(shared);
      const other = await second();
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? other : limiter).consume('racing')));
      expect(answers.filter((a) => a === undefined)).toHaveLength(10);
    });
  });
}

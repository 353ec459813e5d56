import { randomUUID } from 'node:crypto';
import type { ClaimOptions, IdempotencyScope, IdempotencyStore } from '../idempotency/idempotency-store.port';

/**
 * The behaviour every IdempotencyStore adapter (SQLite, PostgreSQL) must show; run it from the
 * adapter's spec with a factory that gives a fresh store, and `second` a second connection to the
 * same store when the adapter can have one (another process, in production).
 */
export function describeIdempotencyStoreContract(
  name: string,
  create: () => Promise<{ store: IdempotencyStore; second: () => Promise<IdempotencyStore> }>,
): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    let store: IdempotencyStore;
    let second: () => Promise<IdempotencyStore>;
    const opened: IdempotencyStore[] = [];
    const t0 = new Date('2026-03-02T08:00:00Z');
    const at = (ms: number): ClaimOptions => ({
      now: new Date(t0.getTime() + ms),
      expiredBefore: new Date(t0.getTime() + ms - 1000),
      abandonedBefore: new Date(t0.getTime() + ms - 100),
    });
    const scope = (): IdempotencyScope => ({ userId: 'u-1', organizationId: 'org-1', operation: 'submitIssue', keyHash: randomUUID() });

    beforeEach(async () => {
      ({ store, second } = await create());
      opened.push(store);
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    it('claims a new key once; later claims see it pending, then completed with its result', async () => {
      const s = scope();
      const first = await store.claim(s, 'fp', at(0));
      expect(first).toEqual({ claimed: true, claimId: expect.any(String) });
      expect(await store.claim(s, 'fp', at(10))).toEqual({ claimed: false, record: { state: 'pending', fingerprint: 'fp', claimedAt: at(0).now } });
      if (!first.claimed) throw new Error('unreachable');

      expect(await store.complete(s, first.claimId, '{"value":"id-1"}')).toBe(true);

      expect(await store.claim(s, 'other', at(20))).toEqual({
        claimed: false,
        record: { state: 'completed', fingerprint: 'fp', claimedAt: at(0).now, result: '{"value":"id-1"}' },
      });
      expect(await store.get(s)).toMatchObject({ state: 'completed' });
    });

    it('lets exactly one of many concurrent claimants, on two connections, hold the key', async () => {
      const other = await second();
      opened.push(other);
      const s = scope();
      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).claim(s, 'fp', at(0))));
      expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    });

    it('completes or releases only the claim it names', async () => {
      const s = scope();
      const claim = await store.claim(s, 'fp', at(0));
      if (!claim.claimed) throw new Error('expected a claim');
      expect(await store.complete(s, 'not-the-claim', 'x')).toBe(false);
      await store.release(s, 'not-the-claim');
      expect(await store.get(s)).toMatchObject({ state: 'pending' });

      await store.release(s, claim.claimId);
      expect(await store.get(s)).toBeUndefined();
      expect((await store.claim(s, 'fp2', at(1))).claimed).toBe(true);
    });

    it('frees a completed key once expired and a pending one once abandoned, not before', async () => {
      const done = scope();
      const c = await store.claim(done, 'fp', at(0));
      if (c.claimed) await store.complete(done, c.claimId, 'r');
      expect((await store.claim(done, 'fp', at(999))).claimed).toBe(false);
      expect((await store.claim(done, 'fp', at(1000))).claimed).toBe(true);

      const stuck = scope();
      await store.claim(stuck, 'fp', at(0));
      expect((await store.claim(stuck, 'fp', at(99))).claimed).toBe(false);
      expect((await store.claim(stuck, 'fp', at(100))).claimed).toBe(true);
    });

    it('keeps scopes apart and purges old rows', async () => {
      const s = scope();
      await store.claim(s, 'fp', at(0));
      for (const other of [{ ...s, userId: 'u-2' }, { ...s, organizationId: 'org-2' }, { ...s, operation: 'scheduleMeeting' }]) {
        expect((await store.claim(other, 'fp', at(0))).claimed).toBe(true);
      }
      expect(await store.purge(at(0).now)).toBe(4);
      expect(await store.get(s)).toBeUndefined();
    });
  });
}

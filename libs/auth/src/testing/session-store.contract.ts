import { randomUUID } from 'node:crypto';
import type { PendingSignIn, SessionRecord, SessionStore } from '../session/session-store';

/**
 * The behaviour every SessionStore adapter (SQLite, PostgreSQL) must show. `create` gives a fresh
 * store, and `second` another handle on the same one (another replica's, in production).
 */
export function describeSessionStoreContract(
  name: string,
  create: () => Promise<{ store: SessionStore; second: () => Promise<SessionStore> }>,
): void {
  describe(`SessionStore contract: ${name}`, () => {
    let store: SessionStore;
    let second: () => Promise<SessionStore>;
    const opened: SessionStore[] = [];
    const t0 = Date.parse('2026-03-02T09:00:00Z');

    const session = (overrides: Partial<SessionRecord> = {}): SessionRecord => ({
      idHash: randomUUID(),
      userId: 'rosa-kari',
      organizationId: 'org-rosa',
      role: 'NGO_REPRESENTATIVE',
      csrfToken: randomUUID(),
      idToken: null,
      createdAt: t0,
      lastSeenAt: t0,
      ...overrides,
    });
    const pending = (overrides: Partial<PendingSignIn> = {}): PendingSignIn => ({
      stateHash: randomUUID(),
      codeVerifier: randomUUID(),
      nonce: randomUUID(),
      returnTo: '/ngo/issues',
      createdAt: t0,
      ...overrides,
    });

    beforeEach(async () => {
      ({ store, second } = await create());
      opened.push(store);
    });
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    it('finds a session by the hash of its id, with every field as stored', async () => {
      const plain = session();
      const withToken = session({ idToken: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', role: 'SECRETARIAT', lastSeenAt: t0 + 5 });
      await store.insert(plain);
      await store.insert(withToken);
      expect(await store.find(plain.idHash)).toEqual(plain);
      expect(await store.find(withToken.idHash)).toEqual(withToken);
      expect(await store.find('no-such-hash')).toBeUndefined();
    });

    it('refuses a second session under the same id hash, and keeps the first', async () => {
      const first = session();
      await store.insert(first);
      // Not `rejects.toThrow()`: a native driver's error class may come from another test file's realm.
      const outcome = await store.insert({ ...first, userId: 'someone-else' }).then(
        () => 'stored',
        () => 'refused',
      );
      expect(outcome).toBe('refused');
      expect(await store.find(first.idHash)).toEqual(first);
    });

    it('moves the last activity forward only', async () => {
      const s = session();
      await store.insert(s);
      await store.touch(s.idHash, t0 + 60_000);
      await store.touch(s.idHash, t0 + 30_000);
      expect(await store.find(s.idHash)).toMatchObject({ createdAt: t0, lastSeenAt: t0 + 60_000 });
    });

    it('deletes one session, and the expired ones by idleness or by age', async () => {
      const idle = session({ lastSeenAt: t0 });
      const old = session({ createdAt: t0 - 3_600_000, lastSeenAt: t0 + 10_000 });
      const fresh = session({ lastSeenAt: t0 + 10_000 });
      const gone = session();
      for (const s of [idle, old, fresh, gone]) await store.insert(s);
      await store.delete(gone.idHash);
      expect(await store.find(gone.idHash)).toBeUndefined();

      expect(await store.deleteExpired(t0 + 1, t0 - 1)).toBe(2);
      expect(await store.find(idle.idHash)).toBeUndefined();
      expect(await store.find(old.idHash)).toBeUndefined();
      expect(await store.find(fresh.idHash)).toEqual(fresh);
    });

    it('gives a pending sign-in once, to one of many concurrent callbacks on two handles', async () => {
      const other = await second();
      opened.push(other);
      const p = pending();
      await store.insertPendingSignIn(p);
      const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).takePendingSignIn(p.stateHash)));
      expect(taken.filter((t) => t !== undefined)).toEqual([p]);
      expect(await store.takePendingSignIn(p.stateHash)).toBeUndefined();
    });

    it('drops pending sign-ins begun before a moment', async () => {
      const stale = pending({ createdAt: t0 - 1 });
      const current = pending({ createdAt: t0 });
      await store.insertPendingSignIn(stale);
      await store.insertPendingSignIn(current);
      await store.deletePendingSignInsBefore(t0);
      expect(await store.takePendingSignIn(stale.stateHash)).toBeUndefined();
      expect(await store.takePendingSignIn(current.stateHash)).toEqual(current);
    });

    it('is one store for every handle: a session made on one is found on the other, and a deletion on either holds on both', async () => {
      const other = await second();
      opened.push(other);
      const s = session();
      await store.insert(s);
      expect(await other.find(s.idHash)).toEqual(s);
      await other.touch(s.idHash, t0 + 1000);
      expect(await store.find(s.idHash)).toMatchObject({ lastSeenAt: t0 + 1000 });
      await other.delete(s.idHash);
      expect(await store.find(s.idHash)).toBeUndefined();
    });
  });
}

import { createTestDatabase, describeWithPostgres, type TestDatabase } from '@kom/event-store/testing';
import { ManualClock, SharedStatePostgres } from '@kom/platform';
import { describeSessionStoreContract } from '../testing/session-store.contract';
import { PostgresSessionStore } from './postgres-session-store';
import { Sessions } from './sessions';

describeWithPostgres('PostgresSessionStore', () => {
  let database: TestDatabase;
  const opened: SharedStatePostgres[] = [];
  /** A replica's own pool on the shared database. */
  const replica = async () => {
    const shared = await SharedStatePostgres.connect(database.url, { maxConnections: 3 });
    opened.push(shared);
    return shared;
  };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await database.drop();
  });

  describeSessionStoreContract('PostgreSQL, two pools', async () => {
    const [a, b] = [await replica(), await replica()];
    // Each case starts from empty tables, as each SQLite case starts from a new file.
    await a.pool.query('TRUNCATE web_sessions, pending_sign_ins');
    return { store: new PostgresSessionStore(a.pool), second: async () => new PostgresSessionStore(b.pool) };
  });

  it('signs a browser in on every replica at once, and out of every replica at once', async () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const lifetimes = { idleMinutes: 30, maxHours: 10 };
    const a = new Sessions(new PostgresSessionStore((await replica()).pool), clock, lifetimes);
    const b = new Sessions(new PostgresSessionStore((await replica()).pool), clock, lifetimes);
    const actor = { userId: 'rosa-kari', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' as const };

    const { id, session } = await a.start(actor, null);
    expect(await b.lookup(id)).toMatchObject({ status: 'active', session: { userId: 'rosa-kari', csrfToken: session.csrfToken } });
    clock.advance(20 * 60_000);
    await b.touch(session);
    clock.advance(20 * 60_000);
    // Idle 20 minutes since the activity seen on B, 40 since sign-in on A: still active on A.
    expect(await a.lookup(id)).toMatchObject({ status: 'active' });

    await b.end(id);
    expect(await a.lookup(id)).toEqual({ status: 'unknown' });
  });
});

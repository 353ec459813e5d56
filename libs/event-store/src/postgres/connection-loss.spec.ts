import { randomUUID } from 'node:crypto';
import { setTimeout as pause } from 'node:timers/promises';
import { Client } from 'pg';
import type { EventToAppend } from '../event-store.port';
import { EventStoreUnavailableError } from '../errors';
import { POSTGRES_ADVISORY_LOCKS, POSTGRES_LOCK_NAMESPACE } from './advisory-locks';
import { PostgresEventStore } from './postgres-event-store';
import { runAppendOutcomeWorkers } from './testing/append-outcomes';
import { LostConnections, advisoryLockPid, terminateBackend, watchProcessFailures } from './testing/connection-faults';
import { describeWithPostgres, suiteDatabase } from './testing/postgres-test-database';

/**
 * The server ends the store's connections (pg_terminate_backend, as an operator or a failover
 * does) while they are checked out of the pool, between two statements: the process lives on,
 * the operation in flight fails as EventStoreUnavailableError, and the store goes on working.
 */
const APPLICATION = 'kom-event-store';

function event(data: unknown = { n: 1 }): EventToAppend {
  return { id: randomUUID(), type: 'Happened', data, metadata: { correlationId: randomUUID() } };
}

describeWithPostgres('PostgresEventStore when the server ends its connections', () => {
  const suite = suiteDatabase();
  let store: PostgresEventStore;
  let lost: LostConnections;
  let watch: ReturnType<typeof watchProcessFailures>;
  const stream = (name: string) => `${name}-${randomUUID()}`;

  beforeEach(async () => {
    watch = watchProcessFailures();
    lost = new LostConnections();
    store = await PostgresEventStore.connect(suite.database.url, { onConnectionLost: lost.report });
  });
  afterEach(async () => {
    watch.stop();
    await store.close();
  });

  /** The store works again: an append and a read on the same store succeed. */
  async function expectRecovered(): Promise<void> {
    const id = stream('after');
    const appended = event({ after: true });
    await store.appendToStream(id, [appended]);
    expect((await store.readStream(id)).map((e) => e.id)).toEqual([appended.id]);
  }

  it('withAdvisoryLock: the holder’s connection terminated while the work awaits fails typed, and the lock and store recover', async () => {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const holding = store.withAdvisoryLock(POSTGRES_ADVISORY_LOCKS.auditCheckpoints, async () => {
      entered();
      await finished;
      return 'signed';
    });
    await inside;
    const holder = await advisoryLockPid(suite.admin, POSTGRES_ADVISORY_LOCKS.auditCheckpoints);

    await terminateBackend(suite.admin, holder!);
    const [error] = await lost.reached(1);
    finish();

    expect(error).toMatchObject({ code: '57P01' });
    await expect(holding).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(watch.failures).toEqual([]);
    await expectRecovered();
    await expect(store.withAdvisoryLock(POSTGRES_ADVISORY_LOCKS.auditCheckpoints, async () => 'again', { wait: false })).resolves.toEqual({
      acquired: true,
      value: 'again',
    });
  });

  it('withAdvisoryLock: a connection terminated while it waits for the lock fails typed', async () => {
    // Another session holds the lock, so the store's connection waits inside pg_advisory_lock.
    const other = new Client({ connectionString: suite.database.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1, $2)', [POSTGRES_LOCK_NAMESPACE, POSTGRES_ADVISORY_LOCKS.auditCheckpoints]);
      const waiting = store.withAdvisoryLock(POSTGRES_ADVISORY_LOCKS.auditCheckpoints, async () => 'never');
      let waiter: number | undefined;
      while (!(waiter = await advisoryLockPid(suite.admin, POSTGRES_ADVISORY_LOCKS.auditCheckpoints, false))) await pause(10);

      await terminateBackend(suite.admin, waiter);

      await expect(waiting).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await other.end();
    }
    expect(watch.failures).toEqual([]);
    await expectRecovered();
  });

  it('an append whose connection is terminated between two statements of its transaction fails typed or commits once', async () => {
    // Large events keep the transaction idle between reading the streams and writing the batch
    // (the hash chain is computed meanwhile): the moment a connection has no statement running.
    const big = 'x'.repeat(256 * 1024);
    let terminated = 0;
    let unavailable = 0;
    for (let attempt = 0; attempt < 20 && terminated === 0; attempt++) {
      const id = stream('cut');
      const events = Array.from({ length: 40 }, (_, n) => event({ n, big }));
      let settled = false;
      const appending = store.appendToStream(id, events).finally(() => (settled = true));
      while (!settled && terminated === 0) {
        const { rows } = await suite.admin.query<{ pid: number }>(
          `SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = $1 AND state = 'idle in transaction'`,
          [APPLICATION],
        );
        terminated += rows.length;
      }
      const outcome = await appending.then(
        () => 'appended',
        (error: unknown) => (error instanceof EventStoreUnavailableError ? 'unavailable' : error),
      );
      expect(['appended', 'unavailable']).toContain(outcome);
      if (outcome === 'unavailable') unavailable += 1;
      // Appended: every event once. Unavailable: it may or may not have committed, but whole or not at all.
      const recorded = await store.readStream(id).catch(() => []);
      expect([0, events.length]).toContain(recorded.length);
      if (outcome === 'appended') expect(recorded.map((e) => e.id)).toEqual(events.map((e) => e.id));
    }

    expect(terminated).toBeGreaterThan(0);
    // The loss shows as a report of the connection's own listener (it came with no statement
    // running) or, when the next statement was already on its way, as that statement's typed failure.
    await Promise.race([lost.reached(1), pause(2000)]);
    expect(lost.errors.length + unavailable).toBeGreaterThan(0);
    expect(watch.failures).toEqual([]);
    await expectRecovered();
    // Each attempt writes 10 MB; on a busy 2-core machine a few attempts take well over 30 s.
  }, 120_000);

  it('under load from three processes, with their connections terminated again and again: none dies; each append is in the log once or failed typed', async () => {
    const streams = Array.from({ length: 4 }, (_, i) => stream(`load-${i}`));
    const plan = { streams, writers: 6, appendsPerWriter: 25, eventsPerAppend: 2 };
    let running = true;
    const workers = runAppendOutcomeWorkers(suite.database.url, 3, plan);
    const ended = workers.exits.finally(() => (running = false));
    await workers.connected;
    // Every worker's pool holds an idle connection from its start: cut them all before the writes
    // begin, so that the attack hits however quickly a busy machine lets the workers finish.
    const cut = await suite.admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid()`,
      [APPLICATION],
    );
    expect(cut.rowCount).toBeGreaterThan(0);
    workers.go();
    let rounds = 1;
    while (running) {
      // Mostly the sessions idle inside a transaction (between two statements: the crash), now
      // and then every session of the database, as the attack did every 2 s.
      const everyone = rounds % 25 === 0 ? '' : "AND state = 'idle in transaction'";
      await suite.admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1 AND pid <> pg_backend_pid() ${everyone}`,
        [APPLICATION],
      );
      rounds += 1;
      await pause(5);
    }
    const exits = await ended;

    const ends = exits.map((e) => (e.code === 0 && e.signal === null ? 'exited normally' : `exit ${e.code ?? e.signal}: ${e.stderr}`));
    expect(ends).toEqual(exits.map(() => 'exited normally'));
    const outcomes = exits.flatMap((e) => e.report!.outcomes);
    expect(outcomes).toHaveLength(3 * plan.writers * plan.appendsPerWriter);
    expect(outcomes.filter((o) => o.outcome !== 'appended' && o.outcome !== 'unavailable')).toEqual([]);
    // The terminations hit: connections were lost, appends failed (typed).
    const hits = exits.reduce((sum, e) => sum + e.report!.lostConnections, 0) + outcomes.filter((o) => o.outcome === 'unavailable').length;
    expect(hits).toBeGreaterThan(0);

    const logged = new Map<string, number>();
    for (const e of await store.readAll()) logged.set(e.id, (logged.get(e.id) ?? 0) + 1);
    for (const { ids, outcome } of outcomes) {
      const counts = ids.map((id) => logged.get(id) ?? 0);
      if (outcome === 'appended') expect(counts).toEqual(ids.map(() => 1));
      else expect([ids.map(() => 0), ids.map(() => 1)]).toContainEqual(counts);
    }
    expect(watch.failures).toEqual([]);
  }, 120_000);
});

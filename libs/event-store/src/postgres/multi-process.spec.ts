import { randomUUID } from 'node:crypto';
import { START, type EventToAppend, type RecordedEvent, type Subscription } from '../event-store.port';
import { checkChainLink } from '../hash-chain';
import { PostgresEventStore } from './postgres-event-store';
import { runAppendWorkers, type AppendWorkerReport } from './testing/run-append-workers';
import { describeWithPostgres, suiteDatabase } from './testing/postgres-test-database';
import { LISTENER_APPLICATION_NAME } from './wake-up-listener';

/**
 * Several OS processes on one PostgreSQL database: the global order loses nothing, hash chains do
 * not fork, and a subscriber in one process hears appends made in another, also after its
 * listening connection is killed.
 */

const WAIT_MS = 20_000;

describeWithPostgres('PostgreSQL event store across processes', () => {
  const suite = suiteDatabase();

  /** The backend pid of the store's LISTEN connection, once it listens. */
  async function listenerPid(except?: number): Promise<number> {
    for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline; ) {
      const { rows } = await suite.admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND query LIKE 'LISTEN%' AND pid <> $2",
        [LISTENER_APPLICATION_NAME, except ?? 0],
      );
      if (rows[0]) return rows[0].pid;
      await pause(20);
    }
    throw new Error('The store never started listening');
  }

  describe('4 processes × 8 writers appending at once to shared streams', () => {
    const PROCESSES = 4;
    const plan = { writers: 8, appendsPerWriter: 30, eventsPerAppend: 2 };
    const TOTAL = PROCESSES * plan.writers * plan.appendsPerWriter * plan.eventsPerAppend;
    const streams = Array.from({ length: 6 }, (_, i) => `shared-${i}-${randomUUID()}`);
    let reports: AppendWorkerReport[];
    let received: RecordedEvent[];
    let store: PostgresEventStore;
    let extra: boolean;

    beforeAll(async () => {
      // Polling often on top of NOTIFY makes the subscriber read while batches commit, the
      // moment a position could be seen before a smaller one.
      store = await PostgresEventStore.connect(suite.database.url, { pollIntervalMs: 5 });
      const subscription = store.subscribeToAll({ fromPosition: START, filter: { streamPrefixes: ['shared-'] } });
      const reading = collect(subscription, TOTAL);
      reports = await runAppendWorkers(suite.database.url, PROCESSES, { streams, ...plan });
      received = await reading;
      extra = !(await nothingMore(subscription, 300));
      await subscription.unsubscribe();
    }, 120_000);
    afterAll(() => store?.close());

    it('delivers every position to a subscriber exactly once, in order, without a gap', async () => {
      expect(reports.reduce((sum, r) => sum + r.appended, 0)).toBe(TOTAL);
      expect(received.map((e) => e.position)).toEqual(Array.from({ length: TOTAL }, (_, i) => BigInt(i + 1)));
      expect(new Set(received.map((e) => e.id)).size).toBe(TOTAL);
      expect(extra).toBe(false);
      const log = await store.readAll();
      expect(log.map((e) => e.id)).toEqual(received.map((e) => e.id));
    });

    it('keeps every stream’s hash chain whole: no fork, no gap', async () => {
      let events = 0;
      for (const streamId of streams) {
        const read = await store.readStream(streamId);
        events += read.length;
        let previous: { revision: bigint; hash: string } | undefined;
        for (const e of read) {
          const check = checkChainLink(e, previous);
          expect(check).toEqual({ ok: true, hash: e.metadata['hash'] });
          if (check.ok) previous = { revision: e.revision, hash: check.hash };
        }
        expect(await store.streamRevision(streamId)).toBe(BigInt(read.length - 1));
      }
      expect(events).toBe(TOTAL);
    });

    it('group-commits each process’s concurrent appends', () => {
      for (const report of reports) {
        expect(report.appends).toBe(plan.writers * plan.appendsPerWriter);
        expect(report.transactions).toBeLessThan(report.appends);
      }
    });
  });

  describe('live subscriptions', () => {
    it('hears an append made in another process, with polling out of the way', async () => {
      const store = await PostgresEventStore.connect(suite.database.url, { pollIntervalMs: 600_000 });
      try {
        const streamId = `live-${randomUUID()}`;
        const subscription = store.subscribeToAll({ fromPosition: await store.headPosition(), filter: { streamPrefixes: [streamId] } });
        const arriving = collect(subscription, 3);
        await listenerPid();

        await runAppendWorkers(suite.database.url, 1, { streams: [streamId], writers: 1, appendsPerWriter: 3, eventsPerAppend: 1, pauseMs: 50 });

        expect((await arriving).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        await subscription.unsubscribe();
      } finally {
        await store.close();
      }
    }, 60_000);

    it('resumes after its listening connection is killed, from the last delivered position, without loss or duplicates', async () => {
      const subscriber = await PostgresEventStore.connect(suite.database.url, { pollIntervalMs: 600_000 });
      const writer = await PostgresEventStore.connect(suite.database.url);
      try {
        const streamId = `reconnect-${randomUUID()}`;
        const subscription = subscriber.subscribeToAll({ fromPosition: await writer.headPosition(), filter: { streamPrefixes: [streamId] } });
        const iterator = subscription[Symbol.asyncIterator]();
        const first = await listenerPid();
        const before = [event('Before'), event('Before')];
        const pendingBefore = take(iterator, 2);
        await writer.appendToStream(streamId, before);
        expect((await pendingBefore).map((e) => e.id)).toEqual(before.map((e) => e.id));

        const pendingAfter = take(iterator, 3);
        await suite.admin.query('SELECT pg_terminate_backend($1)', [first]);
        const during = event('During');
        await writer.appendToStream(streamId, [during]);
        const second = await listenerPid(first);
        const after = [event('After'), event('After')];
        await writer.appendToStream(streamId, after);

        expect(second).not.toBe(first);
        const resumed = await pendingAfter;
        expect(resumed.map((e) => e.id)).toEqual([during, ...after].map((e) => e.id));
        expect(resumed.map((e) => e.revision)).toEqual([2n, 3n, 4n]);
        expect(await nothingMore(subscription, 300, iterator)).toBe(true);
        await subscription.unsubscribe();
      } finally {
        await Promise.all([subscriber.close(), writer.close()]);
      }
    }, 60_000);
  });
});

function event(type: string): EventToAppend {
  return { id: randomUUID(), type, data: { at: Date.now() }, metadata: { correlationId: randomUUID() } };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  while (events.length < count) {
    const result = await within(iterator.next(), WAIT_MS, `event ${events.length + 1} of ${count}`);
    if (result.done) throw new Error(`The subscription ended after ${events.length} of ${count} events`);
    events.push(result.value);
  }
  return events;
}

function collect(subscription: Subscription, count: number): Promise<RecordedEvent[]> {
  return take(subscription[Symbol.asyncIterator](), count);
}

/** True when the subscription yields nothing within `ms` (its pending read is abandoned). */
async function nothingMore(subscription: Subscription, ms: number, iterator = subscription[Symbol.asyncIterator]()): Promise<boolean> {
  const quiet = pause(ms).then(() => 'quiet' as const);
  return (await Promise.race([iterator.next(), quiet])) === 'quiet';
}

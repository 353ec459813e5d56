import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend, RecordedEvent } from '../event-store.port';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'kom-event-store-'));
let files = 0;
const newFile = (): string => join(dir, `store-${++files}.db`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEventStoreContract('SQLite in memory', async () => SqliteEventStore.open(':memory:'));
describeEventStoreContract('SQLite file', async () => SqliteEventStore.open(newFile(), { pollIntervalMs: 50 }));
describeEventStoreContract('SQLite file, WAL checkpointed in the background', async () =>
  SqliteEventStore.open(newFile(), { pollIntervalMs: 50, backgroundCheckpoints: { intervalMs: 20 } }),
);

function event(type = 'Happened', data: unknown = { n: 1 }): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { correlationId: randomUUID() } };
}

describe('SqliteEventStore', () => {
  const opened: SqliteEventStore[] = [];
  const open = (filename: string = newFile(), options?: Parameters<typeof SqliteEventStore.open>[1]) => {
    const store = SqliteEventStore.open(filename, options);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describe('group commit', () => {
    it('commits 200 concurrent appends in far fewer transactions', async () => {
      const store = open();

      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => store.appendToStream(`stream-${i}`, [event()], { expectedRevision: 'no_stream' })),
      );

      expect(results).toHaveLength(200);
      expect(store.stats.appends).toBe(200);
      expect(store.stats.transactions).toBeLessThanOrEqual(2);
      expect(new Set(results.map((r) => r.position)).size).toBe(200);
    });

    it('refuses one append of a batch without affecting the others, in one transaction', async () => {
      const store = open();
      const taken = event();
      await store.appendToStream('taken', [taken], { expectedRevision: 'no_stream' });
      const before = store.stats.transactions;

      const [a, wrongRevision, c, duplicate, e] = await Promise.allSettled([
        store.appendToStream('a', [event(), event()], { expectedRevision: 'no_stream' }),
        store.appendToStream('taken', [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream('c', [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream('d', [event(), taken], { expectedRevision: 'no_stream' }),
        store.appendToStream('e', [event()], { expectedRevision: 'no_stream' }),
      ]);

      expect(store.stats.transactions).toBe(before + 1);
      expect([a, c, e].map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      expect(wrongRevision).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
      expect(duplicate).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
      expect(await store.streamRevision('d')).toBeUndefined();
      const all = await store.readAll();
      expect(all.map((r) => r.streamId)).toEqual(['taken', 'a', 'a', 'c', 'e']);
      expect(all.map((r) => r.position)).toEqual([1n, 2n, 3n, 4n, 5n]);
    });

    it('lets appends to one stream within a batch see each other in order', async () => {
      const store = open();

      const [first, second, third] = await Promise.allSettled([
        store.appendToStream('s', [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream('s', [event()], { expectedRevision: 0n }),
        store.appendToStream('s', [event()], { expectedRevision: 'no_stream' }),
      ]);

      expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
      expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
      expect(third).toMatchObject({ status: 'rejected', reason: { expected: 'no_stream', actual: 1n } });
    });

    it('keeps positions contiguous from 1 after many concurrent appends with refusals', async () => {
      const store = open();
      const attempts = Array.from({ length: 400 }, (_, i) => {
        const expectedRevision = i % 3 === 0 ? 'any' : i % 3 === 1 ? 'no_stream' : BigInt(i % 5);
        return store.appendToStream(`s-${i % 20}`, [event(), event()], { expectedRevision });
      });

      const results = await Promise.allSettled(attempts);

      const accepted = results.filter((r) => r.status === 'fulfilled').length;
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThan(400);
      const all = await store.readAll();
      expect(all.map((r) => r.position)).toEqual(Array.from({ length: accepted * 2 }, (_, i) => BigInt(i + 1)));
      expect(await store.headPosition()).toBe(BigInt(accepted * 2));
    });

    it('commits appends accepted before close(), and refuses appends after it', async () => {
      const store = SqliteEventStore.open(':memory:');
      const accepted = store.appendToStream('s', [event()]);

      await store.close();

      await expect(accepted).resolves.toEqual({ nextExpectedRevision: 0n, position: 1n });
      await expect(store.appendToStream('s', [event()])).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.close()).resolves.toBeUndefined();
    });
  });

  describe('reading a stream', () => {
    it('tells an existing stream from a missing one however it is read', async () => {
      const store = open();
      await store.appendToStream('s', [event(), event()]);
      await expect(store.readStream('s', { maxCount: 0 })).resolves.toEqual([]);
      await expect(store.readStream('s', { direction: 'backwards', maxCount: 0 })).resolves.toEqual([]);
      await expect(store.readStream('s', { fromRevision: 2n })).resolves.toEqual([]);
      await expect(store.readStream('s', { direction: 'backwards', fromRevision: 0n })).resolves.toHaveLength(1);
      for (const options of [{}, { maxCount: 0 }, { fromRevision: 3n }, { direction: 'backwards' as const, fromRevision: 0n }]) {
        await expect(store.readStream('missing', options)).rejects.toMatchObject({ name: 'StreamNotFoundError', streamId: 'missing' });
      }
      // A stream imported from another log starts at revision 0 too.
      const copy = open();
      await copy.importRecorded(await store.readAll());
      await expect(copy.readStream('s')).resolves.toHaveLength(2);
      await expect(copy.readStream('missing')).rejects.toMatchObject({ name: 'StreamNotFoundError' });
    });
  });

  describe('append semantics', () => {
    it('answers an empty append with the current revision, after checking the expected one', async () => {
      const store = open();

      await expect(store.appendToStream('s', [], { expectedRevision: 'no_stream' })).resolves.toEqual({
        nextExpectedRevision: -1n,
        position: 0n,
      });
      await expect(store.appendToStream('s', [], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await store.appendToStream('other', [event()]);
      const last = await store.appendToStream('s', [event(), event()]);
      await expect(store.appendToStream('s', [], { expectedRevision: 1n })).resolves.toEqual(last);
      expect(await store.headPosition()).toBe(3n);
    });

    it('refuses an event id recorded in another stream, or repeated within one append', async () => {
      const store = open();
      const recorded = event();
      await store.appendToStream('one', [recorded]);
      const repeated = event();

      await expect(store.appendToStream('two', [recorded])).rejects.toMatchObject({
        name: 'DuplicateEventIdError',
        eventId: recorded.id,
        streamId: 'two',
      });
      await expect(store.appendToStream('two', [repeated, repeated])).rejects.toMatchObject({
        name: 'DuplicateEventIdError',
        eventId: repeated.id,
      });
      expect(await store.streamRevision('two')).toBeUndefined();
    });

    it('treats a replay as idempotent whatever its expected revision, and compares ids case-insensitively', async () => {
      const store = open();
      const events = [event(), event()];
      const original = await store.appendToStream('s', events, { expectedRevision: 'no_stream' });
      await store.appendToStream('s', [event()]);

      await expect(store.appendToStream('s', events, { expectedRevision: 7n })).resolves.toEqual(original);
      await expect(store.appendToStream('s', events, { expectedRevision: 'stream_exists' })).resolves.toEqual(original);
      const upper = events.map((e) => ({ ...e, id: e.id.toUpperCase() }));
      await expect(store.appendToStream('s', upper)).resolves.toEqual(original);
      expect(await store.headPosition()).toBe(3n);
    });

    it('refuses malformed input at the call, without touching the batch', async () => {
      const store = open();
      const good = store.appendToStream('s', [event()]);

      await expect(store.appendToStream('s', [{ ...event(), id: 'not-a-uuid' }])).rejects.toThrow(TypeError);
      await expect(store.appendToStream('s', [event('T', { big: 1n })])).rejects.toThrow(TypeError);
      await expect(store.appendToStream('s', [event()], { expectedRevision: 0 as unknown as bigint })).rejects.toThrow(TypeError);
      await expect(store.appendToStream('', [event()])).rejects.toThrow(TypeError);
      await expect(good).resolves.toMatchObject({ nextExpectedRevision: 0n });
    });
  });

  describe('the file', () => {
    it('uses WAL and synchronous = FULL', () => {
      const store = open();
      expect(store.readPragma('journal_mode')).toBe('wal');
      expect(store.readPragma('synchronous')).toBe(2n);
      expect(Number(store.readPragma('busy_timeout'))).toBeGreaterThan(0);
    });

    it('keeps the events across close and reopen', async () => {
      const filename = newFile();
      const first = SqliteEventStore.open(filename);
      const written = [event('Ø', { tekst: 'blåbær' }), event('Å', { tekst: 'ærfugl' })];
      await first.appendToStream('s', written, { expectedRevision: 'no_stream' });
      await first.close();

      const second = open(filename);

      const read = await second.readStream('s');
      expect(read.map((e) => [e.id, e.type, e.data, e.revision, e.position])).toEqual([
        [written[0]!.id, 'Ø', { tekst: 'blåbær' }, 0n, 1n],
        [written[1]!.id, 'Å', { tekst: 'ærfugl' }, 1n, 2n],
      ]);
      expect(await second.streamRevision('s')).toBe(1n);
      await expect(second.appendToStream('s', [event()], { expectedRevision: 1n })).resolves.toEqual({
        nextExpectedRevision: 2n,
        position: 3n,
      });
    });

    it('opens a read-only connection that reads what the writer commits and refuses to append', async () => {
      const filename = newFile();
      const writer = open(filename);
      await writer.appendToStream('s', [event('Before')]);
      const reader = SqliteEventStore.openReadOnly(filename);
      opened.push(reader);
      expect(reader.filename).toBe(filename);
      expect(open(':memory:').filename).toBeUndefined();
      await writer.appendToStream('s', [event('After')]);
      expect((await reader.readAll()).map((e) => [e.type, e.position])).toEqual([['Before', 1n], ['After', 2n]]);
      await expect(reader.appendToStream('s', [event()])).rejects.toThrow(/read-only/);
      expect(await writer.headPosition()).toBe(2n);
      expect(() => SqliteEventStore.openReadOnly(join(dir, 'missing.db'))).toThrow();
    });

    it('lets a second store on the same file see the first one’s appends through its subscription', async () => {
      const filename = newFile();
      const writer = open(filename);
      const reader = open(filename, { pollIntervalMs: 20 });
      await writer.appendToStream('s', [event('Before')]);
      const subscription = reader.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();

      expect(await nextValue(iterator)).toMatchObject({ type: 'Before', position: 1n });
      const pending = nextValue(iterator);
      await pause(50); // the reader is now waiting: only its poll can see the other store's commit
      await writer.appendToStream('s', [event('After')]);
      expect(await pending).toMatchObject({ type: 'After', position: 2n });
      await subscription.unsubscribe();
    });
  });

  describe('subscriptions', () => {
    it('starts from the beginning by default and pages through a long log', async () => {
      const store = open(':memory:');
      for (let batch = 0; batch < 5; batch++) {
        await store.appendToStream(`s-${batch}`, Array.from({ length: 500 }, () => event()));
      }
      const positions: bigint[] = [];
      for await (const e of store.subscribeToAll()) {
        positions.push(e.position);
        if (positions.length === 2500) break;
      }
      expect(positions).toEqual(Array.from({ length: 2500 }, (_, i) => BigInt(i + 1)));
    });

    it('wakes live subscribers on commit, without waiting for the poll', async () => {
      const store = open(':memory:', { pollIntervalMs: 60_000 });
      const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
      const pending = nextValue(iterator, 1000);
      await pause(20);

      await store.appendToStream('s', [event('Rung')]);

      expect(await pending).toMatchObject({ type: 'Rung', position: 1n });
      await iterator.return?.();
    });

    it('says when nothing more is at hand: not while events are buffered or a full page was read, nor once a commit rang', async () => {
      const store = open(':memory:', { pollIntervalMs: 60_000 });
      await store.appendToStream('big', Array.from({ length: 1000 }, () => event()));
      await store.appendToStream('s', [event('A'), event('B')]);
      const subscription = store.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      // The first page is full (1000 rows): more may follow.
      for (let i = 0; i < 1000; i++) await iterator.next();
      expect(subscription.ready?.()).toBe(true);
      expect(await iterator.next()).toMatchObject({ value: { type: 'A' } });
      expect(subscription.ready?.()).toBe(true); // B is buffered
      expect(await iterator.next()).toMatchObject({ value: { type: 'B' } });
      expect(subscription.ready?.()).toBe(false);

      await store.appendToStream('s', [event('C')]);
      expect(subscription.ready?.()).toBe(true);
      expect(await nextValue(iterator, 1000)).toMatchObject({ type: 'C' });
      expect(subscription.ready?.()).toBe(false);
      await subscription.unsubscribe();
      expect(subscription.ready?.()).toBe(false);
    });

    it('ends a waiting subscription at once on unsubscribe()', async () => {
      const store = open(':memory:', { pollIntervalMs: 60_000 });
      const subscription = store.subscribeToAll();
      const pending = subscription[Symbol.asyncIterator]().next();
      await pause(20);

      await subscription.unsubscribe();

      await expect(within(pending, 1000)).resolves.toEqual({ done: true, value: undefined });
    });

    it('ends live subscriptions when the store closes', async () => {
      const store = SqliteEventStore.open(':memory:', { pollIntervalMs: 60_000 });
      const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
      const pending = iterator.next();
      await pause(20);

      await store.close();

      await expect(within(pending, 1000)).resolves.toEqual({ done: true, value: undefined });
      expect(() => store.subscribeToAll()).toThrow(EventStoreUnavailableError);
    });

    it('delivers each event once to a subscriber reading while writers append', async () => {
      const store = open(':memory:');
      const subscription = store.subscribeToAll();
      const received: RecordedEvent[] = [];
      const reading = (async () => {
        for await (const e of subscription) {
          received.push(e);
          if (received.length === 300) break;
        }
      })();

      for (let round = 0; round < 30; round++) {
        await Promise.all(Array.from({ length: 5 }, (_, i) => store.appendToStream(`s-${i}`, [event(), event()])));
      }
      await reading;

      expect(received.map((e) => e.position)).toEqual(Array.from({ length: 300 }, (_, i) => BigInt(i + 1)));
    });
  });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Nothing within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function nextValue(iterator: AsyncIterator<RecordedEvent>, ms = 5000): Promise<RecordedEvent> {
  const result = await within(iterator.next(), ms);
  if (result.done) throw new Error('The subscription ended');
  return result.value;
}

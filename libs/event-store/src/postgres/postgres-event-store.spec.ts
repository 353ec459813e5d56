import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '../event-store.port';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { createEventStore } from '../create-event-store';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { POSTGRES_ADVISORY_LOCKS } from './advisory-locks';
import { PostgresEventStore } from './postgres-event-store';
import { createTestDatabase, describeWithPostgres, postgresSkipReason, type TestDatabase } from './testing/postgres-test-database';

/**
 * The EventStore contract and the adapter's own behaviour against the machine's PostgreSQL, in a
 * database of its own that is dropped afterwards. Without a server both are reported as skipped.
 */
const skipReason = postgresSkipReason();
let database: TestDatabase | undefined;
const url = (): string => database!.url;

if (skipReason === undefined) {
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });
}

describeEventStoreContract('PostgreSQL', async () => PostgresEventStore.connect(url(), { pollIntervalMs: 200 }), { skipReason });

function event(type = 'Happened', data: unknown = { n: 1 }): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { correlationId: randomUUID() } };
}

describeWithPostgres('PostgresEventStore', () => {
  const opened: PostgresEventStore[] = [];
  const open = async (options?: Parameters<typeof PostgresEventStore.connect>[1]) => {
    const store = await PostgresEventStore.connect(url(), options);
    opened.push(store);
    return store;
  };
  const stream = (name: string) => `${name}-${randomUUID()}`;
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describe('group commit', () => {
    it('commits 200 concurrent appends in far fewer transactions, at consecutive positions', async () => {
      const store = await open();
      const head = await store.headPosition();

      const results = await Promise.all(
        Array.from({ length: 200 }, () => store.appendToStream(stream('many'), [event()], { expectedRevision: 'no_stream' })),
      );

      expect(store.stats.appends).toBe(200);
      expect(store.stats.transactions).toBeLessThanOrEqual(5);
      const positions = results.map((r) => r.position).sort((a, b) => (a < b ? -1 : 1));
      expect(positions).toEqual(Array.from({ length: 200 }, (_, i) => head + BigInt(i + 1)));
    });

    it('refuses one append of a batch without affecting the others, in one transaction, leaving no gap', async () => {
      const store = await open();
      const taken = event();
      const takenStream = stream('taken');
      await store.appendToStream(takenStream, [taken], { expectedRevision: 'no_stream' });
      const before = store.stats.transactions;
      const head = await store.headPosition();
      const [a, c, d, e] = ['a', 'c', 'd', 'e'].map(stream);

      const [first, wrongRevision, third, duplicate, fifth] = await Promise.allSettled([
        store.appendToStream(a!, [event(), event()], { expectedRevision: 'no_stream' }),
        store.appendToStream(takenStream, [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream(c!, [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream(d!, [event(), taken], { expectedRevision: 'no_stream' }),
        store.appendToStream(e!, [event()], { expectedRevision: 'no_stream' }),
      ]);

      expect(store.stats.transactions).toBe(before + 1);
      expect([first, third, fifth].map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      expect(wrongRevision).toMatchObject({ status: 'rejected', reason: expect.any(WrongExpectedRevisionError) });
      expect(duplicate).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
      expect(await store.streamRevision(d!)).toBeUndefined();
      const after = await store.readAll({ fromPosition: head });
      expect(after.map((r) => r.streamId)).toEqual([a, a, c, e]);
      expect(after.map((r) => r.position)).toEqual([1n, 2n, 3n, 4n].map((n) => head + n));
    });

    it('lets appends to one stream within a batch see each other, chained', async () => {
      const store = await open();
      const s = stream('s');

      const [first, second, third] = await Promise.allSettled([
        store.appendToStream(s, [event()], { expectedRevision: 'no_stream' }),
        store.appendToStream(s, [event()], { expectedRevision: 0n }),
        store.appendToStream(s, [event()], { expectedRevision: 'no_stream' }),
      ]);

      expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
      expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
      expect(third).toMatchObject({ status: 'rejected', reason: { expected: 'no_stream', actual: 1n } });
      const [e0, e1] = await store.readStream(s);
      expect(e1!.metadata['prevHash']).toBe(e0!.metadata['hash']);
    });

    it('commits appends accepted before close(), and refuses calls after it', async () => {
      const store = await PostgresEventStore.connect(url());
      const s = stream('closing');
      const accepted = store.appendToStream(s, [event()]);

      await store.close();

      await expect(accepted).resolves.toMatchObject({ nextExpectedRevision: 0n });
      await expect(store.appendToStream(s, [event()])).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      const reopened = await open();
      expect(await reopened.streamRevision(s)).toBe(0n);
    });

    it('refuses malformed input at the call, without touching the batch', async () => {
      const store = await open();
      const s = stream('input');
      const good = store.appendToStream(s, [event()]);

      await expect(store.appendToStream(s, [{ ...event(), id: 'not-a-uuid' }])).rejects.toThrow(TypeError);
      await expect(store.appendToStream(s, [event('T', { big: 1n })])).rejects.toThrow(TypeError);
      await expect(store.appendToStream('nul\u0000stream', [event()])).rejects.toThrow(TypeError);
      await expect(store.appendToStream(s, [event()], { expectedRevision: 0 as unknown as bigint })).rejects.toThrow(TypeError);
      await expect(good).resolves.toMatchObject({ nextExpectedRevision: 0n });
    });

    it('stores a NUL character inside event data, as JSON escapes it', async () => {
      const store = await open();
      const s = stream('nul');
      await store.appendToStream(s, [event('T', { text: 'a\u0000b' })]);
      expect((await store.readStream(s))[0]!.data).toEqual({ text: 'a\u0000b' });
    });
  });

  describe('connections', () => {
    it('is what createEventStore opens for a postgres:// or postgresql:// URL, schema ready', async () => {
      for (const eventStoreUrl of [url(), url().replace(/^postgres:/, 'postgresql:')]) {
        const store = await createEventStore({ eventStoreUrl, dataDir: '/nonexistent/never-created' });
        opened.push(store as PostgresEventStore);
        expect(store).toBeInstanceOf(PostgresEventStore);
        await expect(store.headPosition()).resolves.toEqual(expect.any(BigInt));
      }
    });

    it('reports an unreachable server as EventStoreUnavailableError without echoing the password', async () => {
      const error = await PostgresEventStore.connect('postgres://kom:hunter2@127.0.0.1:1/kom').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect((error as Error).message).toContain('postgres://***@127.0.0.1:1/kom');
      expect((error as Error).message).not.toContain('hunter2');
    });

    it('lets one process at a time hold a cluster-wide advisory lock', async () => {
      const [a, b] = [await open(), await open()];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const holder = a.withAdvisoryLock(POSTGRES_ADVISORY_LOCKS.auditCheckpoints, async () => {
        entered();
        await held;
        return 'checkpoint';
      });
      await inside;

      await expect(b.withAdvisoryLock(POSTGRES_ADVISORY_LOCKS.auditCheckpoints, async () => 'twice', { wait: false })).resolves.toEqual({
        acquired: false,
      });
      release();
      await expect(holder).resolves.toEqual({ acquired: true, value: 'checkpoint' });
      await expect(b.withAdvisoryLock(POSTGRES_ADVISORY_LOCKS.auditCheckpoints, async () => 'now', { wait: false })).resolves.toEqual({
        acquired: true,
        value: 'now',
      });
      await expect(b.withAdvisoryLock(POSTGRES_ADVISORY_LOCKS.append, async () => 'no')).rejects.toThrow(RangeError);
    });
  });
}, skipReason);

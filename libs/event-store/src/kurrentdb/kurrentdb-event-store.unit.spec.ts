import { randomUUID } from 'node:crypto';
import { UnavailableError } from '@kurrent/kurrentdb-client';
import { jsonEvent, type EventData, type JSONType } from '@kurrent/kurrentdb-client';
import type { EventToAppend, ExpectedRevision, RecordedEvent } from '../event-store.port';
import { checkChainLink, computeEventHash } from '../hash-chain';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { DuplicateEventIdError, EventStoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { packPosition } from './position';
import { FakeKurrentDbClient } from './testing/fake-kurrentdb-client';

// The adapter's own logic against an in-memory stand-in for the client (see the fake's header for
// the server behaviour it assumes). This is not a test of a real server: the contract suite in
// kurrentdb-event-store.spec.ts is, when KOM_EVENTSTORE_URL points at one.

const event = (type = 'Happened', data: unknown = { at: 1 }): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: randomUUID() },
});

describe('KurrentDbEventStore (against an in-memory client)', () => {
  let fake: FakeKurrentDbClient;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    fake = new FakeKurrentDbClient();
    store = KurrentDbEventStore.fromClient(fake.asClient(), {
      readPageSize: 3,
      pingTimeoutMs: 50,
      resubscribe: { initialDelayMs: 1, maxDelayMs: 5 },
    });
  });

  afterEach(() => store.close());

  it('appends several streams in one multi-stream write, metadata encoded as the server demands', async () => {
    await store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' });
    await store.appendToStreams([
      { streamId: 's-1', events: [event('A')], expectedRevision: 0n },
      { streamId: 's-2', events: [event('B')], expectedRevision: 'no_stream' },
    ]);
    expect(fake.multiAppends).toHaveLength(1);
    expect(fake.multiAppends[0]!.map((r) => [r.streamName, r.expectedState])).toEqual([
      ['s-1', 0n],
      ['s-2', 'no_stream'],
    ]);
    const [b] = await store.readStream('s-2');
    expect(b!.metadata).toMatchObject({ correlationId: expect.any(String), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('says which server version a multi-stream append needs when the server does not know it', async () => {
    fake.multiStreamAppend = async () => Promise.reject(Object.assign(new Error('12 UNIMPLEMENTED: unknown service'), { code: 12 }));
    await expect(
      store.appendToStreams([
        { streamId: 's-1', events: [event()] },
        { streamId: 's-2', events: [event()] },
      ]),
    ).rejects.toThrow(/25\.1 or later/);
    expect(await store.streamRevision('s-1')).toBeUndefined();
  });

  it('sends exact revisions: any and stream_exists become the revision read, for the hash chain', async () => {
    await store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' });
    await store.appendToStream('s-1', [event()], { expectedRevision: 0n });
    await store.appendToStream('s-1', [event()], { expectedRevision: 'stream_exists' });
    await store.appendToStream('s-1', [event()], { expectedRevision: 'any' });
    await store.appendToStream('s-1', [event()]);
    await store.appendToStream('s-2', [event()]);
    expect(fake.appendStates).toEqual(['no_stream', 0n, 1n, 2n, 3n, 'no_stream']);
    await expect(store.appendToStream('s-1', [event()], { expectedRevision: -1n })).rejects.toThrow(RangeError);
  });

  it('returns the last event’s own $all position, not the position of the append reply', async () => {
    const result = await store.appendToStream('s-1', [event(), event(), event()], { expectedRevision: 'no_stream' });
    const last = fake.log.filter((r) => r.streamId === 's-1')[2]!;
    expect(result).toEqual({ nextExpectedRevision: 2n, position: packPosition(last.position) });
    expect(last.position.prepare).not.toBe(last.position.commit); // the reply's (commit, commit) would be wrong
  });

  it('sends our event ids and JSON payloads', async () => {
    const e = event('Opened', { title: 'Tromsø' });
    await store.appendToStream('s-1', [e]);
    const [read] = await store.readStream('s-1');
    expect(read).toMatchObject({ id: e.id, type: 'Opened', data: { title: 'Tromsø' }, metadata: e.metadata });
  });

  it('reports a refusal with the expected and actual revisions', async () => {
    await store.appendToStream('s-1', [event(), event()]);
    const error = await store.appendToStream('s-1', [event()], { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamId: 's-1', expected: 0n, actual: 1n });
    const missing = await store.appendToStream('s-2', [event()], { expectedRevision: 'stream_exists' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ streamId: 's-2', expected: 'stream_exists', actual: 'no_stream' });
  });

  it('answers a retried append with the original result, and a partly matching one with DuplicateEventIdError', async () => {
    const a = event('A');
    const b = event('B');
    const first = await store.appendToStream('s-1', [a, b], { expectedRevision: 'no_stream' });
    await store.appendToStream('s-1', [event('C')], { expectedRevision: 1n });
    // The server refuses this one (expected revision now stale, and the ids are not at revision 0+1)...
    expect(await store.appendToStream('s-1', [a, b], { expectedRevision: 5n })).toEqual(first);
    // ...and answers this one as "wrong expected version" (corrupted idempotency).
    await expect(store.appendToStream('s-1', [b, event('D')])).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect((await store.readStream('s-1')).map((e) => e.type)).toEqual(['A', 'B', 'C']);
  });

  describe('the hash chain, computed client-side', () => {
    const chainOf = async (streamId: string) => {
      const read = await store.readStream(streamId);
      let previous: { revision: bigint; hash: string } | undefined;
      for (const e of read) {
        const check = checkChainLink(e, previous);
        if (!check.ok) throw new Error(check.reason);
        previous = { revision: e.revision, hash: check.hash };
      }
      return read;
    };

    it('chains again and retries when another writer wins the race, for any and stream_exists', async () => {
      await store.appendToStream('s-1', [event('A')]);
      const rival = event('Rival');
      // The rival append lands between the adapter's read of the last event and its append.
      let injected = false;
      const append = fake.appendToStream;
      fake.appendToStream = async (stream, events, options) => {
        if (!injected) {
          injected = true;
          await append(stream, [{ ...chainedLike(rival), id: rival.id }], { streamState: 0n });
        }
        return append(stream, events, options);
      };
      const chainedLike = (e: EventToAppend) => jsonEventFor(e);
      const result = await store.appendToStream('s-1', [event('Mine')], { expectedRevision: 'stream_exists' });
      expect(result.nextExpectedRevision).toBe(2n);
      expect(fake.appendStates).toEqual([ 'no_stream', 0n, 0n, 1n ]);
      expect((await store.readStream('s-1')).map((e) => e.type)).toEqual(['A', 'Rival', 'Mine']);
      // The rival was written without the adapter (no chain): Mine still chains to it by its content.
      const [, rivalRead, mine] = await store.readStream('s-1');
      expect((mine!.metadata as { prevHash: string }).prevHash).toBe(computeEventHash(rivalRead!));
    });

    it('does not retry a refusal of the caller’s own exact revision or no_stream', async () => {
      await store.appendToStream('s-1', [event('A'), event('B')]);
      const before = fake.appendStates.length;
      await expect(store.appendToStream('s-1', [event()], { expectedRevision: 0n })).rejects.toMatchObject({ expected: 0n, actual: 1n });
      await expect(store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' })).rejects.toMatchObject({ expected: 'no_stream', actual: 1n });
      expect(fake.appendStates.slice(before)).toEqual([0n, 'no_stream']); // each sent once: the refusal is the caller's
    });

    it('keeps one unbroken chain under 30 concurrent writers with any', async () => {
      await Promise.all(Array.from({ length: 30 }, (_, n) => store.appendToStream('s-1', [event('N', { n }), event('M', { n })])));
      const read = await chainOf('s-1');
      expect(read).toHaveLength(60);
      expect(fake.appendStates.some((s) => typeof s === 'bigint')).toBe(true);
    });

    it('does not write a retried any-append twice, even once the stream has moved on', async () => {
      const a = event('A');
      const first = await store.appendToStream('s-1', [a]);
      await store.appendToStream('s-1', [event('B')]);
      expect(await store.appendToStream('s-1', [a])).toEqual(first);
      expect((await chainOf('s-1')).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('computes the same hashes as the SQLite adapter for the same appends', async () => {
      const sqlite = SqliteEventStore.open(':memory:');
      try {
        const appends: Array<[string, EventToAppend[], ExpectedRevision]> = [
          ['s-1', [event('A', { title: 'Blåbær' }), event('B', { n: [1, 2.5, null] })], 'no_stream'],
          ['s-2', [event('C')], 'any'],
          ['s-1', [event('D')], 1n],
          ['s-1', [event('E', { z: 1, a: { y: 2, b: 3 } })], 'stream_exists'],
        ];
        for (const [streamId, events, expectedRevision] of appends) {
          await store.appendToStream(streamId, events, { expectedRevision });
          await sqlite.appendToStream(streamId, events, { expectedRevision });
        }
        for (const streamId of ['s-1', 's-2']) {
          const hashes = (events: RecordedEvent[]) => events.map((e) => e.metadata);
          expect(hashes(await chainOf(streamId))).toEqual(hashes(await sqlite.readStream(streamId)));
        }
      } finally {
        await sqlite.close();
      }
    });
  });

  it('treats an empty append as a check of the expected revision', async () => {
    expect(await store.appendToStream('s-1', [], { expectedRevision: 'no_stream' })).toEqual({ nextExpectedRevision: -1n, position: 0n });
    const written = await store.appendToStream('s-1', [event()]);
    expect(await store.appendToStream('s-1', [], { expectedRevision: 0n })).toEqual(written);
    await expect(store.appendToStream('s-1', [], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('reads streams both ways and throws StreamNotFoundError for a missing one', async () => {
    await store.appendToStream('s-1', ['A', 'B', 'C'].map((t) => event(t)));
    const types = (events: RecordedEvent[]) => events.map((e) => e.type);
    expect(types(await store.readStream('s-1', { direction: 'backwards' }))).toEqual(['C', 'B', 'A']);
    expect(types(await store.readStream('s-1', { fromRevision: 1n, maxCount: 1 }))).toEqual(['B']);
    expect(await store.readStream('s-1', { maxCount: 0 })).toEqual([]);
    await expect(store.readStream('nope')).rejects.toEqual(new StreamNotFoundError('nope'));
    await expect(store.readStream('nope', { maxCount: 0 })).rejects.toBeInstanceOf(StreamNotFoundError);
    expect(await store.streamRevision('s-1')).toBe(2n);
    expect(await store.streamRevision('nope')).toBeUndefined();
  });

  it('reads $all after an exclusive position, in pages, without system events', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const e = event('N', { i });
      ids.push(e.id);
      await store.appendToStream(`s-${i % 2}`, [e]);
    }
    expect(fake.log.some((r) => r.type.startsWith('$'))).toBe(true);
    const all = await store.readAll();
    expect(all.map((e) => e.id)).toEqual(ids);
    expect((await store.readAll({ fromPosition: all[1]!.position })).map((e) => e.id)).toEqual(ids.slice(2));
    expect((await store.readAll({ fromPosition: all[1]!.position, maxCount: 2 })).map((e) => e.id)).toEqual(ids.slice(2, 4));
    expect(await store.readAll({ fromPosition: all[4]!.position })).toEqual([]);
    expect(await store.readAll({ maxCount: 0 })).toEqual([]);
  });

  it('gives the head position of the newest user event, START when there is none', async () => {
    expect(await store.headPosition()).toBe(0n);
    const { position } = await store.appendToStream('s-1', [event(), event()]);
    expect(fake.log[fake.log.length - 1]!.type.startsWith('$')).toBe(true);
    expect(await store.headPosition()).toBe(position);
  });

  it('finds the head by scanning back when the server filter does not skip system events', async () => {
    fake.ignoreReadFilters = true;
    const { position } = await store.appendToStream('s-1', [event()]);
    for (let i = 0; i < 4; i++) await store.appendToStream('$$s-1', [event('$metadata')]); // 3 system records each
    expect(await store.headPosition()).toBe(position);
  });

  it('pings, and rejects with EventStoreUnavailableError when the server is down or silent', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    fake.failWith = new UnavailableError(undefined, 'connect ECONNREFUSED');
    await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.appendToStream('s', [event()])).rejects.toBeInstanceOf(EventStoreUnavailableError);
    fake.failWith = undefined;
    fake.hang = true;
    await expect(store.ping()).rejects.toThrow(/did not answer within 50 ms/);
  });

  it('resumes a subscription after the connection drops, delivering every event exactly once', async () => {
    const before = [event('A'), event('B')];
    await store.appendToStream('s-1', before);
    const subscription = store.subscribeToAll({ filter: { streamPrefixes: ['s-'] } });
    const iterator = subscription[Symbol.asyncIterator]();
    const seen: string[] = [];
    const next = async () => {
      const r = await iterator.next();
      if (!r.done) seen.push(r.value.id);
    };
    await next();
    await next();
    fake.dropSubscriptions(new UnavailableError(undefined, 'connection reset'));
    const during = [event('C'), event('D')];
    await store.appendToStream('s-1', during);
    await next();
    await next();
    expect(seen).toEqual([...before, ...during].map((e) => e.id));
    expect(fake.subscribeCalls).toHaveLength(2);
    expect(fake.subscribeCalls[0]!.filter).toMatchObject({ filterOn: 'streamName', prefixes: ['s-'] });
    await subscription.unsubscribe();
  });

  it('close() ends subscriptions, disposes the client, and refuses further calls', async () => {
    const subscription = store.subscribeToAll();
    const pending = subscription[Symbol.asyncIterator]().next();
    await store.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(fake.disposed).toBe(true);
    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(() => store.subscribeToAll()).toThrow(EventStoreUnavailableError);
    await store.close();
  });
});

function jsonEventFor(e: EventToAppend): EventData {
  return jsonEvent({ id: e.id, type: e.type, data: e.data as JSONType, metadata: e.metadata as JSONType });
}

// The whole contract, hash chain included, against the in-memory client: the adapter's own logic.
describeEventStoreContract('KurrentDB adapter on the in-memory client', async () =>
  KurrentDbEventStore.fromClient(new FakeKurrentDbClient().asClient(), { readPageSize: 50, resubscribe: { initialDelayMs: 1, maxDelayMs: 5 } }),
);

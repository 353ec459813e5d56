import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, Position, RecordedEvent, Subscription, SubscribeToAllOptions } from '../event-store.port';
import { DuplicateEventIdError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { GENESIS_HASH, canonicalJson, checkChainLink, computeEventHash, sha256Hex } from '../hash-chain';

/**
 * The one behavioural contract of the EventStore port. Every adapter runs it; an adapter that
 * passes it can replace another. The cases assume nothing about events written by others (a shared
 * server may hold any history): streams and event types carry a random suffix, and log reads start
 * from the head position taken at the start of the case.
 */
export function describeEventStoreContract(
  name: string,
  create: () => Promise<EventStore>,
  options: { skipReason?: string } = {},
): void {
  const title = `EventStore contract: ${name}`;
  if (options.skipReason !== undefined) {
    // The reason is a test title so that it shows in jest's report, and every case is reported
    // as skipped, never as passed.
    console.warn(`${title} skipped: ${options.skipReason}`);
    describe(title, () => {
      it.skip(`${name}: ${options.skipReason}`, () => undefined);
    });
    describe.skip(title, () => defineCases(() => create()));
    return;
  }
  describe(title, () => defineCases(create));
}

const WAIT_MS = 5000;

function defineCases(create: () => Promise<EventStore>): void {
  let store: EventStore;
  let run: string;

  beforeEach(async () => {
    store = await create();
    run = randomUUID().slice(0, 8);
  });

  afterEach(async () => {
    await store?.close();
  });

  const streamId = (kind = 'contract'): string => `${kind}_${run}-${randomUUID()}`;

  describe('appending', () => {
    it('creates a stream with no_stream and reads it back with revisions 0..n-1 and increasing positions', async () => {
      const id = streamId();
      const events = [event('Opened'), event('Renamed'), event('Closed')];

      const result = await store.appendToStream(id, events, { expectedRevision: 'no_stream' });

      const read = await store.readStream(id);
      expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(read.map((e) => e.type)).toEqual(['Opened', 'Renamed', 'Closed']);
      expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(read.every((e) => e.streamId === id)).toBe(true);
      expect(read.map((e) => e.data)).toEqual(events.map((e) => e.data));
      expectIncreasing(read.map((e) => e.position));
      expect(result).toEqual({ nextExpectedRevision: 2n, position: read[2]!.position });
      expect(Number.isNaN(Date.parse(read[0]!.recordedAt))).toBe(false);
    });

    it('appends with the exact revision of the last event', async () => {
      const id = streamId();
      await store.appendToStream(id, [event('A')], { expectedRevision: 'no_stream' });

      const second = await store.appendToStream(id, [event('B'), event('C')], { expectedRevision: 0n });
      const third = await store.appendToStream(id, [event('D')], { expectedRevision: 2n });

      expect(second.nextExpectedRevision).toBe(2n);
      expect(third.nextExpectedRevision).toBe(3n);
      expect(third.position > second.position).toBe(true);
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    });

    it("appends anywhere with 'any', and to an existing stream with stream_exists", async () => {
      const id = streamId();
      const first = await store.appendToStream(id, [event('A')], { expectedRevision: 'any' });
      const second = await store.appendToStream(id, [event('B')], { expectedRevision: 'any' });
      const third = await store.appendToStream(id, [event('C')]);
      const fourth = await store.appendToStream(id, [event('D')], { expectedRevision: 'stream_exists' });

      expect([first, second, third, fourth].map((r) => r.nextExpectedRevision)).toEqual([0n, 1n, 2n, 3n]);
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    });

    it('refuses a wrong exact revision and reports the expected and the actual revision', async () => {
      const id = streamId();
      await store.appendToStream(id, [event('A'), event('B')], { expectedRevision: 'no_stream' });

      const error = await refusal(store.appendToStream(id, [event('C')], { expectedRevision: 0n }));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: id, expected: 0n, actual: 1n });
      expect(await store.streamRevision(id)).toBe(1n);
    });

    it('refuses no_stream for an existing stream', async () => {
      const id = streamId();
      await store.appendToStream(id, [event('A')], { expectedRevision: 'no_stream' });

      const error = await refusal(store.appendToStream(id, [event('B')], { expectedRevision: 'no_stream' }));

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: id, expected: 'no_stream', actual: 0n });
    });

    it('refuses stream_exists and an exact revision for a missing stream', async () => {
      const id = streamId();

      const exists = await refusal(store.appendToStream(id, [event('A')], { expectedRevision: 'stream_exists' }));
      const exact = await refusal(store.appendToStream(id, [event('A')], { expectedRevision: 0n }));

      expect(exists).toBeInstanceOf(WrongExpectedRevisionError);
      expect(exists).toMatchObject({ streamId: id, expected: 'stream_exists', actual: 'no_stream' });
      expect(exact).toBeInstanceOf(WrongExpectedRevisionError);
      expect(exact).toMatchObject({ streamId: id, expected: 0n, actual: 'no_stream' });
      expect(await store.streamRevision(id)).toBeUndefined();
    });

    it('writes none of the events of an append that conflicts', async () => {
      const id = streamId();
      await store.appendToStream(id, [event('A')], { expectedRevision: 'no_stream' });
      const head = await store.headPosition();
      const refused = [event('X'), event('Y'), event('Z')];

      const conflict = store.appendToStream(id, refused, { expectedRevision: 5n });
      await expect(conflict).rejects.toBeInstanceOf(WrongExpectedRevisionError);

      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A']);
      const refusedIds = new Set(refused.map((e) => e.id));
      expect((await store.readAll({ fromPosition: head })).filter((e) => refusedIds.has(e.id))).toEqual([]);
      expect(await store.streamRevision(id)).toBe(0n);
    });
  });

  describe('appending to several streams at once', () => {
    it('appends to every stream with its own revisions and hash chain, in the order given', async () => {
      const issue = streamId('issue');
      const meeting = streamId('meeting');
      await store.appendToStream(meeting, [event('Scheduled')], { expectedRevision: 'no_stream' });

      const results = await store.appendToStreams([
        { streamId: meeting, events: [event('ItemAdded'), event('ItemMoved')], expectedRevision: 0n },
        { streamId: issue, events: [event('Placed')], expectedRevision: 'no_stream' },
      ]);

      const meetingEvents = await store.readStream(meeting);
      const issueEvents = await store.readStream(issue);
      expect(types(meetingEvents)).toEqual(['Scheduled', 'ItemAdded', 'ItemMoved']);
      expect(types(issueEvents)).toEqual(['Placed']);
      expect(results).toEqual([
        { nextExpectedRevision: 2n, position: meetingEvents[2]!.position },
        { nextExpectedRevision: 0n, position: issueEvents[0]!.position },
      ]);
      expect(issueEvents[0]!.position > meetingEvents[2]!.position).toBe(true);
      for (const stream of [meetingEvents, issueEvents]) {
        let previous: { revision: bigint; hash: string } | undefined;
        for (const e of stream) {
          const check = checkChainLink(e, previous);
          expect(check.ok).toBe(true);
          if (check.ok) previous = { revision: e.revision, hash: check.hash };
        }
      }
      expect(issueEvents[0]!.metadata).toMatchObject({ actor: { userId: 'contract', organizationId: 'kom', role: 'SYSTEM' } });
    });

    it('writes nothing to any stream when one expected revision does not match, and names that stream', async () => {
      const first = streamId('first');
      const second = streamId('second');
      await store.appendToStream(second, [event('Existing')], { expectedRevision: 'no_stream' });
      const head = await store.headPosition();
      const refused = [event('X'), event('Y')];

      const error = await refusal(
        store.appendToStreams([
          { streamId: first, events: [refused[0]!], expectedRevision: 'no_stream' },
          { streamId: second, events: [refused[1]!], expectedRevision: 'no_stream' },
        ]),
      );

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: second, expected: 'no_stream', actual: 0n });
      expect(await store.streamRevision(first)).toBeUndefined();
      expect(await store.streamRevision(second)).toBe(0n);
      const ids = new Set(refused.map((e) => e.id));
      expect((await store.readAll({ fromPosition: head })).filter((e) => ids.has(e.id))).toEqual([]);
    });

    it('accepts a retry of a committed multi-stream append without writing it twice', async () => {
      const a = streamId('a');
      const b = streamId('b');
      const appends = [
        { streamId: a, events: [event('A1')], expectedRevision: 'no_stream' as const },
        { streamId: b, events: [event('B1'), event('B2')], expectedRevision: 'no_stream' as const },
      ];
      const first = await store.appendToStreams(appends);

      expect(await store.appendToStreams(appends)).toEqual(first);
      expect(types(await store.readStream(a))).toEqual(['A1']);
      expect(types(await store.readStream(b))).toEqual(['B1', 'B2']);
    });

    it('refuses a stream named twice in one call', async () => {
      const a = streamId('twice');
      await expect(
        store.appendToStreams([
          { streamId: a, events: [event('A')] },
          { streamId: a, events: [event('B')] },
        ]),
      ).rejects.toBeInstanceOf(TypeError);
      expect(await store.streamRevision(a)).toBeUndefined();
    });

    it('lets exactly one of 20 concurrent multi-stream writers through at the same expected revisions', async () => {
      const a = streamId('race-a');
      const b = streamId('race-b');
      await store.appendToStream(a, [event('A0')], { expectedRevision: 'no_stream' });
      await store.appendToStream(b, [event('B0')], { expectedRevision: 'no_stream' });

      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, n) =>
          store.appendToStreams([
            { streamId: a, events: [event('A1', { n })], expectedRevision: 0n },
            { streamId: b, events: [event('B1', { n })], expectedRevision: 0n },
          ]),
        ),
      );

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError);
      const [a1] = (await store.readStream(a)).slice(1);
      const [b1] = (await store.readStream(b)).slice(1);
      expect((await store.readStream(a)).length).toBe(2);
      expect((await store.readStream(b)).length).toBe(2);
      expect(a1!.data).toEqual(b1!.data);
    });
  });

  describe('idempotent append', () => {
    it('accepts the same event ids again without writing them twice, and returns the original result', async () => {
      const id = streamId();
      const first = [event('A')];
      const second = [event('B'), event('C')];
      const firstResult = await store.appendToStream(id, first, { expectedRevision: 'no_stream' });
      const secondResult = await store.appendToStream(id, second, { expectedRevision: 0n });
      await store.appendToStream(id, [event('D')], { expectedRevision: 2n });

      // A writer that never saw the answer retries with its original expected revision...
      expect(await store.appendToStream(id, second, { expectedRevision: 0n })).toEqual(secondResult);
      expect(await store.appendToStream(id, first, { expectedRevision: 'no_stream' })).toEqual(firstResult);
      // ...or without one.
      expect(await store.appendToStream(id, second, { expectedRevision: 'any' })).toEqual(secondResult);
      expect(await store.appendToStream(id, second)).toEqual(secondResult);

      const read = await store.readStream(id);
      expect(read.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
      expect(new Set(read.map((e) => e.id)).size).toBe(4);
      expect(await store.streamRevision(id)).toBe(3n);
    });

    it('refuses an append whose ids only partly match ones already recorded', async () => {
      const id = streamId();
      const a = event('A');
      const b = event('B');
      await store.appendToStream(id, [a, b], { expectedRevision: 'no_stream' });

      const overlapAtEnd = store.appendToStream(id, [b, event('C')], { expectedRevision: 'any' });
      const overlapAtStart = store.appendToStream(id, [a, event('C')], { expectedRevision: 'any' });
      await expect(overlapAtEnd).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(overlapAtStart).rejects.toBeInstanceOf(DuplicateEventIdError);

      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B']);
    });
  });

  describe('reading a stream', () => {
    let id: string;
    beforeEach(async () => {
      id = streamId();
      const events = ['E0', 'E1', 'E2', 'E3', 'E4'].map((type) => event(type));
      await store.appendToStream(id, events, { expectedRevision: 'no_stream' });
    });

    it('reads forwards, from a revision (inclusive), at most maxCount', async () => {
      expect(types(await store.readStream(id))).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
      expect(types(await store.readStream(id, { direction: 'forwards', fromRevision: 2n }))).toEqual(['E2', 'E3', 'E4']);
      expect(types(await store.readStream(id, { fromRevision: 1n, maxCount: 2 }))).toEqual(['E1', 'E2']);
      expect(types(await store.readStream(id, { fromRevision: 5n }))).toEqual([]);
    });

    it('reads backwards from the end by default, or from a revision (inclusive)', async () => {
      const backwards = await store.readStream(id, { direction: 'backwards' });
      expect(types(backwards)).toEqual(['E4', 'E3', 'E2', 'E1', 'E0']);
      expect(backwards.map((e) => e.revision)).toEqual([4n, 3n, 2n, 1n, 0n]);
      expect(types(await store.readStream(id, { direction: 'backwards', maxCount: 2 }))).toEqual(['E4', 'E3']);
      expect(types(await store.readStream(id, { direction: 'backwards', fromRevision: 2n }))).toEqual(['E2', 'E1', 'E0']);
      expect(types(await store.readStream(id, { direction: 'backwards', fromRevision: 3n, maxCount: 1 }))).toEqual(['E3']);
    });

    it('throws StreamNotFoundError for a stream that does not exist', async () => {
      const missing = streamId('missing');
      const error = await refusal(store.readStream(missing));
      expect(error).toBeInstanceOf(StreamNotFoundError);
      expect(error).toMatchObject({ streamId: missing });
      await expect(store.readStream(missing, { direction: 'backwards' })).rejects.toBeInstanceOf(StreamNotFoundError);
    });
  });

  describe('the global log', () => {
    it('reads all streams in global order, from an exclusive position, in pages of maxCount', async () => {
      const head = await store.headPosition();
      const [s1, s2, s3] = [streamId('a'), streamId('b'), streamId('c')];
      const written: string[] = [];
      for (const target of [s1, s2, s1, s3, s2, s1]) {
        const e = event('Interleaved');
        await store.appendToStream(target, [e]);
        written.push(e.id);
      }
      const ours = (events: RecordedEvent[]) => events.filter((e) => [s1, s2, s3].includes(e.streamId));

      const all = ours(await store.readAll({ fromPosition: head }));
      expect(all.map((e) => e.id)).toEqual(written);
      expect(all.map((e) => e.streamId)).toEqual([s1, s2, s1, s3, s2, s1]);
      expectIncreasing(all.map((e) => e.position));

      const afterSecond = await store.readAll({ fromPosition: all[1]!.position });
      expect(afterSecond.every((e) => e.position > all[1]!.position)).toBe(true);
      expect(ours(afterSecond).map((e) => e.id)).toEqual(written.slice(2));

      const paged: RecordedEvent[] = [];
      for (let from = head; ; ) {
        const page = await store.readAll({ fromPosition: from, maxCount: 2 });
        expect(page.length).toBeLessThanOrEqual(2);
        if (page.length === 0) break;
        paged.push(...page);
        from = page[page.length - 1]!.position;
      }
      expect(ours(paged).map((e) => e.id)).toEqual(written);
      expect(await store.readAll({ fromPosition: head, maxCount: 1 })).toHaveLength(1);
    });

    it('reports stream revisions and the head position', async () => {
      const id = streamId();
      expect(await store.streamRevision(id)).toBeUndefined();
      const before = await store.headPosition();

      const result = await store.appendToStream(id, [event('A'), event('B'), event('C')], { expectedRevision: 'no_stream' });

      expect(await store.streamRevision(id)).toBe(2n);
      const after = await store.headPosition();
      expect(after >= result.position).toBe(true);
      expect(result.position > before).toBe(true);
      const [first] = await store.readStream(id);
      expect(first!.position > before).toBe(true);
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });

  describe('subscribing to all', () => {
    it('catches up on existing events, then receives live events in order', async () => {
      const head = await store.headPosition();
      const prefix = `sub_${run}-`;
      const id = `${prefix}${randomUUID()}`;
      const existing = [event('Existing'), event('Existing'), event('Existing')];
      await store.appendToStream(id, existing, { expectedRevision: 'no_stream' });

      const reader = open(store, { fromPosition: head, filter: { streamPrefixes: [prefix] } });
      try {
        expect((await reader.take(3)).map((e) => e.id)).toEqual(existing.map((e) => e.id));

        const live = [event('Live'), event('Live')];
        const later = event('Live');
        const pending = reader.take(3);
        await store.appendToStream(id, live, { expectedRevision: 2n });
        await store.appendToStream(id, [later], { expectedRevision: 4n });
        const received = await pending;

        expect(received.map((e) => e.id)).toEqual([...live, later].map((e) => e.id));
        expect(received.map((e) => e.revision)).toEqual([3n, 4n, 5n]);
        expectIncreasing(received.map((e) => e.position));
      } finally {
        await reader.close();
      }
    });

    it('resumes from a checkpoint and sees every later event exactly once', async () => {
      const head = await store.headPosition();
      const prefix = `resume_${run}-`;
      const id = `${prefix}${randomUUID()}`;
      const before = Array.from({ length: 6 }, () => event('Resumable'));
      await store.appendToStream(id, before, { expectedRevision: 'no_stream' });

      const first = open(store, { fromPosition: head, filter: { streamPrefixes: [prefix] } });
      const consumed = await first.take(3);
      await first.close();
      const checkpoint = consumed[2]!.position;

      const after = Array.from({ length: 4 }, () => event('Resumable'));
      await store.appendToStream(id, after, { expectedRevision: 5n });

      const second = open(store, { fromPosition: checkpoint, filter: { streamPrefixes: [prefix] } });
      try {
        const resumed = await second.take(7);
        expect(await second.nothingWithin(300)).toBe(true);

        const seen = [...consumed, ...resumed].map((e) => e.id);
        expect(seen).toEqual([...before, ...after].map((e) => e.id));
        expect(new Set(seen).size).toBe(10);
      } finally {
        await second.close();
      }
    });

    it('ends a for-await loop on break, and unsubscribe() ends a pending wait', async () => {
      const head = await store.headPosition();
      const id = streamId('loop');
      await store.appendToStream(id, [event('A'), event('B')], { expectedRevision: 'no_stream' });

      const subscription = store.subscribeToAll({ fromPosition: head, filter: { streamPrefixes: [id] } });
      const seen: string[] = [];
      for await (const e of subscription) {
        seen.push(e.type);
        if (seen.length === 2) break;
      }
      expect(seen).toEqual(['A', 'B']);

      const idle = store.subscribeToAll({ fromPosition: await store.headPosition(), filter: { streamPrefixes: [id] } });
      const next = idle[Symbol.asyncIterator]().next();
      await new Promise((resolve) => setTimeout(resolve, 20)); // let it start waiting for live events
      await idle.unsubscribe();
      await expect(within(next, WAIT_MS)).resolves.toEqual({ done: true, value: undefined });
    });

    it('filters by event type and by stream prefix, and still moves past what it filters out', async () => {
      const head = await store.headPosition();
      const wanted = `Wanted_${run}`;
      const other = `Other_${run}`;
      const prefix = `filtered_${run}-`;
      const inside = `${prefix}${randomUUID()}`;
      const outside = streamId('elsewhere');
      await store.appendToStream(inside, [event(wanted, { n: 1 }), event(other)]);
      await store.appendToStream(outside, [event(wanted, { n: 2 }), event(other)]);
      await store.appendToStream(inside, [event(wanted, { n: 3 })]);

      const byType = open(store, { fromPosition: head, filter: { eventTypes: [wanted] } });
      const byPrefix = open(store, { fromPosition: head, filter: { streamPrefixes: [prefix] } });
      const byBoth = open(store, { fromPosition: head, filter: { eventTypes: [wanted], streamPrefixes: [prefix] } });
      try {
        expect((await byType.take(3)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
        expect((await byPrefix.take(3)).map((e) => e.type)).toEqual([wanted, other, wanted]);
        expect((await byBoth.take(2)).map((e) => e.data)).toEqual([{ n: 1 }, { n: 3 }]);

        // Live after filtered-out events: the next match still arrives, once.
        await store.appendToStream(outside, [event(other)]);
        await store.appendToStream(inside, [event(wanted, { n: 4 })]);
        expect((await byBoth.take(1)).map((e) => e.data)).toEqual([{ n: 4 }]);
        expect(await byBoth.nothingWithin(200)).toBe(true);
      } finally {
        await Promise.all([byType.close(), byPrefix.close(), byBoth.close()]);
      }
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of 50 concurrent writers append at the same expected revision', async () => {
      const id = streamId('race');
      await store.appendToStream(id, [event('First')], { expectedRevision: 'no_stream' });

      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () => store.appendToStream(id, [event('Second')], { expectedRevision: 0n })),
      );

      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(49);
      for (const reason of rejected) {
        expect(reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(reason).toMatchObject({ expected: 0n, actual: 1n });
      }
      expect(types(await store.readStream(id))).toEqual(['First', 'Second']);
    });

    it('serialises 50 writers that retry on conflict into revisions without gaps or duplicates', async () => {
      const id = streamId('retry');
      await store.appendToStream(id, [event('Initial')], { expectedRevision: 'no_stream' });
      const writers = Array.from({ length: 50 }, (_, n) => event('Written', { writer: n }));

      await Promise.all(
        writers.map(async (e) => {
          for (let attempt = 0; attempt < 500; attempt++) {
            const revision = await store.streamRevision(id);
            try {
              await store.appendToStream(id, [e], { expectedRevision: revision ?? 'no_stream' });
              return;
            } catch (error) {
              if (!(error instanceof WrongExpectedRevisionError)) throw error;
            }
          }
          throw new Error(`writer ${JSON.stringify(e.data)} never got through`);
        }),
      );

      const read = await store.readStream(id);
      expect(read).toHaveLength(51);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 51 }, (_, i) => BigInt(i)));
      expect(new Set(read.map((e) => e.id)).size).toBe(51);
      expect(new Set(read.slice(1).map((e) => e.id))).toEqual(new Set(writers.map((e) => e.id)));
    });
  });

  describe('the hash chain', () => {
    it('gives every event prevHash and hash; the first event chains to the genesis value', async () => {
      const id = streamId('chain');
      await store.appendToStream(id, [event('A'), event('B')], { expectedRevision: 'no_stream' });
      const [a, b] = await store.readStream(id);
      const meta = (e: RecordedEvent) => e.metadata as { prevHash?: unknown; hash?: unknown };
      expect(meta(a!).prevHash).toBe(GENESIS_HASH);
      expect(meta(a!).hash).toMatch(/^[0-9a-f]{64}$/);
      expect(meta(b!).prevHash).toBe(meta(a!).hash);
      expect(meta(b!).hash).not.toBe(meta(a!).hash);
    });

    it('computes the hash exactly as the shared module documents it', async () => {
      const id = streamId('chain');
      const e = event('Documented', { title: 'Tromsø', n: 1.5, list: [3, 'to', null], z: { b: 1, a: 2 } });
      await store.appendToStream(id, [e], { expectedRevision: 'no_stream' });
      const [read] = await store.readStream(id);
      const { hash, ...metadata } = read!.metadata as Record<string, unknown>;
      const input = `{"data":${canonicalJson(e.data)},"metadata":${canonicalJson(metadata)},"revision":"0","stream":${JSON.stringify(id)},"type":"Documented"}`;
      expect(hash).toBe(sha256Hex(input));
      expect(hash).toBe(computeEventHash(read!));
    });

    it('links the chain across appends, with every kind of expected revision, and ignores hashes sent by the writer', async () => {
      const id = streamId('chain');
      const forged = { ...event('Forged'), metadata: { prevHash: 'f'.repeat(64), hash: 'e'.repeat(64) } };
      await store.appendToStream(id, [event('A')], { expectedRevision: 'no_stream' });
      await store.appendToStream(id, [event('B'), forged], { expectedRevision: 0n });
      await store.appendToStream(id, [event('D')], { expectedRevision: 'stream_exists' });
      await store.appendToStream(id, [event('E')], { expectedRevision: 'any' });
      await store.appendToStream(id, [event('F')]);
      const read = await store.readStream(id);
      expect(types(read)).toEqual(['A', 'B', 'Forged', 'D', 'E', 'F']);
      let previous: { revision: bigint; hash: string } | undefined;
      for (const e of read) {
        const check = checkChainLink(e, previous);
        expect(check).toEqual({ ok: true, hash: (e.metadata as { hash: string }).hash });
        previous = { revision: e.revision, hash: (e.metadata as { hash: string }).hash };
      }
    });

    it('keeps the chain intact when concurrent writers append with any', async () => {
      const id = streamId('chain-race');
      await Promise.all(Array.from({ length: 20 }, (_, n) => store.appendToStream(id, [event('Any', { n })], { expectedRevision: 'any' })));
      const read = await store.readStream(id);
      expect(read).toHaveLength(20);
      let previous: { revision: bigint; hash: string } | undefined;
      for (const e of read) {
        const check = checkChainLink(e, previous);
        expect(check.ok).toBe(true);
        if (check.ok) previous = { revision: e.revision, hash: check.hash };
      }
    });
  });

  describe('payloads', () => {
    it('round-trips a 1 MB event', async () => {
      const id = streamId('large');
      const chunk = 'Koordineringsenheten for ofre for menneskehandel – æøå ÆØÅ. ';
      const text = chunk.repeat(Math.ceil((1024 * 1024) / chunk.length));
      const large = event('Large', { text, items: Array.from({ length: 1000 }, (_, i) => ({ i, label: `punkt ${i}` })) });
      expect(Buffer.byteLength(JSON.stringify(large.data))).toBeGreaterThan(1024 * 1024);

      await store.appendToStream(id, [large], { expectedRevision: 'no_stream' });

      const [read] = await store.readStream(id);
      expect(read!.data).toEqual(large.data);
      expect(JSON.stringify(read!.data)).toBe(JSON.stringify(large.data));
    });

    it('round-trips Norwegian text and emoji byte for byte, and nested metadata', async () => {
      const id = streamId('tekst');
      const head = await store.headPosition();
      // NFC and NFD spellings of å must both survive: a store that normalises breaks hash chains.
      const words = 'Blåbærsyltetøy, ÆØÅ æøå, Tromsø, Ålesund, a\u030Angstrøm \u00E5, 🇳🇴 👩‍👩‍👧 ✅';
      const metadata = {
        actor: { userId: 'user-ærlig', organizationId: 'org-Røde Kors', role: 'NGO_REPRESENTATIVE' },
        correlationId: randomUUID(),
        causationId: randomUUID(),
        command: 'SubmitIssue',
        occurredAt: '2024-05-17T08:00:00.000Z',
        schemaVersion: 1,
        nested: { list: [1, 'to', { tre: 'æ' }], empty: {}, nothing: null, yes: true },
        note: words,
      };
      const data = { title: words, body: { text: words } };
      const e: EventToAppend = { id: randomUUID(), type: 'IssueSubmitted', data, metadata };

      await store.appendToStream(id, [e], { expectedRevision: 'no_stream' });

      const [read] = await store.readStream(id);
      expect(read!.data).toEqual(e.data);
      expect(read!.metadata).toEqual({ ...metadata, prevHash: GENESIS_HASH, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const title = (read!.data as { title: string }).title;
      expect(Buffer.from(title, 'utf8').equals(Buffer.from(words, 'utf8'))).toBe(true);
      expect(Buffer.from((read!.metadata as { note: string }).note, 'utf8').equals(Buffer.from(words, 'utf8'))).toBe(true);
      const [fromLog] = (await store.readAll({ fromPosition: head })).filter((r) => r.id === e.id);
      expect(fromLog?.data).toEqual(e.data);
      expect(fromLog?.metadata).toEqual(read!.metadata);
    });
  });
}

function event(type: string, data: Record<string, unknown> = { at: Date.now() }): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { correlationId: randomUUID(), actor: { userId: 'contract', organizationId: 'kom', role: 'SYSTEM' } },
  };
}

function types(events: readonly RecordedEvent[]): string[] {
  return events.map((e) => e.type);
}

function expectIncreasing(positions: readonly Position[]): void {
  for (let i = 1; i < positions.length; i++) expect(positions[i]! > positions[i - 1]!).toBe(true);
}

/** The rejection of a promise that must reject; fails the case if it resolves. */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to be refused, but it succeeded');
}

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

/** Reads a subscription step by step, with time limits, without ending it between steps. */
function open(store: EventStore, options: SubscribeToAllOptions) {
  const subscription: Subscription = store.subscribeToAll(options);
  const iterator = subscription[Symbol.asyncIterator]();
  let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
  const nextResult = () => (pending ??= iterator.next());
  return {
    async take(count: number): Promise<RecordedEvent[]> {
      const events: RecordedEvent[] = [];
      while (events.length < count) {
        const result = await within(nextResult(), WAIT_MS);
        pending = undefined;
        if (result.done) throw new Error(`The subscription ended after ${events.length} of ${count} events`);
        events.push(result.value);
      }
      return events;
    },
    /** True when no event arrives within `ms`; the pending read is kept for the next take. */
    async nothingWithin(ms: number): Promise<boolean> {
      let timer: NodeJS.Timeout | undefined;
      const quiet = new Promise<'quiet'>((resolve) => {
        timer = setTimeout(resolve, ms, 'quiet');
      });
      try {
        return (await Promise.race([nextResult(), quiet])) === 'quiet';
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => subscription.unsubscribe(),
  };
}

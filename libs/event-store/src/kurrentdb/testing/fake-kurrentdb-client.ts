import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import {
  END,
  START,
  StreamNotFoundError as ClientStreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendResult,
  AppendStreamState,
  AppendStreamRequest,
  AppendToStreamOptions,
  EventData,
  MultiAppendResult,
  Filter,
  KurrentDBClient,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';

/**
 * An in-memory stand-in for the parts of KurrentDBClient the adapter uses, for unit tests only.
 * It follows the server's documented behaviour as far as this project relies on it, and takes the
 * least convenient reading where that behaviour is unclear, so that the adapter is tested against
 * it: readAll's fromPosition is inclusive in both directions; one append's events share a commit
 * position and differ by prepare position; the append reply's position is the commit position
 * only (not the last event's $all position); idempotency follows the server's commit check
 * (same ids at the expected revision, or the first id already recorded for 'any', and
 * "corrupted idempotency" answered as a wrong expected version); system events (a $stats event and
 * a $> link) are written after every append. It is NOT evidence of how a real server behaves.
 */

interface Stored {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly isJson: boolean;
  readonly created: Date;
  readonly position: Position;
}

function compare(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

function matches(filter: Filter | undefined, record: Stored): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'eventType' ? record.type : record.streamId;
  if ('regex' in filter) return new RegExp(filter.regex).test(subject);
  return filter.prefixes.some((prefix) => subject.startsWith(prefix));
}

export class FakeSubscription extends PassThrough {
  unsubscribed = false;
  constructor(private readonly onUnsubscribe: (subscription: FakeSubscription) => void) {
    super({ objectMode: true });
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.onUnsubscribe(this);
  }
}

export class FakeKurrentDbClient {
  readonly log: Stored[] = [];
  private readonly streams = new Map<string, Stored[]>();
  private nextOffset = 1_000n;
  private readonly live = new Map<FakeSubscription, { filter?: Filter }>();
  /** Every subscribeToAll call, for assertions. */
  readonly subscribeCalls: SubscribeToAllOptions[] = [];
  /** Every appendToStream call's stream state, for assertions. */
  readonly appendStates: AppendStreamState[] = [];
  readAllCalls = 0;
  disposed = false;
  /** When set, every call fails with it (a server that went away). */
  failWith: Error | undefined;
  /** When set, readAll never answers (a server that hangs). */
  hang = false;
  /** Write a $stats event and a $> link after each append. */
  systemNoise = true;
  /** readAll ignores its filter (a server or client that does not apply it). */
  ignoreReadFilters = false;

  asClient(): KurrentDBClient {
    return this as unknown as KurrentDBClient;
  }

  appendToStream = async (
    streamName: string,
    events: EventData | EventData[],
    options: AppendToStreamOptions = {},
  ): Promise<AppendResult> => {
    await Promise.resolve();
    this.check();
    const list = Array.isArray(events) ? events : [events];
    const state = options.streamState ?? 'any';
    this.appendStates.push(state);
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length > 0 ? BigInt(stream.length - 1) : undefined;
    const refuse = () =>
      new WrongExpectedVersionError(undefined, { streamName, expected: state, current: current ?? 'no_stream' });

    const idempotent = this.checkIdempotency(stream, list, state, current);
    if (idempotent === 'corrupted') throw refuse();
    if (idempotent) return { success: true, nextExpectedRevision: idempotent.revision, position: { ...idempotent.position } };

    const ok =
      state === 'any' ||
      (state === 'no_stream' && current === undefined) ||
      (state === 'stream_exists' && current !== undefined) ||
      (typeof state === 'bigint' && state === current);
    if (!ok) throw refuse();

    const written = this.write(streamName, list.map((e) => ({ ...e, metadata: e.metadata, isJson: e.contentType === 'application/json' })));
    if (this.systemNoise) {
      this.write('$stats-127.0.0.1:2113', [{ id: randomUUID(), type: '$statsCollected', data: {}, metadata: undefined, isJson: true }]);
      const category = streamName.split('-')[0];
      this.write(`$ce-${category}`, [
        { id: randomUUID(), type: '$>', data: new TextEncoder().encode(`0@${streamName}`), metadata: undefined, isJson: false },
      ]);
    }
    const last = written[written.length - 1]!;
    // The reply carries the write's commit position only: not the last event's $all position.
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.position.commit, prepare: last.position.commit } };
  };

  /** Every multiStreamAppend call, for assertions. */
  readonly multiAppends: AppendStreamRequest[][] = [];

  /**
   * All streams or none; every expected state is checked before anything is written. Metadata must
   * be string-valued, as the real client demands. No idempotency on ids: the server's rules for
   * retried multi-stream appends are not documented, so the adapter must not rely on them.
   */
  multiStreamAppend = async (requests: AppendStreamRequest[]): Promise<MultiAppendResult> => {
    await Promise.resolve();
    this.check();
    this.multiAppends.push(requests);
    for (const request of requests) {
      for (const event of request.events) {
        const metadata = event.metadata as unknown;
        if (metadata != null && (typeof metadata !== 'object' || Object.values(metadata).some((v) => typeof v !== 'string'))) {
          throw new Error('multiStreamAppend requires metadata to be a plain object with string keys and string values.');
        }
      }
    }
    for (const { streamName, expectedState } of requests) {
      const stream = this.streams.get(streamName) ?? [];
      const current = stream.length > 0 ? BigInt(stream.length - 1) : undefined;
      const ok =
        expectedState === 'any' ||
        (expectedState === 'no_stream' && current === undefined) ||
        (expectedState === 'stream_exists' && current !== undefined) ||
        (typeof expectedState === 'bigint' && expectedState === current);
      if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected: expectedState, current: current ?? 'no_stream' });
    }
    const responses = requests.map(({ streamName, events }) => {
      const written = this.write(streamName, events.map((e) => ({ ...e, isJson: e.contentType === 'application/json' })));
      return { streamName, revision: written[written.length - 1]!.revision };
    });
    return { position: this.nextOffset, responses };
  };

  readStream = (streamName: string, options: ReadStreamOptions = {}): AsyncIterableIterator<ResolvedEvent> => {
    const self = this;
    return (async function* () {
      await Promise.resolve();
      self.check();
      const stream = self.streams.get(streamName);
      if (!stream || stream.length === 0) throw new ClientStreamNotFoundError(undefined, streamName);
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      const from = options.fromRevision ?? START;
      let count = 0;
      if ((options.direction ?? 'forwards') === 'forwards') {
        const start = from === START ? 0 : from === END ? stream.length : Number(from);
        for (let i = start; i < stream.length && count < max; i++, count++) yield self.resolved(stream[i]!);
      } else {
        const start = from === END ? stream.length - 1 : from === START ? 0 : Math.min(Number(from), stream.length - 1);
        for (let i = start; i >= 0 && count < max; i--, count++) yield self.resolved(stream[i]!);
      }
    })();
  };

  readAll = (options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> => {
    const self = this;
    this.readAllCalls += 1;
    return (async function* () {
      await Promise.resolve();
      if (self.hang) await new Promise(() => undefined);
      self.check();
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      const from = options.fromPosition ?? START;
      let count = 0;
      if ((options.direction ?? 'forwards') === 'forwards') {
        for (const record of self.log) {
          if (count >= max) break;
          if (from === END) break;
          if (from !== START && compare(record.position, from) < 0) continue; // inclusive
          if (!self.ignoreReadFilters && !matches(options.filter, record)) continue;
          count += 1;
          yield self.resolved(record);
        }
      } else {
        for (let i = self.log.length - 1; i >= 0 && count < max; i--) {
          const record = self.log[i]!;
          if (from === START) break;
          if (from !== END && compare(record.position, from) > 0) continue; // inclusive
          if (!self.ignoreReadFilters && !matches(options.filter, record)) continue;
          count += 1;
          yield self.resolved(record);
        }
      }
    })();
  };

  subscribeToAll = (options: SubscribeToAllOptions = {}): AllStreamSubscription => {
    this.subscribeCalls.push(options);
    const subscription = new FakeSubscription((s) => this.live.delete(s));
    if (this.failWith) {
      const error = this.failWith;
      setImmediate(() => subscription.emit('error', error));
      return subscription as unknown as AllStreamSubscription;
    }
    const after = options.fromPosition ?? START;
    setImmediate(() => {
      if (subscription.unsubscribed) return;
      for (const record of this.log) {
        if (after === END) break;
        if (after !== START && compare(record.position, after) <= 0) continue; // exclusive
        if (matches(options.filter, record)) subscription.write(this.resolved(record));
      }
      this.live.set(subscription, { filter: options.filter });
      subscription.emit('caughtUp', {});
    });
    return subscription as unknown as AllStreamSubscription;
  };

  dispose = async (): Promise<void> => {
    this.disposed = true;
    for (const subscription of this.live.keys()) subscription.end();
    this.live.clear();
  };

  /** Drops every live subscription with `error`, as a lost connection does. */
  dropSubscriptions(error: Error): void {
    for (const subscription of [...this.live.keys()]) {
      this.live.delete(subscription);
      subscription.emit('error', error);
    }
  }

  get liveSubscriptions(): number {
    return this.live.size;
  }

  private check(): void {
    if (this.failWith) throw this.failWith;
  }

  private checkIdempotency(
    stream: readonly Stored[],
    events: readonly EventData[],
    state: AppendStreamState,
    current: bigint | undefined,
  ): Stored | 'corrupted' | undefined {
    if (events.length === 0) return undefined;
    let start: number;
    if (state === 'any' || state === 'stream_exists') {
      start = stream.findIndex((e) => e.id === events[0]!.id);
      if (start < 0) return undefined;
    } else {
      const expected = state === 'no_stream' ? -1n : state;
      if (current === undefined || expected >= current) return undefined;
      start = Number(expected + 1n);
      if (stream[start]?.id !== events[0]!.id) return undefined;
    }
    for (let i = 0; i < events.length; i++) {
      if (stream[start + i]?.id !== events[i]!.id) return 'corrupted';
    }
    return stream[start + events.length - 1];
  }

  private write(
    streamId: string,
    events: ReadonlyArray<{ id: string; type: string; data: unknown; metadata: unknown; isJson: boolean }>,
  ): Stored[] {
    const stream = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stream);
    const commit = this.nextOffset;
    const written = events.map((event, i): Stored => ({
      streamId,
      id: event.id,
      type: event.type,
      revision: BigInt(stream.length + i),
      // The client parses JSON; a copy keeps later mutation of the caller's object out.
      data: event.isJson ? JSON.parse(JSON.stringify(event.data ?? null)) : event.data,
      metadata: event.metadata === undefined ? undefined : JSON.parse(JSON.stringify(event.metadata)),
      isJson: event.isJson,
      created: new Date(),
      position: { commit, prepare: commit + BigInt(i) * 97n },
    }));
    this.nextOffset += BigInt(events.length) * 97n + 1_003n;
    stream.push(...written);
    this.log.push(...written);
    for (const [subscription, { filter }] of this.live) {
      for (const record of written) if (matches(filter, record)) subscription.write(this.resolved(record));
    }
    return written;
  }

  private resolved(record: Stored): AllStreamResolvedEvent {
    return {
      event: { ...record, position: { ...record.position } } as unknown as AllStreamResolvedEvent['event'],
      commitPosition: record.position.commit,
    };
  }
}

import {
  ANY,
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  START as CLIENT_START,
  STREAM_EXISTS,
  excludeSystemEvents,
  jsonEvent,
} from '@kurrent/kurrentdb-client';
import type {
  AllStreamResolvedEvent,
  AppendResult as ClientAppendResult,
  AppendStreamState,
  EventData,
  JSONType,
  ReadPosition,
  ReadRevision,
} from '@kurrent/kurrentdb-client';
import {
  START,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeToAllOptions,
  type Subscription,
} from '../event-store.port';
import { DuplicateEventIdError, EventStoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError, streamNotFound } from '../errors';
import { GENESIS_HASH, chainHashOf, prepareChainable } from '../hash-chain';
import { isTransientError, mapClientError } from './client-errors';
import { redactConnectionString, toClientConnectionString } from './connection-string';
import { encodeMetadata } from './multi-stream-metadata';
import { hasPosition, packPosition, toClientReadPosition, unpackPosition } from './position';
import {
  DEFAULT_RESUBSCRIBE_POLICY,
  DEFAULT_SUBSCRIPTION_SETTINGS,
  KurrentDbSubscription,
  type ResubscribePolicy,
  type SubscriptionSettings,
} from './kurrentdb-subscription';
import { isSystemEvent, positionOf, toRecordedEvent, toUserRecordedEvent } from './to-recorded-event';

export interface KurrentDbEventStoreOptions {
  /** Records per request when paging through $all (readAll, headPosition). Default 500. */
  readonly readPageSize?: number;
  /** ping() rejects when the server has not answered within this (ms). Default 5000. */
  readonly pingTimeoutMs?: number;
  /** Backoff for re-subscribing after a dropped connection. Default 250 ms doubling to 30 s, forever. */
  readonly resubscribe?: Partial<ResubscribePolicy>;
  /** Events buffered per subscription ahead of its consumer before the server stream is paused. Default 1024. */
  readonly subscriptionBufferSize?: number;
  /** Told when a subscription was dropped and will be resumed (for logging). */
  readonly onSubscriptionDropped?: SubscriptionSettings['onDropped'];
}

/** How far back a refused append looks for its own ids (see replayOrRefuse). */
const IDEMPOTENCY_SCAN_LIMIT = 1_000;

/** How often an append with 'any' / 'stream_exists' is chained again after losing a race. */
const MAX_CHAIN_ATTEMPTS = 50;

function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (typeof expected !== 'bigint' || expected < 0n) {
        throw new RangeError(`expectedRevision must be 'any', 'no_stream', 'stream_exists' or a revision >= 0n, got ${String(expected)}`);
      }
      return expected;
  }
}

function satisfies(expected: ExpectedRevision, current: bigint | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      return current === expected;
  }
}

function toEventData(event: EventToAppend, metadata: Record<string, unknown>): EventData {
  return jsonEvent({
    // Our id, so that the server's idempotency on event ids applies to retried appends.
    id: event.id,
    type: event.type,
    // JSON.stringify(undefined) is not JSON; the port's data is any JSON value.
    data: (event.data === undefined ? null : event.data) as JSONType,
    metadata: metadata as JSONType,
  });
}

/** gRPC UNIMPLEMENTED (12), or the client's own "needs a newer server". */
function isUnimplemented(error: unknown): boolean {
  const e = error as { code?: unknown; type?: unknown; name?: unknown } | null;
  return e?.code === 12 || e?.type === 'unsupported' || e?.name === 'UnsupportedError';
}

function currentResult(_streamId: string, last: RecordedEvent | undefined): AppendResult {
  return last ? { nextExpectedRevision: last.revision, position: last.position } : { nextExpectedRevision: -1n, position: START };
}

function assertCount(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0) && value !== Number.POSITIVE_INFINITY) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** Describes a connection-string error from the client without echoing the string (it may hold a password). */
function describeClientParseError(error: unknown): string {
  if (error instanceof Error && 'connectionString' in error) {
    const { expected, location } = error as Error & { expected?: unknown; location?: unknown };
    const at = Array.isArray(location) && typeof location[0] === 'number' ? ` at position ${location[0]}` : '';
    return typeof expected === 'string' ? `expected ${expected}${at}` : 'the client could not parse it';
  }
  return error instanceof Error ? error.message : String(error);
}

function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  work.catch(() => undefined); // a late failure after the timeout is not an unhandled rejection
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The EventStore port on KurrentDB / EventStoreDB (22.6 or later: older servers do not report
 * $all positions on stream reads), through the official gRPC client.
 *
 * - Positions: the server's (commit, prepare) pair packed as `commit << 64n | prepare` (position.ts).
 * - readAll pages through $all, skips the event at exactly `fromPosition` (the server's read is
 *   inclusive, the port's exclusive) and system events (client-side, so paging stays exact).
 * - subscribeToAll filters server-side, again client-side, and resumes after dropped connections
 *   (kurrentdb-subscription.ts).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new Set<KurrentDbSubscription>();
  private readonly readPageSize: number;
  private readonly pingTimeoutMs: number;
  private readonly subscriptionSettings: SubscriptionSettings;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly client: KurrentDBClient,
    options: KurrentDbEventStoreOptions = {},
  ) {
    this.readPageSize = Math.max(2, Math.floor(options.readPageSize ?? 500));
    this.pingTimeoutMs = options.pingTimeoutMs ?? 5_000;
    const buffer = Math.max(1, Math.floor(options.subscriptionBufferSize ?? DEFAULT_SUBSCRIPTION_SETTINGS.highWaterMark));
    this.subscriptionSettings = {
      ...DEFAULT_SUBSCRIPTION_SETTINGS,
      resubscribe: { ...DEFAULT_RESUBSCRIBE_POLICY, ...options.resubscribe },
      highWaterMark: buffer,
      lowWaterMark: Math.floor(buffer / 4),
      onDropped: options.onSubscriptionDropped,
    };
  }

  /**
   * Accepts kurrentdb://, kurrent://, kdb:// and esdb:// (each also +discover). esdb is rewritten to
   * kurrentdb, its current name, to avoid the client's deprecation warning. No network I/O happens here.
   */
  static connect(connectionString: string, options?: KurrentDbEventStoreOptions): KurrentDbEventStore {
    let client: KurrentDBClient;
    try {
      client = KurrentDBClient.connectionString(toClientConnectionString(connectionString));
    } catch (error) {
      throw new Error(
        `Invalid KurrentDB connection string ${redactConnectionString(connectionString)}: ${describeClientParseError(error)}`,
      );
    }
    return new KurrentDbEventStore(client, options);
  }

  /** Wraps a client built elsewhere (custom credentials, certificates...). close() disposes it. */
  static fromClient(client: KurrentDBClient, options?: KurrentDbEventStoreOptions): KurrentDbEventStore {
    return new KurrentDbEventStore(client, options);
  }

  /**
   * Appends with the hash chain computed here, client-side: the chain needs the stream's last event,
   * so the append always goes to the server with an EXACT revision (or no_stream). 'any' and
   * 'stream_exists' become the revision just read; if another writer got in between, the server
   * refuses and the append is chained again and retried (up to MAX_CHAIN_ATTEMPTS), which keeps the
   * caller's semantics. A caller's own exact revision or no_stream is never retried: the refusal is
   * theirs. Before a converted append, the stream's tail is searched for the ids (what the server's
   * idempotency does for 'any'), so a retried append is not written twice.
   */
  async appendToStream(streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const expected = options?.expectedRevision ?? 'any';
    toStreamState(expected); // validates
    if (events.length === 0) return this.appendNothing(streamId, expected);
    const prepared = events.map((event) => ({ event, chainable: prepareChainable(streamId, event.type, event.data, event.metadata ?? {}) }));
    const converted = expected === 'any' || expected === 'stream_exists';

    for (let attempt = 1; ; attempt++) {
      let base: RecordedEvent | undefined;
      if (converted) {
        const { found, last } = await this.findRecorded(streamId, events);
        const replay = this.replayOf(streamId, events, found);
        if (replay) return replay;
        if (!last && expected === 'stream_exists') throw new WrongExpectedRevisionError(streamId, expected, 'no_stream');
        base = last;
      } else if (typeof expected === 'bigint') {
        const [atExpected] = await this.readLast(streamId, expected, true);
        if (atExpected?.revision !== expected) {
          const actual = (await this.streamRevision(streamId)) ?? 'no_stream';
          return this.replayOrRefuse(streamId, events, new WrongExpectedRevisionError(streamId, expected, actual));
        }
        base = atExpected;
      }
      const streamState: AppendStreamState = base ? base.revision : NO_STREAM;
      let prevHash = base ? chainHashOf(base) : GENESIS_HASH;
      let revision = base ? base.revision : -1n;
      const data = prepared.map(({ event, chainable }) => {
        revision += 1n;
        const metadata = chainable.chain(revision, prevHash);
        prevHash = metadata.hash;
        return toEventData(event, metadata);
      });

      let result: ClientAppendResult;
      try {
        result = await this.client.appendToStream(streamId, data, { streamState });
      } catch (error) {
        const mapped = mapClientError(error, { op: 'append', streamId, expected });
        if (!(mapped instanceof WrongExpectedRevisionError)) throw mapped;
        if (converted && attempt < MAX_CHAIN_ATTEMPTS) continue; // lost a race: chain again from the new last event
        return this.replayOrRefuse(streamId, events, new WrongExpectedRevisionError(streamId, expected, mapped.actual));
      }
      if (!result.success) {
        // Only with throwOnAppendFailure=false in the connection string; the client's echo of the
        // current revision is unreliable on that path, so ask the stream.
        if (converted && attempt < MAX_CHAIN_ATTEMPTS) continue;
        const actual = (await this.streamRevision(streamId)) ?? 'no_stream';
        return this.replayOrRefuse(streamId, events, new WrongExpectedRevisionError(streamId, expected, actual));
      }
      // The append reply carries one position for the whole write; the port wants the position of the
      // last event exactly as readAll/subscribeToAll will report it, so read it back.
      const position =
        (await this.positionOfRevision(streamId, result.nextExpectedRevision)) ??
        (hasPosition(result.position) ? packPosition(result.position) : undefined);
      if (position === undefined) {
        throw new Error(`KurrentDB reported no position for the append to ${streamId}`);
      }
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    }
  }

  /**
   * Several streams in one write through the server's multi-stream append (KurrentDB 25.1 or
   * later; older servers refuse it and this throws). As in appendToStream, each stream is chained
   * here from its last event and sent with that exact revision; a lost race is chained again.
   * Caller expectations are checked against the streams just read, so a refusal names its stream.
   * A stream with no events in the call is only checked, not written: its check is not part of
   * the server's atomic write. A single stream goes through appendToStream.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    this.assertOpen();
    const seen = new Set<string>();
    for (const { streamId, expectedRevision = 'any' } of appends) {
      if (seen.has(streamId)) throw new TypeError(`Stream ${streamId} appears more than once in one append`);
      seen.add(streamId);
      toStreamState(expectedRevision); // validates
    }
    if (appends.length === 0) return [];
    if (appends.length === 1) {
      const [only] = appends;
      return [await this.appendToStream(only!.streamId, only!.events, { expectedRevision: only!.expectedRevision ?? 'any' })];
    }
    for (let attempt = 1; ; attempt++) {
      const tails = await Promise.all(appends.map(async (part) => ({ part, ...(await this.findRecorded(part.streamId, part.events)) })));
      const replays = tails.map(({ part, found }) => this.replayOf(part.streamId, part.events, found));
      const written = tails.filter(({ part }) => part.events.length > 0);
      if (written.length > 0 && tails.every(({ part }, i) => part.events.length === 0 || replays[i] !== undefined)) {
        return tails.map(({ part, last }, i) => replays[i] ?? currentResult(part.streamId, last));
      }
      const partly = tails.find(({ part }, i) => replays[i] !== undefined && part.events.length > 0);
      if (partly) throw new DuplicateEventIdError(partly.part.events[0]!.id, partly.part.streamId);
      for (const { part, last } of tails) {
        const expected = part.expectedRevision ?? 'any';
        if (!satisfies(expected, last?.revision)) throw new WrongExpectedRevisionError(part.streamId, expected, last?.revision ?? 'no_stream');
      }
      const requests = written.map(({ part, last }) => {
        let prevHash = last ? chainHashOf(last) : GENESIS_HASH;
        let revision = last ? last.revision : -1n;
        const events = part.events.map((event) => {
          revision += 1n;
          const metadata = prepareChainable(part.streamId, event.type, event.data, event.metadata ?? {}).chain(revision, prevHash);
          prevHash = metadata.hash;
          return toEventData(event, encodeMetadata(metadata));
        });
        const expectedState: AppendStreamState = last ? last.revision : NO_STREAM;
        return { streamName: part.streamId, expectedState, events, revision };
      });
      try {
        if (requests.length > 0) await this.client.multiStreamAppend(requests.map(({ streamName, expectedState, events }) => ({ streamName, expectedState, events })));
      } catch (error) {
        if (isUnimplemented(error)) {
          throw new Error('KurrentDB refused the multi-stream append: it needs KurrentDB 25.1 or later', { cause: error });
        }
        const mapped = mapClientError(error, { op: 'append' });
        if (mapped instanceof WrongExpectedRevisionError && attempt < MAX_CHAIN_ATTEMPTS) continue; // re-read: refuse or chain again
        throw mapped;
      }
      const results = new Map<string, AppendResult>();
      for (const { streamName, revision } of requests) {
        const position = await this.positionOfRevision(streamName, revision);
        if (position === undefined) throw new Error(`KurrentDB reported no position for the append to ${streamName}`);
        results.set(streamName, { nextExpectedRevision: revision, position });
      }
      return tails.map(({ part, last }) => results.get(part.streamId) ?? currentResult(part.streamId, last));
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const direction = options?.direction ?? 'forwards';
    const maxCount = options?.maxCount;
    assertCount('maxCount', maxCount);
    if (maxCount === 0) {
      if ((await this.streamRevision(streamId)) === undefined) throw streamNotFound(streamId);
      return [];
    }
    const fromRevision: ReadRevision = options?.fromRevision ?? (direction === 'backwards' ? END : CLIENT_START);
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision,
        direction: direction === 'backwards' ? BACKWARDS : FORWARDS,
        maxCount: maxCount === undefined || maxCount === Number.POSITIVE_INFINITY ? Number.MAX_SAFE_INTEGER : maxCount,
        resolveLinkTos: false,
      })) {
        events.push(toRecordedEvent(resolved));
      }
    } catch (error) {
      throw mapClientError(error, { op: 'read', streamId });
    }
    return events;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options?.maxCount ?? Number.POSITIVE_INFINITY;
    assertCount('maxCount', limit);
    let cursor = options?.fromPosition ?? START;
    if (cursor < START) throw new RangeError(`fromPosition must not be negative, got ${cursor}`);
    const events: RecordedEvent[] = [];
    if (limit === 0) return events;
    try {
      for (;;) {
        // +1: the server's read is inclusive, so the first record may be the one at `cursor`.
        const want = Math.max(2, Math.min(this.readPageSize, limit - events.length + 1));
        let received = 0;
        let advanced = false;
        for await (const resolved of this.client.readAll({
          fromPosition: toClientReadPosition(cursor),
          direction: FORWARDS,
          maxCount: want,
          resolveLinkTos: false,
        })) {
          received += 1;
          const position = this.requirePosition(resolved);
          if (position <= cursor) continue; // exclusive fromPosition
          cursor = position;
          advanced = true;
          const event = toUserRecordedEvent(resolved);
          if (event) {
            events.push(event);
            if (events.length >= limit) return events;
          }
        }
        // System events are skipped here rather than by a server filter: an unfiltered page has
        // exactly `want` records unless the log ends, which makes this test exact.
        if (received < want || !advanced) return events;
      }
    } catch (error) {
      throw mapClientError(error, { op: 'other' });
    }
  }

  subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    this.assertOpen();
    const subscription = new KurrentDbSubscription(
      (clientOptions) => this.client.subscribeToAll(clientOptions),
      { fromPosition: options?.fromPosition, filter: options?.filter },
      this.subscriptionSettings,
      (ended) => this.subscriptions.delete(ended),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(streamId: string): Promise<bigint | undefined> {
    this.assertOpen();
    const [last] = await this.readLast(streamId, END);
    return last?.revision;
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    try {
      const fast = await this.newestUserEventFiltered();
      if (fast !== undefined) return fast;
      // Nothing (an empty log, or only system events), or the filter did not do its job: scan back exactly.
      let from: ReadPosition = END;
      let oldest: Position | undefined;
      for (;;) {
        const want = this.readPageSize;
        let received = 0;
        let advanced = false;
        for await (const resolved of this.client.readAll({
          fromPosition: from,
          direction: BACKWARDS,
          maxCount: want,
          resolveLinkTos: false,
        })) {
          received += 1;
          const position = this.requirePosition(resolved);
          if (oldest !== undefined && position >= oldest) continue; // the read may include its starting point
          oldest = position;
          advanced = true;
          if (resolved.event && !isSystemEvent(resolved.event)) return position;
        }
        if (received < want || !advanced || oldest === undefined) return START;
        from = unpackPosition(oldest);
      }
    } catch (error) {
      throw mapClientError(error, { op: 'other' });
    }
  }

  /**
   * One backwards read with the server skipping system event types: the newest user event's
   * position, or undefined when that read found none (or failed for a reason other than the
   * connection, e.g. a server that refuses filtered backwards reads).
   */
  private async newestUserEventFiltered(): Promise<Position | undefined> {
    try {
      for await (const resolved of this.client.readAll({
        fromPosition: END,
        direction: BACKWARDS,
        maxCount: 1,
        filter: excludeSystemEvents(),
        resolveLinkTos: false,
      })) {
        const position = positionOf(resolved);
        if (resolved.event && !isSystemEvent(resolved.event) && position !== undefined) return position;
      }
    } catch (error) {
      if (isTransientError(error)) throw error;
    }
    return undefined;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    const probe = (async () => {
      for await (const _ of this.client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 })) {
        break;
      }
    })();
    try {
      await withTimeout(
        probe,
        this.pingTimeoutMs,
        () => new EventStoreUnavailableError(`KurrentDB did not answer within ${this.pingTimeoutMs} ms`),
      );
    } catch (error) {
      const mapped = mapClientError(error, { op: 'other' });
      if (mapped instanceof EventStoreUnavailableError) throw mapped;
      const message = error instanceof Error ? error.message : String(error);
      throw new EventStoreUnavailableError(`KurrentDB ping failed: ${message}`, { cause: error });
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
      await this.client.dispose();
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closing) throw new EventStoreUnavailableError('The KurrentDB event store is closed');
  }

  private requirePosition(resolved: AllStreamResolvedEvent): Position {
    const position = positionOf(resolved);
    if (position === undefined) {
      throw new Error(`KurrentDB returned a $all record without a position (event ${resolved.event?.id ?? '?'})`);
    }
    return position;
  }

  /** The last event of the stream at or before `from`, or nothing when the stream does not exist. */
  private async readLast(streamId: string, from: ReadRevision, requiresLeader = false): Promise<RecordedEvent[]> {
    try {
      const events: RecordedEvent[] = [];
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: from,
        direction: BACKWARDS,
        maxCount: 1,
        resolveLinkTos: false,
        requiresLeader,
      })) {
        events.push(toRecordedEvent(resolved));
      }
      return events;
    } catch (error) {
      const mapped = mapClientError(error, { op: 'read', streamId });
      if (mapped instanceof StreamNotFoundError) return [];
      throw mapped;
    }
  }

  private async positionOfRevision(streamId: string, revision: bigint): Promise<Position | undefined> {
    if (revision < 0n) return undefined;
    try {
      // From the leader, which acknowledged the append: a follower may not have it yet.
      const [event] = await this.readLast(streamId, revision, true);
      return event?.revision === revision ? event.position : undefined;
    } catch {
      return undefined; // e.g. no position on stream reads (server < 22.6): fall back to the append reply
    }
  }

  /**
   * A refused append may be the retry of one that committed (its writer never saw the answer). The
   * server accepts such a retry itself when it can tell (same ids at the expected revision, or in
   * its recent-id cache for 'any'); it refuses with "wrong expected version" when only part of the
   * ids match ("corrupted idempotency") or when the retry carries another expected revision. As the
   * SQLite adapter does, look for the ids among the stream's last IDEMPOTENCY_SCAN_LIMIT events:
   * all of them, consecutive and in order → the original result; some of them → DuplicateEventIdError;
   * none → the refusal stands.
   */
  private async replayOrRefuse(
    streamId: string,
    events: readonly EventToAppend[],
    refusal: WrongExpectedRevisionError,
  ): Promise<AppendResult> {
    const { found } = await this.findRecorded(streamId, events);
    const replay = this.replayOf(streamId, events, found);
    if (replay) return replay;
    throw refusal;
  }

  /** Looks for the events' ids among the stream's last IDEMPOTENCY_SCAN_LIMIT events; also gives the last event. */
  private async findRecorded(
    streamId: string,
    events: readonly EventToAppend[],
  ): Promise<{ found: Map<string, RecordedEvent>; last: RecordedEvent | undefined }> {
    const wanted = new Set(events.map((event) => event.id));
    const found = new Map<string, RecordedEvent>();
    let last: RecordedEvent | undefined;
    let from: bigint | undefined;
    let scanned = 0;
    try {
      while (scanned < IDEMPOTENCY_SCAN_LIMIT && found.size < wanted.size) {
        const page: RecordedEvent[] = [];
        for await (const resolved of this.client.readStream(streamId, {
          fromRevision: from ?? END,
          direction: BACKWARDS,
          maxCount: Math.min(this.readPageSize, IDEMPOTENCY_SCAN_LIMIT - scanned),
          resolveLinkTos: false,
          requiresLeader: true,
        })) {
          page.push(toRecordedEvent(resolved));
        }
        last ??= page[0];
        for (const event of page) {
          if (wanted.has(event.id)) found.set(event.id, event);
        }
        scanned += page.length;
        const oldest = page[page.length - 1];
        if (!oldest || oldest.revision === 0n) break;
        from = oldest.revision - 1n;
      }
    } catch (error) {
      const mapped = mapClientError(error, { op: 'read', streamId });
      if (!(mapped instanceof StreamNotFoundError)) throw mapped;
    }
    return { found, last };
  }

  /**
   * All the ids found, consecutive and in order → the original result; some of them →
   * DuplicateEventIdError; none → undefined.
   */
  private replayOf(streamId: string, events: readonly EventToAppend[], found: Map<string, RecordedEvent>): AppendResult | undefined {
    if (found.size === 0) return undefined;
    const rows = events.map((event) => found.get(event.id));
    const first = rows[0];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!row || !first || row.revision !== first.revision + BigInt(i)) {
        const culprit = row ? events[i]! : events[rows.findIndex((r) => r !== undefined)]!;
        throw new DuplicateEventIdError(culprit.id, streamId);
      }
    }
    const last = rows[rows.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  /** An empty append writes nothing; it still checks the expected revision, as the server does. */
  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readLast(streamId, END);
    const current = last?.revision;
    if (!satisfies(expected, current)) {
      throw new WrongExpectedRevisionError(streamId, expected, current ?? 'no_stream');
    }
    return last ? { nextExpectedRevision: last.revision, position: last.position } : { nextExpectedRevision: -1n, position: START };
  }
}

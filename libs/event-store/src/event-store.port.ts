/**
 * The event store port. Semantics follow EventStoreDB / KurrentDB so that the embedded SQLite
 * adapter and the production adapter are interchangeable behind one contract test suite.
 */

/** Where the next append must find the stream. A bigint is the exact revision of the last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/**
 * A position in the global log ($all). Totally ordered; an event's position is unique.
 * SQLite uses 1, 2, 3, ... without gaps. KurrentDB's (commit, prepare) pair is packed
 * as `commit << 64n | prepare`, which preserves the server's ordering exactly.
 */
export type Position = bigint;

/** The global log's beginning: every position is after it. */
export const START: Position = 0n;

export interface EventToAppend {
  /** A UUID chosen by the writer; appending the same id again is idempotent. */
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface RecordedEvent<Data = unknown, Metadata = Record<string, unknown>> {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  /** 0-based revision of the event within its stream. */
  readonly revision: bigint;
  readonly position: Position;
  readonly data: Data;
  readonly metadata: Metadata;
  /** When the store recorded it (ISO 8601). The domain's own time is metadata.occurredAt. */
  readonly recordedAt: string;
}

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the stream's last event after the append. */
  readonly nextExpectedRevision: bigint;
  /** The position of the last event appended (or already present, for an idempotent re-append). */
  readonly position: Position;
}

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  /** Checked for this stream alone, as in appendToStream. Defaults to 'any'. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface ReadStreamOptions {
  /** Inclusive. Defaults to the first event (forwards) or the last (backwards). */
  readonly fromRevision?: bigint;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Defaults to START. */
  readonly fromPosition?: Position;
  readonly maxCount?: number;
}

export interface SubscriptionFilter {
  /** Only events whose type is listed. */
  readonly eventTypes?: readonly string[];
  /** Only events whose stream id starts with one of these prefixes. */
  readonly streamPrefixes?: readonly string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive: the checkpoint already processed. Defaults to START. */
  readonly fromPosition?: Position;
  readonly filter?: SubscriptionFilter;
}

/** Catch-up, then live. Iterate it with `for await`; `unsubscribe()` or `break` ends it. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  unsubscribe(): Promise<void>;
  /**
   * Whether the next event may be at hand: false only when every event this process knows to be
   * in the log has been handed out. A consumer that batches hands its batch over at once then,
   * instead of waiting a turn of the event loop to see that nothing more comes. Optional: an
   * adapter that cannot tell leaves it out.
   */
  ready?(): boolean;
}

export interface EventStore {
  /** Atomic: all events of one call are appended, or none. */
  appendToStream(streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several streams as one: every stream's expected revision is checked and either all
   * events of all streams are recorded, or none (the first refusal is thrown, e.g.
   * WrongExpectedRevisionError naming the stream that did not match). Each stream keeps its own
   * revisions and hash chain; the events take positions in the global log in the order given.
   * A stream may appear only once per call (TypeError otherwise).
   * Idempotent like appendToStream: a retry whose every event id is already recorded, in the same
   * streams and order, writes nothing and returns the original results. Results are in call order.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of every stream in global order, system events excluded. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  /** The revision of the stream's last event, or undefined when the stream does not exist. */
  streamRevision(streamId: string): Promise<bigint | undefined>;
  /** The position of the newest event in the log (START when empty). */
  headPosition(): Promise<Position>;
  /** Resolves when the store answers; rejects otherwise. Used by readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Injection token for the EventStore port. */
export const EVENT_STORE = Symbol.for('kom.EventStore');

export function matchesFilter(
  event: Pick<RecordedEvent, 'type' | 'streamId'>,
  filter: SubscriptionFilter | undefined,
): boolean {
  if (!filter) return true;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  return true;
}

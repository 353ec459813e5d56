import type { EventToAppend, ExpectedRevision, RecordedEvent } from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';
import { prepareChainable, type ChainableEvent } from '../hash-chain';

/** The columns every read selects, in this order; rows are read raw (arrays) because objects cost more. */
export const EVENT_COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, recorded_at';
export type EventRow = [
  position: bigint,
  eventId: string,
  streamId: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];

/** An event ready for the write transaction: validated and serialised before it queues. */
export interface SerializedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  /** The metadata, chained (prevHash, hash) inside the write transaction, once the revision is known. */
  readonly chainable: ChainableEvent;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Serialising at the call, not in the batch, means a payload that JSON cannot hold (a bigint, a
 * cycle) fails only its own caller, and the caller may mutate its objects once the call returns.
 * Ids must be UUIDs and are compared lower-case, as EventStoreDB does, so code that works here
 * does not break on the production store.
 */
export function serializeEvents(streamId: string, events: readonly EventToAppend[]): SerializedEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('streamId must be a non-empty string');
  if (!Array.isArray(events)) throw new TypeError('events must be an array');
  return events.map((event) => {
    if (typeof event.id !== 'string' || !UUID.test(event.id)) throw new TypeError(`Event id ${String(event.id)} is not a UUID`);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError('Event type must be a non-empty string');
    return {
      id: event.id.toLowerCase(),
      type: event.type,
      data: JSON.stringify(event.data ?? null),
      chainable: prepareChainable(streamId, event.type, event.data, event.metadata ?? {}),
    };
  });
}

export function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (typeof expected === 'bigint' || expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  // A number here is the classic slip (0 instead of 0n); failing loudly beats never matching.
  throw new TypeError(
    `expectedRevision must be 'any', 'no_stream', 'stream_exists' or a bigint, got ${typeof expected} ${String(expected)}`,
  );
}

export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: bigint | undefined): void {
  const matches =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected);
  if (!matches) throw new WrongExpectedRevisionError(streamId, expected, current ?? 'no_stream');
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row[1],
    type: row[4],
    streamId: row[2],
    revision: row[3],
    position: row[0],
    data: JSON.parse(row[5]) as unknown,
    metadata: JSON.parse(row[6]) as Record<string, unknown>,
    recordedAt: row[7],
  };
}

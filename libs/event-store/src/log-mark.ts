import { StreamNotFoundError } from './errors';
import type { EventStore, Position, RecordedEvent } from './event-store.port';
import { storedHash } from './hash-chain';

/**
 * Which event a checkpoint stands on: enough to tell, on the next start, whether the log still
 * has that very event there (a restored older log, a replaced one) rather than trusting a number.
 */
export interface LogMark {
  readonly position: Position;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: bigint;
  /** The event's chain hash; null for an event recorded before the chain existed. */
  readonly hash: string | null;
}

export function markOf(event: RecordedEvent): LogMark {
  return { position: event.position, eventId: event.id, streamId: event.streamId, revision: event.revision, hash: storedHash(event.metadata) ?? null };
}

/** Undefined when the log still holds the marked event at its position; otherwise what differs. */
export async function logMarkProblem(store: EventStore, mark: LogMark): Promise<string | undefined> {
  const head = await store.headPosition();
  if (mark.position > head) return `the checkpoint is at position ${mark.position}, beyond the log's head ${head}`;
  let event: RecordedEvent | undefined;
  try {
    [event] = await store.readStream(mark.streamId, { fromRevision: mark.revision, maxCount: 1 });
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  const at = `the checkpoint's event ${mark.eventId} (${mark.streamId}@${mark.revision}, position ${mark.position})`;
  if (!event || event.revision !== mark.revision) return `${at} is not in the log`;
  if (event.id !== mark.eventId) return `${at} is another event in the log (${event.id})`;
  if (event.position !== mark.position) return `${at} is at position ${event.position} in the log`;
  if ((storedHash(event.metadata) ?? null) !== mark.hash) return `${at} has another hash in the log`;
  return undefined;
}

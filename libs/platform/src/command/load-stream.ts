import { fold, type Decider, type DomainCommand, type DomainEvent } from '@kom/kernel';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@kom/event-store';

export interface LoadStreamOptions {
  /** Only the events up to and including this revision: the stream as one of its events left it (a reactor). */
  readonly upTo?: bigint;
  /** Only the events that happened up to and including this instant (metadata.occurredAt): time travel. */
  readonly asOf?: Date;
}

export interface LoadedStream<S> {
  readonly state: S;
  /** The revision of the last event folded; undefined when none was (no stream, or none yet then). */
  readonly revision: bigint | undefined;
}

/** When an event happened: the command path's clock (metadata.occurredAt), else when it was recorded. */
const occurredAt = (r: RecordedEvent) => Date.parse(String((r.metadata as { occurredAt?: string }).occurredAt ?? r.recordedAt));

/**
 * The one way to fold an aggregate's stream: all of it (the command path), up to a revision, or as
 * it stood at an instant. A stream that does not exist gives the decider's initial state.
 */
export async function loadStream<E extends DomainEvent, S>(
  store: EventStore,
  decider: Pick<Decider<DomainCommand, E, S>, 'evolve' | 'initialState'>,
  streamId: string,
  options: LoadStreamOptions = {},
): Promise<LoadedStream<S>> {
  const { upTo, asOf } = options;
  if (upTo !== undefined && upTo < 0n) return { state: decider.initialState, revision: undefined };
  let recorded: RecordedEvent[];
  try {
    recorded = await store.readStream(streamId, upTo === undefined ? undefined : { maxCount: Number(upTo) + 1 });
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { state: decider.initialState, revision: undefined };
    throw error;
  }
  const limit = asOf?.getTime();
  const events = recorded.filter((r) => (upTo === undefined || r.revision <= upTo) && (limit === undefined || occurredAt(r) <= limit));
  return {
    state: fold(decider, events.map((r) => ({ type: r.type, data: r.data }) as E)),
    revision: events.length ? events[events.length - 1]!.revision : undefined,
  };
}

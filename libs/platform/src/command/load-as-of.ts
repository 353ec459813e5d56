import { fold, type Decider, type DomainCommand, type DomainEvent } from '@kom/kernel';
import { StreamNotFoundError, type EventStore } from '@kom/event-store';

/**
 * The aggregate as it stood at an instant: its own events up to and including `asOf`, by the
 * time they happened (metadata.occurredAt). Undefined when the stream did not exist yet.
 */
export async function loadAsOf<E extends DomainEvent, S>(
  store: EventStore,
  decider: Pick<Decider<DomainCommand, E, S>, 'evolve' | 'initialState'>,
  streamId: string,
  asOf: Date,
): Promise<{ state: S; revision: bigint } | undefined> {
  let recorded;
  try {
    recorded = await store.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  const limit = asOf.getTime();
  const upTo = recorded.filter((r) => Date.parse(String((r.metadata as { occurredAt?: string }).occurredAt ?? r.recordedAt)) <= limit);
  if (upTo.length === 0) return undefined;
  return {
    state: fold(decider, upTo.map((r) => ({ type: r.type, data: r.data }) as E)),
    revision: upTo[upTo.length - 1].revision,
  };
}

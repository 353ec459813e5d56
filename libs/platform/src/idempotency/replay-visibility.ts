import type { EventStore } from '@kom/event-store';
import { awaitVisible } from '../command/recorded-not-visible';
import type { ProjectionsService } from '../nest/projections.service';
import type { ReplayVisibility } from './idempotent-mutations';

/**
 * This replica's read models at the log's head as it is now: the replayed write is at or before it,
 * wherever it was written. When they do not get there in time, the answer is RecordedNotVisible for
 * the whole log (`$all`) at that head, as a write of this replica's own would be answered.
 */
export function replayVisibility(store: EventStore, projections: ProjectionsService): ReplayVisibility {
  return async () => {
    const head = await store.headPosition();
    if (head <= 0n) return;
    await awaitVisible({ streamId: '$all', position: head }, projections.waitFor(head), () => projections.lagging(head));
  };
}

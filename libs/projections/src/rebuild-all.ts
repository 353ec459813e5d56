import type { EventStore, RecordedEvent } from '@kom/event-store';
import type { Projection } from './projection';
import type { ProjectionLogger } from './projection-runner';
import { ProjectionSet } from './projection-set';
import type { ReadModelDatabase } from './read-model-database';

export interface RebuildOptions {
  /**
   * Events per readAll page and per transaction. Default 1000: on a 1M-event log this measured
   * ~25% faster than 5000 because a page's events then die young in V8's scavenger instead of
   * being promoted to the old generation; commits stay cheap (WAL, synchronous = NORMAL).
   */
  readonly batchSize?: number;
  /**
   * Events per transaction, whole pages: default 5000. A commit writes every page the projections
   * dirtied; fewer commits write the hot pages (index roots, the newest rows) fewer times, for about
   * 5% less CPU than a commit per page of 1000 (docs/benchmarks.md, G4).
   */
  readonly eventsPerTransaction?: number;
  readonly logger?: ProjectionLogger;
  /** Inclusive: stop after the event at this position (the read models as they stood then). */
  readonly untilPosition?: bigint;
  /** Called after each commit. */
  readonly onProgress?: (progress: { events: number; position: bigint }) => void;
}

/**
 * Drops the projections' tables, re-creates them and replays the log from position 0 (to its end,
 * or to `untilPosition`) into `readModels`, one transaction per `eventsPerTransaction` events
 * (read-model writes + checkpoints together), then creates the projections' query indexes. Returns
 * when the log has been read to its end; the checkpoints then let a ProjectionRunner continue live.
 * Used by the CLI `replay` command and the rebuild benchmark. Do not run it while a
 * ProjectionRunner feeds the same database.
 */
export async function rebuildAll(
  store: EventStore,
  readModels: ReadModelDatabase,
  projections: readonly Projection[],
  options: RebuildOptions = {},
): Promise<{ events: number }> {
  const maxCount = options.batchSize ?? 1000;
  if (!Number.isInteger(maxCount) || maxCount < 1) throw new Error('batchSize must be a positive integer');
  const perTransaction = options.eventsPerTransaction ?? 5000;
  if (!Number.isInteger(perTransaction) || perTransaction < 1) throw new Error('eventsPerTransaction must be a positive integer');
  const set = new ProjectionSet(readModels.db, projections);
  // Query indexes after the last event: building an index from a full table is one sort, much
  // cheaper than an entry per row inserted (the audit trail's six, docs/benchmarks.md, G4).
  set.initialise({ rebuild: true, deferQueryIndexes: true });
  options.logger?.log('Rebuilding read models', { projections: projections.map((p) => p.name) });
  const db = readModels.db;
  let uncommitted = 0;
  let events = 0;
  let position = 0n;
  const commit = () => {
    db.exec('COMMIT');
    uncommitted = 0;
    options.onProgress?.({ events, position });
  };
  let next: Promise<RecordedEvent[]> | undefined = store.readAll({ fromPosition: position, maxCount });
  try {
    while (next !== undefined) {
      let page: RecordedEvent[] = await next;
      const until = options.untilPosition;
      const more = page.length >= maxCount && (until === undefined || page[page.length - 1]!.position < until);
      if (until !== undefined) page = page.filter((event) => event.position <= until);
      if (page.length === 0) break;
      position = page[page.length - 1]!.position;
      // Ask for the next page before applying this one: an adapter that reads asynchronously
      // (KurrentDB over the network) overlaps its I/O with our SQLite writes.
      next = more ? store.readAll({ fromPosition: position, maxCount }) : undefined;
      next?.catch(() => undefined); // awaited in the next iteration
      // Pages share a transaction (each page a savepoint of it: commitBatch nests). It spans the
      // awaits between pages, one more reason nothing else may write to these read models meanwhile.
      if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
      set.commitBatch(page);
      uncommitted += page.length;
      events += page.length;
      if (uncommitted >= perTransaction || next === undefined) commit();
    }
    if (db.inTransaction) commit();
  } catch (error) {
    // Nothing of the open transaction is kept; what was committed before stays, with its checkpoints.
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  set.createQueryIndexes();
  options.logger?.log('Read models rebuilt', { events, position: String(position) });
  return { events };
}

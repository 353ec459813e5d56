import type { EventStore, RecordedEvent } from '@kom/event-store';
import { CHECKPOINT_TABLE, ReadModelDatabase, rebuildAll, type Projection } from '@kom/projections';

/** The event at a position: what every document built at it is stamped with. */
export interface PositionFacts {
  readonly position: bigint;
  readonly eventHash: string | null;
  readonly recordedAt: string;
}

export class PositionNotInLogError extends Error {
  override readonly name = 'PositionNotInLogError';
}

/**
 * The read models as they stood at one log position: every projection the documents read,
 * rebuilt from the log up to that position into a private in-memory database. A pure function of the log prefix, so two snapshots at one
 * position hold the same rows whatever the live read models have done since.
 */
export class LogSnapshot {
  private constructor(
    readonly readModels: ReadModelDatabase,
    readonly facts: PositionFacts,
  ) {}

  static async at(store: EventStore, position: bigint, projections: readonly Projection[]): Promise<LogSnapshot> {
    if (position < 1n) throw new PositionNotInLogError('a document needs a log position of 1 or more');
    const head = await store.headPosition();
    if (position > head) throw new PositionNotInLogError(`position ${position} is beyond the log's head (${head})`);
    const [event] = await store.readAll({ fromPosition: position - 1n, maxCount: 1 });
    if (!event || event.position !== position) throw new PositionNotInLogError(`the log has no event at position ${position}`);
    const readModels = ReadModelDatabase.open(':memory:');
    try {
      await rebuildAll(store, readModels, projections, { untilPosition: position, batchSize: 2000 });
      return new LogSnapshot(readModels, factsOf(event));
    } catch (error) {
      readModels.close();
      throw error;
    }
  }

  /**
   * The live read models of this process, in one read transaction: the position is the one every
   * projection's checkpoint has reached. Undefined when they disagree (a projection is catching up)
   * or when `position` is asked for and the read models are elsewhere; the caller then replays.
   */
  static async live(store: EventStore, readModelsFile: string, position?: bigint): Promise<LogSnapshot | undefined> {
    const readModels = ReadModelDatabase.openReadOnly(readModelsFile);
    try {
      readModels.db.exec('BEGIN');
      const range = readModels.db.prepare(`SELECT MIN(position) AS low, MAX(position) AS high FROM ${CHECKPOINT_TABLE}`).get() as
        | { low: string | null; high: string | null }
        | undefined;
      const at = range?.low != null && range.low === range.high ? BigInt(range.low) : undefined;
      if (at === undefined || at < 1n || (position !== undefined && at !== position)) {
        readModels.close();
        return undefined;
      }
      const [event] = await store.readAll({ fromPosition: at - 1n, maxCount: 1 });
      if (!event || event.position !== at) {
        readModels.close();
        return undefined;
      }
      return new LogSnapshot(readModels, factsOf(event));
    } catch (error) {
      readModels.close();
      throw error;
    }
  }

  close(): void {
    this.readModels.close();
  }
}

function factsOf(event: RecordedEvent): PositionFacts {
  const hash = event.metadata.hash;
  const occurredAt = event.metadata.occurredAt;
  return {
    position: event.position,
    eventHash: typeof hash === 'string' ? hash : null,
    recordedAt: typeof occurredAt === 'string' ? occurredAt : event.recordedAt,
  };
}

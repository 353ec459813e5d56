import type { EventStore, Position, RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, prepareChainable } from '../hash-chain';

/**
 * A store that can take in events copied from another log as they were recorded (kom
 * migrate-store): same ids, streams, revisions, types, data, metadata with its hash chain, and
 * recorded times. The SQLite and PostgreSQL stores can; KurrentDB assigns its own recorded times,
 * so a copy there goes through appendToStream instead.
 */
export interface LogImport {
  /**
   * Appends `events` in the order given, as one transaction: all or nothing. Each must be the next
   * revision of its stream in this log, its id unknown here, and its chain hash (recomputed against
   * this log's predecessor) equal to the one it carries; otherwise ImportRefused. Returns the head.
   */
  importRecorded(events: readonly RecordedEvent[]): Promise<Position>;
}

export function supportsImport(store: EventStore): store is EventStore & LogImport {
  return typeof (store as Partial<LogImport>).importRecorded === 'function';
}

/** An import that would not reproduce the source log: nothing of it was written. */
export class ImportRefused extends Error {
  override readonly name = 'ImportRefused';
  constructor(
    readonly eventId: string,
    readonly streamId: string,
    reason: string,
  ) {
    super(`Event ${eventId} of ${streamId} cannot be imported: ${reason}`);
  }
}

/** The log as the importing transaction finds it, for the streams and ids of the batch. */
export interface ImportView {
  /** Each stream's last revision and the hash its next event chains to. */
  readonly streams: ReadonlyMap<string, { readonly revision: bigint; readonly hash: string }>;
  readonly knownIds: ReadonlySet<string>;
}

export interface ImportRow {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  /** JSON text, as the appending path writes it. */
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
}

export interface ImportPlan {
  readonly rows: ImportRow[];
  /** Each stream's last revision after the import. */
  readonly streams: Map<string, bigint>;
}

/**
 * Checks a batch of copied events against the log and renders the rows to write, without I/O.
 * The chain is recomputed with the same code that appends, so an event is written only when this
 * log would have given it the very hash it carries: a copy cannot silently change history.
 */
export function planImport(events: readonly RecordedEvent[], view: ImportView): ImportPlan {
  const heads = new Map<string, { revision: bigint; hash: string }>(view.streams);
  const seen = new Set<string>();
  const rows: ImportRow[] = [];
  const streams = new Map<string, bigint>();
  for (const event of events) {
    const id = event.id.toLowerCase();
    if (view.knownIds.has(id) || seen.has(id)) throw new ImportRefused(event.id, event.streamId, 'its id is already recorded');
    seen.add(id);
    const head = heads.get(event.streamId);
    const next = head ? head.revision + 1n : 0n;
    if (event.revision !== next) {
      throw new ImportRefused(event.id, event.streamId, `it is revision ${event.revision}, the stream here expects ${next}`);
    }
    const chained = prepareChainable(event.streamId, event.type, event.data, event.metadata).chain(next, head?.hash ?? GENESIS_HASH);
    if (chained.prevHash !== event.metadata.prevHash || chained.hash !== event.metadata.hash) {
      throw new ImportRefused(event.id, event.streamId, 'its hash chain does not continue this log’s (a broken or altered source?)');
    }
    if (Number.isNaN(Date.parse(event.recordedAt))) throw new ImportRefused(event.id, event.streamId, `recordedAt ${event.recordedAt} is not a time`);
    rows.push({
      eventId: id,
      streamId: event.streamId,
      revision: next,
      type: event.type,
      data: JSON.stringify(event.data ?? null),
      metadata: JSON.stringify(chained),
      recordedAt: new Date(event.recordedAt).toISOString(),
    });
    heads.set(event.streamId, { revision: next, hash: chained.hash });
    streams.set(event.streamId, next);
  }
  return { rows, streams };
}

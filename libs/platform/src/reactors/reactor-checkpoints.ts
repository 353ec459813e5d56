import type { Database } from 'better-sqlite3';
import type { LogMark } from '@kom/event-store';
import { addMarkColumns, markFromRow, prepared, type MarkColumns } from '@kom/projections';

export const REACTOR_CHECKPOINT_TABLE = 'reactor_checkpoints';

/** A reactor's stored checkpoint: the position, and the event it stands on when recorded. */
export interface ReactorCheckpoint {
  readonly position: bigint;
  readonly mark: LogMark | undefined;
}

/**
 * Reactor checkpoints in the read-model database: the last global position a reactor has
 * finished with, and which event that was (so a start can tell whether the log still has it).
 * Not dropped by projection rebuilds; losing it only makes the reactor run again over the log,
 * which appends nothing twice.
 */
export class ReactorCheckpoints {
  constructor(private readonly db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${REACTOR_CHECKPOINT_TABLE} (
      name TEXT PRIMARY KEY,
      position TEXT NOT NULL -- decimal text: KurrentDB positions exceed 2^63
    )`);
    addMarkColumns(db, REACTOR_CHECKPOINT_TABLE);
  }

  read(name: string): ReactorCheckpoint {
    const row = prepared(this.db, `SELECT position, event_id, stream_id, revision, hash FROM ${REACTOR_CHECKPOINT_TABLE} WHERE name = ?`).get(name) as
      | ({ position: string } & MarkColumns)
      | undefined;
    if (!row) return { position: 0n, mark: undefined };
    const position = BigInt(row.position);
    return { position, mark: markFromRow(position, row) };
  }

  write(name: string, mark: LogMark | undefined): void {
    prepared(
      this.db,
      `INSERT INTO ${REACTOR_CHECKPOINT_TABLE} (name, position, event_id, stream_id, revision, hash) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, event_id = excluded.event_id,
         stream_id = excluded.stream_id, revision = excluded.revision, hash = excluded.hash`,
    ).run(name, String(mark?.position ?? 0n), mark?.eventId ?? null, mark?.streamId ?? null, mark === undefined ? null : String(mark.revision), mark?.hash ?? null);
  }
}

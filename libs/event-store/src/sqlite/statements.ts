import type Database from 'better-sqlite3';
import { EVENT_COLUMNS, type EventRow } from './codec';

/** Every statement the store runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    streamRevision: db.prepare<[string], bigint>('SELECT revision FROM streams WHERE stream_id = ?').pluck(),
    setStreamRevision: db.prepare<[string, bigint]>(
      'INSERT INTO streams (stream_id, revision) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision',
    ),
    insertEvent: db.prepare<[string, string, bigint, string, string, string, string]>(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    eventById: db
      .prepare<[string], [streamId: string, revision: bigint, position: bigint]>(
        'SELECT stream_id, revision, position FROM events WHERE event_id = ?',
      )
      .raw(),
    // The predecessor's hash for the chain: read in the append's own savepoint, so appends to one
    // stream within a batch chain to each other.
    hashAt: db
      .prepare<[string, bigint], string | null>("SELECT json_extract(metadata, '$.hash') FROM events WHERE stream_id = ? AND revision = ?")
      .pluck(),
    eventAt: db
      .prepare<[string, bigint], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision = ?`)
      .raw(),
    positionAt: db.prepare<[string, bigint], bigint>('SELECT position FROM events WHERE stream_id = ? AND revision = ?').pluck(),
    readForwards: db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(),
    readBackwards: db
      .prepare<[string, bigint, number], EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(),
    readAll: db
      .prepare<[bigint, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
      .raw(),
    // MAX over the rowid is answered from the end of the b-tree, not by a scan.
    head: db.prepare<[], bigint | null>('SELECT MAX(position) FROM events').pluck(),
    ping: db.prepare<[], bigint>('SELECT 1').pluck(),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';

/**
 * A read model fed from the global log. The runner calls `apply` inside the transaction that also
 * advances the projection's checkpoint, so `apply` must only write to the read-model database it is
 * given (no I/O elsewhere, no awaits) and only to its own tables.
 */
export interface Projection {
  /** Unique among the projections of one read-model database; [a-z0-9_-]. */
  readonly name: string;
  /** A changed version rebuilds this projection from position 0 on start. */
  readonly version: number;
  /**
   * Event types it reacts to; other events only advance its checkpoint. '*': every event, whatever
   * its type (the audit trail and the audit notary's Merkle leaves).
   */
  readonly handles: readonly string[] | '*';
  /** The tables it owns: dropped before a rebuild. */
  readonly tables: readonly string[];
  /** CREATE TABLE IF NOT EXISTS ... (idempotent). */
  setup(db: Database): void;
  /** Prepared statements only; never reads other projections' tables. */
  apply(db: Database, event: RecordedEvent): void;
}

/**
 * Caches what `prepare` builds (typically an object of prepared statements) per database
 * connection, so `apply` does not re-prepare SQL for every event:
 *
 *   const statements = preparedStatements((db) => ({ upsert: db.prepare('INSERT ...') }));
 *   apply(db, event) { statements(db).upsert.run(...) }
 *
 * SQLite re-prepares a statement by itself when the schema changes (a rebuild drops and re-creates
 * the tables), so cached statements stay valid across rebuilds.
 */
export function preparedStatements<T>(prepare: (db: Database) => T): (db: Database) => T {
  const cache = new WeakMap<Database, T>();
  return (db) => {
    let statements = cache.get(db);
    if (statements === undefined) {
      statements = prepare(db);
      cache.set(db, statements);
    }
    return statements;
  };
}

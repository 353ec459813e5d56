import type { Database, Statement } from 'better-sqlite3';
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
  /**
   * `CREATE INDEX IF NOT EXISTS ...` statements for indexes that serve queries only: `apply` never
   * reads through them. They are created right after `setup`, except when the projection starts
   * from position 0 (rebuildAll; a runner on new or reset tables), which creates them once it has
   * caught up: one sorted pass per index instead of an entry per row. An index `apply` reads
   * through belongs in `setup`.
   */
  readonly queryIndexes?: readonly string[];
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

const STATEMENTS_PER_DATABASE = 500;
const statementsByDatabase = new WeakMap<Database, Map<string, Statement>>();

/**
 * The statement of this SQL on this connection, prepared on first use and then reused: for read
 * queries, whose SQL may be put together per call from the filters given (one statement per distinct
 * text). At most 500 per connection, the least recently used dropped. Use the statement at once
 * (`get`, `all`, `run`) and never change its mode (`pluck`, `raw`, `expand`, `bind`): it is shared.
 * A statement still being iterated is not handed out again; a fresh one is prepared instead.
 */
export function prepared(db: Database, sql: string): Statement {
  let statements = statementsByDatabase.get(db);
  if (statements === undefined) {
    statements = new Map();
    statementsByDatabase.set(db, statements);
  }
  const cached = statements.get(sql);
  if (cached !== undefined) {
    if (cached.busy) return db.prepare(sql);
    statements.delete(sql);
    statements.set(sql, cached); // most recently used last
    return cached;
  }
  const statement = db.prepare(sql);
  statements.set(sql, statement);
  if (statements.size > STATEMENTS_PER_DATABASE) statements.delete(statements.keys().next().value!);
  return statement;
}

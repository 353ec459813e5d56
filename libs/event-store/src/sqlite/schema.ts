import type Database from 'better-sqlite3';

/** Bumped when the layout changes; a file written by a newer layout is refused rather than misread. */
export const SCHEMA_VERSION = 1;

// `position` is the rowid without AUTOINCREMENT: SQLite then assigns max(rowid) + 1, so a rolled-back
// append (savepoint or transaction) leaves no gap, and positions stay 1..N in commit order because
// only one transaction writes at a time. `streams` keeps the current revision of each stream so the
// expected-revision check is one primary-key lookup instead of a MAX over the stream's events.
const DDL = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY,
  event_id    TEXT    NOT NULL UNIQUE,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL CHECK (revision >= 0),
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT    PRIMARY KEY,
  revision  INTEGER NOT NULL CHECK (revision >= 0)
) WITHOUT ROWID;
`;

export function isInMemory(filename: string): boolean {
  return filename === ':memory:' || filename === '';
}

export function configure(db: Database.Database, options: { readonly busyTimeoutMs: number }): void {
  // Another process (an operator CLI, a second replica on the same volume) may hold the write lock;
  // wait for it instead of failing at once.
  db.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
  // WAL lets readers (subscriptions, queries) proceed while a batch commits.
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL may lose the last commits on power loss; FULL syncs the WAL at every commit,
  // so an acknowledged append is durable. Group commit keeps that to one fsync per batch.
  db.pragma('synchronous = FULL');
  // Every integer the store reads is a revision or a position: bigint end to end, never a lossy number.
  db.defaultSafeIntegers(true);
}

export function migrate(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > SCHEMA_VERSION) {
    throw new Error(`The event store file has schema version ${version}; this build reads up to ${SCHEMA_VERSION}`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(DDL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { INLINE_CHECKPOINT_PAGES, WalCheckpointer } from '@kom/event-store';

/**
 * The local SQLite database that holds the read models of one process (one API replica).
 *
 * Durability settings: WAL with `synchronous = NORMAL`. In WAL mode NORMAL does not fsync on every
 * commit, only at WAL checkpoints, so after a power loss (never after a mere process crash: the OS
 * still holds the written pages) the most recent commits may be missing. That is safe here because
 *  - a commit is atomic either way: SQLite never exposes a half-applied transaction, and
 *  - every batch of read-model writes commits in the same transaction as its checkpoint, so losing
 *    a commit loses the writes *and* the checkpoint together; on restart the runner re-reads those
 *    events from the log, which is the durable source of truth (synchronous = FULL there).
 * Read models are disposable: in the worst case they can be rebuilt from the log.
 */
export class ReadModelDatabase {
  private checkpointer: WalCheckpointer | undefined;

  private constructor(readonly db: Database) {}

  /**
   * `backgroundCheckpoints`: copy the WAL back into the file from a worker thread rather than in
   * a projection batch's commit on this thread (a long-running server; see WalCheckpointer).
   */
  static open(filename: string | ':memory:', options: { backgroundCheckpoints?: boolean } = {}): ReadModelDatabase {
    const db = new BetterSqlite3(filename);
    try {
      db.pragma('journal_mode = WAL'); // stays 'memory' for ':memory:'
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('temp_store = MEMORY');
      db.pragma('cache_size = -65536'); // 64 MiB page cache: rebuilds touch every row
      // Copy the WAL back into the file every ~40 MB instead of every ~4 MB: a rebuild or a first
      // catch-up rewrites the same index pages batch after batch, and each checkpoint syncs the
      // file; 1.2-2x faster rebuilds of every read model (docs/benchmarks.md, G4).
      db.pragma('wal_autocheckpoint = 10000');
    } catch (error) {
      db.close();
      throw error;
    }
    const readModels = new ReadModelDatabase(db);
    if (options.backgroundCheckpoints && !db.memory) {
      db.pragma(`wal_autocheckpoint = ${INLINE_CHECKPOINT_PAGES}`);
      readModels.checkpointer = WalCheckpointer.start(filename);
    }
    return readModels;
  }

  /**
   * A second, read-only connection to a read-model file, for readers that want a consistent view
   * (one read transaction in WAL mode sees one committed state) while the runner keeps writing.
   */
  static openReadOnly(filename: string): ReadModelDatabase {
    const db = new BetterSqlite3(filename, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return new ReadModelDatabase(db);
  }

  close(): void {
    // The worker's connection first (stop returns once it is closed): this close then removes
    // the WAL, as it always did.
    void this.checkpointer?.stop();
    this.checkpointer = undefined;
    if (this.db.open) this.db.close();
  }
}

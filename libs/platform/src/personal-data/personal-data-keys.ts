import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The key table of crypto-shredding: one data key per subject (a person whose personal data the
 * platform keeps sealed), deliberately OUTSIDE the event log. The log holds only ciphertext, which
 * the hash chain and the signed checkpoints cover; deleting a key here makes every copy of that
 * ciphertext (in the log, the read models, backups and evidence bundles) unreadable, while the log
 * stays byte-for-byte what was signed — so `verify` still passes after an erasure.
 *
 * Every replica that reads or writes personal data must see the same table: a SQLite file on a
 * shared volume (SqlitePersonalDataKeys), or the shared PostgreSQL database (PostgresPersonalDataKeys).
 */
export interface PersonalDataKeys {
  /** Records the subject's key; a subject's key is made once and never replaced (false if it exists). */
  create(subjectId: string, key: Buffer): Promise<boolean>;
  /** The key, or undefined when there is none (never made, or shredded). */
  get(subjectId: string): Promise<Buffer | undefined>;
  /**
   * Shreds the key (idempotent): true when a key was deleted now. From then on no replica gets it.
   * What stays on disk depends on the store: SQLite leaves no copy in its files (secure_delete, WAL
   * truncated); PostgreSQL cannot promise that (dead tuples, WAL, backups: see docs/stores.md).
   */
  shred(subjectId: string): Promise<boolean>;
  close(): Promise<void>;
}

export const PERSONAL_DATA_KEYS = Symbol.for('kom.PersonalDataKeys');

/**
 * The key table as one SQLite file (`KOM_PERSONAL_DATA_KEYS_FILE`, default
 * `<KOM_DATA_DIR>/personal-data-keys.sqlite`), WAL with `synchronous=FULL` (a key acknowledged is
 * on disk before the event that uses it is appended) and `secure_delete` (a shredded key's bytes
 * are overwritten in the file, not just unlinked from the b-tree). In WAL mode the earlier images of
 * the key's page stay in the `-wal` file until a checkpoint, so every shred (and every open, for a
 * process that died in between) checkpoints with TRUNCATE: the pages go into the database file,
 * where the key is zeroed, and the WAL is cut to nothing. Replicas writing to one KurrentDB
 * without KOM_SHARED_STATE_URL must share the file (a shared volume, as for KOM_AUTH_KEY_FILE and KOM_AUDIT_KEY_FILE); SQLite's
 * locking makes concurrent writers from several processes safe on a local or correctly locking
 * network file system. The file must never be backed up together with the log for longer than the
 * erasure deadline: a backup of the key table outlives an erasure (keep backups short-lived).
 */
export class SqlitePersonalDataKeys implements PersonalDataKeys {
  private readonly insert;
  private readonly select;
  private readonly remove;

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    if (db.pragma('secure_delete', { simple: true }) !== 1) throw new Error('SQLite refused secure_delete: shredded keys would stay on disk');
    db.exec(`CREATE TABLE IF NOT EXISTS data_keys (
      subject_id TEXT PRIMARY KEY,
      algorithm TEXT NOT NULL,
      key BLOB NOT NULL,
      created_at TEXT NOT NULL
    )`);
    this.insert = db.prepare<[string, Buffer, string]>(
      `INSERT INTO data_keys (subject_id, algorithm, key, created_at) VALUES (?, 'AES-256-GCM', ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.select = db.prepare<[string], { key: Buffer }>('SELECT key FROM data_keys WHERE subject_id = ?');
    this.remove = db.prepare<[string]>('DELETE FROM data_keys WHERE subject_id = ?');
    this.truncateJournal();
  }

  /** `:memory:` for tests. */
  static open(file: string): SqlitePersonalDataKeys {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return new SqlitePersonalDataKeys(new Database(file), file);
  }

  async create(subjectId: string, key: Buffer): Promise<boolean> {
    return this.insert.run(subjectId, key, new Date().toISOString()).changes === 1;
  }

  async get(subjectId: string): Promise<Buffer | undefined> {
    const row = this.select.get(subjectId);
    return row ? Buffer.from(row.key) : undefined;
  }

  async shred(subjectId: string): Promise<boolean> {
    const deleted = this.remove.run(subjectId).changes === 1;
    this.truncateJournal();
    return deleted;
  }

  /**
   * Copies every page from the WAL into the database file and truncates the WAL to zero bytes.
   * Another connection's open read transaction holds the checkpoint back (busy_timeout waits for it
   * first); a shred that cannot complete is an error, never a silent success.
   */
  private truncateJournal(): void {
    if (this.file === ':memory:') return;
    for (let attempt = 1; ; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      if (result.busy === 0 && result.log <= 0) return;
      if (attempt >= 3) throw new Error(`personal-data keys: the WAL of ${this.file} could not be checkpointed (busy); a shredded key may remain there`);
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

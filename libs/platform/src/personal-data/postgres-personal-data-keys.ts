import type { Pool } from 'pg';
import type { PersonalDataKeys } from './personal-data-keys';

/**
 * The key table in the shared PostgreSQL database (`personal_data_keys`), read and written by every
 * replica. A shred deletes the row, so no replica reads the key any more, then rewrites the table
 * (`VACUUM FULL`): a plain DELETE only marks the tuple dead, and even a plain VACUUM leaves its
 * bytes in the page's free space until something overwrites them; the rewrite copies only the live
 * rows into a new file. The table is small (one row of 32 bytes per person) and erasures are rare,
 * so the rewrite and its brief exclusive lock cost little. What PostgreSQL still keeps elsewhere
 * (the unlinked old file's disk blocks, WAL, base backups, replicas' copies of the same) is the
 * operator's to age out: see docs/stores.md.
 */
export class PostgresPersonalDataKeys implements PersonalDataKeys {
  constructor(private readonly pool: Pool) {}

  async create(subjectId: string, key: Buffer): Promise<boolean> {
    const inserted = await this.pool.query(
      `INSERT INTO personal_data_keys (subject_id, algorithm, key) VALUES ($1, 'AES-256-GCM', $2) ON CONFLICT (subject_id) DO NOTHING`,
      [subjectId, key],
    );
    return inserted.rowCount === 1;
  }

  async get(subjectId: string): Promise<Buffer | undefined> {
    const { rows } = await this.pool.query<{ key: Buffer }>('SELECT key FROM personal_data_keys WHERE subject_id = $1', [subjectId]);
    return rows[0]?.key;
  }

  async shred(subjectId: string): Promise<boolean> {
    const deleted = (await this.pool.query('DELETE FROM personal_data_keys WHERE subject_id = $1', [subjectId])).rowCount === 1;
    // Only after a delete: the sweep at start shreds every erased person again, and must not
    // rewrite the table once per person each time.
    if (deleted) await this.pool.query('VACUUM FULL personal_data_keys');
    return deleted;
  }

  /** The pool belongs to SharedStatePostgres, which ends it. */
  async close(): Promise<void> {}
}

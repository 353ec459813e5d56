import type { Database } from 'better-sqlite3';

export const REACTOR_CHECKPOINT_TABLE = 'reactor_checkpoints';

/**
 * Reactor checkpoints in the read-model database: the last global position a reactor has
 * finished with. Not dropped by projection rebuilds; losing it only makes the reactor run again
 * over the log, which appends nothing twice.
 */
export class ReactorCheckpoints {
  constructor(private readonly db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${REACTOR_CHECKPOINT_TABLE} (
      name TEXT PRIMARY KEY,
      position TEXT NOT NULL -- decimal text: KurrentDB positions exceed 2^63
    )`);
  }

  read(name: string): bigint {
    const row = this.db.prepare<[string], { position: string }>(`SELECT position FROM ${REACTOR_CHECKPOINT_TABLE} WHERE name = ?`).get(name);
    return row ? BigInt(row.position) : 0n;
  }

  write(name: string, position: bigint): void {
    this.db
      .prepare(
        `INSERT INTO ${REACTOR_CHECKPOINT_TABLE} (name, position) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
      )
      .run(name, String(position));
  }
}

import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ClaimOptions, ClaimOutcome, IdempotencyRecord, IdempotencyScope, IdempotencyStore } from './idempotency-store.port';

interface Row {
  readonly fingerprint: string;
  readonly claim_id: string;
  readonly claimed_at: number;
  readonly result: string | null;
}

/**
 * The idempotency keys as one SQLite file in the data directory (`idempotency.sqlite`). The claim
 * runs in an IMMEDIATE transaction, so it is atomic between the processes that share the file as
 * well as within one.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly select;
  private readonly upsert;
  private readonly finish;
  private readonly drop;
  private readonly purgeBefore;
  private readonly claimInTransaction: (scope: IdempotencyScope, fingerprint: string, options: ClaimOptions) => ClaimOutcome;

  private constructor(private readonly db: Database.Database) {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      user_id TEXT NOT NULL,
      organization_id TEXT NOT NULL,
      operation TEXT NOT NULL,
      key_hash TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      claim_id TEXT NOT NULL,
      claimed_at INTEGER NOT NULL,
      result TEXT,
      PRIMARY KEY (user_id, organization_id, operation, key_hash)
    ) WITHOUT ROWID`);
    db.exec('CREATE INDEX IF NOT EXISTS idempotency_keys_claimed_at ON idempotency_keys (claimed_at)');
    const where = 'user_id = ? AND organization_id = ? AND operation = ? AND key_hash = ?';
    this.select = db.prepare<[string, string, string, string], Row>(`SELECT fingerprint, claim_id, claimed_at, result FROM idempotency_keys WHERE ${where}`);
    this.upsert = db.prepare<[string, string, string, string, string, string, number]>(
      `INSERT INTO idempotency_keys (user_id, organization_id, operation, key_hash, fingerprint, claim_id, claimed_at, result)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
       ON CONFLICT (user_id, organization_id, operation, key_hash) DO UPDATE SET
         fingerprint = excluded.fingerprint, claim_id = excluded.claim_id, claimed_at = excluded.claimed_at, result = NULL`,
    );
    this.finish = db.prepare<[string, string, string, string, string, string]>(
      `UPDATE idempotency_keys SET result = ? WHERE ${where} AND claim_id = ? AND result IS NULL`,
    );
    this.drop = db.prepare<[string, string, string, string, string]>(`DELETE FROM idempotency_keys WHERE ${where} AND claim_id = ? AND result IS NULL`);
    this.purgeBefore = db.prepare<[number]>('DELETE FROM idempotency_keys WHERE claimed_at <= ?');
    this.claimInTransaction = db
      .transaction((scope: IdempotencyScope, fingerprint: string, options: ClaimOptions): ClaimOutcome => {
        const row = this.select.get(...key(scope));
        if (row && isLive(row, options)) return { claimed: false, record: toRecord(row) };
        const claimId = randomUUID();
        this.upsert.run(...key(scope), fingerprint, claimId, options.now.getTime());
        return { claimed: true, claimId };
      })
      .immediate;
  }

  /** `:memory:` for tests. */
  static open(file: string): SqliteIdempotencyStore {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return new SqliteIdempotencyStore(new Database(file));
  }

  async claim(scope: IdempotencyScope, fingerprint: string, options: ClaimOptions): Promise<ClaimOutcome> {
    return this.claimInTransaction(scope, fingerprint, options);
  }

  async complete(scope: IdempotencyScope, claimId: string, result: string): Promise<boolean> {
    return this.finish.run(result, ...key(scope), claimId).changes === 1;
  }

  async release(scope: IdempotencyScope, claimId: string): Promise<void> {
    this.drop.run(...key(scope), claimId);
  }

  async get(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined> {
    const row = this.select.get(...key(scope));
    return row ? toRecord(row) : undefined;
  }

  async purge(before: Date): Promise<number> {
    return this.purgeBefore.run(before.getTime()).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function key(scope: IdempotencyScope): [string, string, string, string] {
  return [scope.userId, scope.organizationId, scope.operation, scope.keyHash];
}

function isLive(row: Row, options: ClaimOptions): boolean {
  const before = row.result === null ? options.abandonedBefore : options.expiredBefore;
  return row.claimed_at > before.getTime();
}

function toRecord(row: Row): IdempotencyRecord {
  const claimedAt = new Date(row.claimed_at);
  return row.result === null
    ? { state: 'pending', fingerprint: row.fingerprint, claimedAt }
    : { state: 'completed', fingerprint: row.fingerprint, claimedAt, result: row.result };
}

import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { sharedStateAvailable } from '../shared-state/shared-state-postgres';
import type { ClaimOptions, ClaimOutcome, IdempotencyRecord, IdempotencyScope, IdempotencyStore } from './idempotency-store.port';

interface Row {
  readonly fingerprint: string;
  readonly claim_id: string;
  readonly claimed_at: string;
  readonly result: string | null;
}

const WHERE = 'user_id = $1 AND organization_id = $2 AND operation = $3 AND key_hash = $4';

/**
 * The idempotency keys in the shared PostgreSQL database (table `idempotency_keys`), so that every
 * replica finds a key whichever one claimed it. A claim is one statement: an insert that, on a row
 * already there, takes it over only when that row is expired or abandoned. Two claimants of one key
 * serialise on its primary key; the second sees the first's row once that commits, so exactly one
 * of them gets the claim. A lost or refused connection rejects with SharedStateUnavailableError
 * (sharedStateAvailable), which the API answers as a typed, retryable SERVICE_UNAVAILABLE.
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  constructor(private readonly pool: Pool) {}

  claim(scope: IdempotencyScope, fingerprint: string, options: ClaimOptions): Promise<ClaimOutcome> {
    return sharedStateAvailable(() => this.claimOnce(scope, fingerprint, options));
  }

  private async claimOnce(scope: IdempotencyScope, fingerprint: string, options: ClaimOptions): Promise<ClaimOutcome> {
    for (;;) {
      const claimId = randomUUID();
      const taken = await this.pool.query<{ claim_id: string }>(
        `INSERT INTO idempotency_keys AS k (user_id, organization_id, operation, key_hash, fingerprint, claim_id, claimed_at, result)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)
         ON CONFLICT (user_id, organization_id, operation, key_hash) DO UPDATE SET
           fingerprint = excluded.fingerprint, claim_id = excluded.claim_id, claimed_at = excluded.claimed_at, result = NULL
         WHERE (k.result IS NULL AND k.claimed_at <= $8) OR (k.result IS NOT NULL AND k.claimed_at <= $9)
         RETURNING claim_id`,
        [...key(scope), fingerprint, claimId, options.now.getTime(), options.abandonedBefore.getTime(), options.expiredBefore.getTime()],
      );
      if (taken.rowCount === 1) return { claimed: true, claimId };
      const record = await this.read(scope);
      // Released between the two statements: the key is free again, so claim once more.
      if (record) return { claimed: false, record };
    }
  }

  async complete(scope: IdempotencyScope, claimId: string, result: string): Promise<boolean> {
    const done = await this.query(`UPDATE idempotency_keys SET result = $6 WHERE ${WHERE} AND claim_id = $5 AND result IS NULL`, [
      ...key(scope),
      claimId,
      result,
    ]);
    return done.rowCount === 1;
  }

  async release(scope: IdempotencyScope, claimId: string): Promise<void> {
    await this.query(`DELETE FROM idempotency_keys WHERE ${WHERE} AND claim_id = $5 AND result IS NULL`, [...key(scope), claimId]);
  }

  get(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined> {
    return sharedStateAvailable(() => this.read(scope));
  }

  private async read(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined> {
    const { rows } = await this.pool.query<Row>(`SELECT fingerprint, claim_id, claimed_at, result FROM idempotency_keys WHERE ${WHERE}`, key(scope));
    return rows[0] && toRecord(rows[0]);
  }

  async purge(before: Date): Promise<number> {
    return (await this.query('DELETE FROM idempotency_keys WHERE claimed_at <= $1', [before.getTime()])).rowCount ?? 0;
  }

  private query(text: string, values: unknown[]) {
    return sharedStateAvailable(() => this.pool.query(text, values));
  }

  /** The pool belongs to SharedStatePostgres, which ends it. */
  async close(): Promise<void> {}
}

function key(scope: IdempotencyScope): [string, string, string, string] {
  return [scope.userId, scope.organizationId, scope.operation, scope.keyHash];
}

function toRecord(row: Row): IdempotencyRecord {
  const claimedAt = new Date(Number(row.claimed_at));
  return row.result === null
    ? { state: 'pending', fingerprint: row.fingerprint, claimedAt }
    : { state: 'completed', fingerprint: row.fingerprint, claimedAt, result: row.result };
}

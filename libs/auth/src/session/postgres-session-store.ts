import type { Role } from '@kom/kernel';
import type { Pool } from 'pg';
import type { PendingSignIn, SessionRecord, SessionStore } from './session-store';

interface SessionRow {
  readonly id_hash: string;
  readonly user_id: string;
  readonly organization_id: string;
  readonly role: string;
  readonly csrf_token: string;
  readonly id_token: string | null;
  readonly created_at: string;
  readonly last_seen_at: string;
}

interface PendingRow {
  readonly state_hash: string;
  readonly code_verifier: string;
  readonly nonce: string;
  readonly return_to: string;
  readonly created_at: string;
}

/**
 * Sessions in the shared PostgreSQL database (`web_sessions`, `pending_sign_ins`): a browser signed
 * in through one replica is signed in on all of them, a sign-out on any holds on all, and a sign-in
 * may come back to its callback on another replica than the one that sent it to the provider.
 */
export class PostgresSessionStore implements SessionStore {
  constructor(private readonly pool: Pool) {}

  async insert(s: SessionRecord): Promise<void> {
    await this.pool.query(
      `INSERT INTO web_sessions (id_hash, user_id, organization_id, role, csrf_token, id_token, created_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [s.idHash, s.userId, s.organizationId, s.role, s.csrfToken, s.idToken, s.createdAt, s.lastSeenAt],
    );
  }

  async find(idHash: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.pool.query<SessionRow>('SELECT * FROM web_sessions WHERE id_hash = $1', [idHash]);
    return rows[0] && toSession(rows[0]);
  }

  async touch(idHash: string, lastSeenAt: number): Promise<void> {
    await this.pool.query('UPDATE web_sessions SET last_seen_at = $2 WHERE id_hash = $1 AND last_seen_at < $2', [idHash, lastSeenAt]);
  }

  async delete(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM web_sessions WHERE id_hash = $1', [idHash]);
  }

  async deleteExpired(idleBefore: number, createdBefore: number): Promise<number> {
    return (await this.pool.query('DELETE FROM web_sessions WHERE last_seen_at < $1 OR created_at < $2', [idleBefore, createdBefore])).rowCount ?? 0;
  }

  async insertPendingSignIn(p: PendingSignIn): Promise<void> {
    await this.pool.query(
      'INSERT INTO pending_sign_ins (state_hash, code_verifier, nonce, return_to, created_at) VALUES ($1, $2, $3, $4, $5)',
      [p.stateHash, p.codeVerifier, p.nonce, p.returnTo, p.createdAt],
    );
  }

  async takePendingSignIn(stateHash: string): Promise<PendingSignIn | undefined> {
    // One statement: of two callbacks racing with the same state, only one gets the row.
    const { rows } = await this.pool.query<PendingRow>('DELETE FROM pending_sign_ins WHERE state_hash = $1 RETURNING *', [stateHash]);
    const row = rows[0];
    return (
      row && { stateHash: row.state_hash, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to, createdAt: Number(row.created_at) }
    );
  }

  async deletePendingSignInsBefore(createdBefore: number): Promise<void> {
    await this.pool.query('DELETE FROM pending_sign_ins WHERE created_at < $1', [createdBefore]);
  }

  /** The pool belongs to SharedStatePostgres, which ends it. */
  async close(): Promise<void> {}
}

function toSession(row: SessionRow): SessionRecord {
  return {
    idHash: row.id_hash,
    userId: row.user_id,
    organizationId: row.organization_id,
    role: row.role as Role,
    csrfToken: row.csrf_token,
    idToken: row.id_token,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
  };
}

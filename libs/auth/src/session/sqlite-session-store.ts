import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { PendingSignIn, SessionRecord, SessionStore } from './session-store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  role TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  id_token TEXT,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_last_seen ON sessions (last_seen_at);
CREATE INDEX IF NOT EXISTS sessions_created ON sessions (created_at);
CREATE TABLE IF NOT EXISTS pending_sign_ins (
  state_hash TEXT PRIMARY KEY,
  code_verifier TEXT NOT NULL,
  nonce TEXT NOT NULL,
  return_to TEXT NOT NULL,
  created_at INTEGER NOT NULL
);`;

const SESSION_COLUMNS = `id_hash AS idHash, user_id AS userId, organization_id AS organizationId, role,
  csrf_token AS csrfToken, id_token AS idToken, created_at AS createdAt, last_seen_at AS lastSeenAt`;

/** The embedded session store: one SQLite file in the data directory (WAL), private to this replica. */
export class SqliteSessionStore implements SessionStore {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string): SqliteSessionStore {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    return new SqliteSessionStore(db);
  }

  async insert(s: SessionRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO sessions (id_hash, user_id, organization_id, role, csrf_token, id_token, created_at, last_seen_at)
         VALUES (@idHash, @userId, @organizationId, @role, @csrfToken, @idToken, @createdAt, @lastSeenAt)`,
      )
      .run(s);
  }

  async find(idHash: string): Promise<SessionRecord | undefined> {
    return this.db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id_hash = ?`).get(idHash) as SessionRecord | undefined;
  }

  async touch(idHash: string, lastSeenAt: number): Promise<void> {
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?').run(lastSeenAt, idHash, lastSeenAt);
  }

  async delete(idHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async deleteExpired(idleBefore: number, createdBefore: number): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?').run(idleBefore, createdBefore).changes;
  }

  async insertPendingSignIn(p: PendingSignIn): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO pending_sign_ins (state_hash, code_verifier, nonce, return_to, created_at)
         VALUES (@stateHash, @codeVerifier, @nonce, @returnTo, @createdAt)`,
      )
      .run(p);
  }

  async takePendingSignIn(stateHash: string): Promise<PendingSignIn | undefined> {
    return this.db
      .prepare(
        `DELETE FROM pending_sign_ins WHERE state_hash = ?
         RETURNING state_hash AS stateHash, code_verifier AS codeVerifier, nonce, return_to AS returnTo, created_at AS createdAt`,
      )
      .get(stateHash) as PendingSignIn | undefined;
  }

  async deletePendingSignInsBefore(createdBefore: number): Promise<void> {
    this.db.prepare('DELETE FROM pending_sign_ins WHERE created_at < ?').run(createdBefore);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

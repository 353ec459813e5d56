import type { Pool } from 'pg';
import { POSTGRES_ADVISORY_LOCKS, POSTGRES_LOCK_NAMESPACE, inTransaction } from '@kom/event-store';

export interface SharedStateMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * The tables of the state every replica shares besides the log. Append-only: a released migration
 * is never edited; a change is a new version. Versioned apart from the event store's schema
 * (`shared_state_migrations`), so the two may live in one database or in two.
 */
export const SHARED_STATE_MIGRATIONS: readonly SharedStateMigration[] = [
  {
    version: 1,
    description: 'web sessions, pending sign-ins, idempotency keys, personal-data keys, rate limits',
    // Instants are epoch milliseconds (bigint), as the ports speak them. `idempotency_keys.claim_id`
    // is text, not uuid: a caller may name any claim, and a claim that is not the one held is simply
    // not found. `rate_limits` has the shape rate-limiter-flexible's PostgreSQL store writes to.
    // `personal_data_keys` is vacuumed as soon as it has a dead row (autovacuum thresholds 0):
    // a deleted key's tuple should not wait for the usual 20 % of the table to change.
    sql: `
      CREATE TABLE web_sessions (
        id_hash         text   PRIMARY KEY,
        user_id         text   NOT NULL,
        organization_id text   NOT NULL,
        role            text   NOT NULL,
        csrf_token      text   NOT NULL,
        id_token        text,
        created_at      bigint NOT NULL,
        last_seen_at    bigint NOT NULL
      );
      CREATE INDEX web_sessions_last_seen ON web_sessions (last_seen_at);
      CREATE INDEX web_sessions_created ON web_sessions (created_at);
      CREATE TABLE pending_sign_ins (
        state_hash    text   PRIMARY KEY,
        code_verifier text   NOT NULL,
        nonce         text   NOT NULL,
        return_to     text   NOT NULL,
        created_at    bigint NOT NULL
      );
      CREATE TABLE idempotency_keys (
        user_id         text   NOT NULL,
        organization_id text   NOT NULL,
        operation       text   NOT NULL,
        key_hash        text   NOT NULL,
        fingerprint     text   NOT NULL,
        claim_id        text   NOT NULL,
        claimed_at      bigint NOT NULL,
        result          text,
        PRIMARY KEY (user_id, organization_id, operation, key_hash)
      );
      CREATE INDEX idempotency_keys_claimed_at ON idempotency_keys (claimed_at);
      CREATE TABLE personal_data_keys (
        subject_id text        PRIMARY KEY,
        algorithm  text        NOT NULL,
        key        bytea       NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      ) WITH (autovacuum_vacuum_threshold = 0, autovacuum_vacuum_scale_factor = 0);
      CREATE TABLE rate_limits (
        key    varchar(255) PRIMARY KEY,
        points integer      NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE INDEX rate_limits_expire ON rate_limits (expire);`,
  },
];

export const SHARED_STATE_SCHEMA_VERSION = SHARED_STATE_MIGRATIONS[SHARED_STATE_MIGRATIONS.length - 1]!.version;

/**
 * Brings the shared-state tables to SHARED_STATE_SCHEMA_VERSION in one transaction under their own
 * advisory lock: processes that start together queue on it, and each later one finds the work
 * done. A database migrated by a newer build is refused rather than misread. Returns the versions
 * applied.
 */
export async function migrateSharedState(pool: Pool): Promise<number[]> {
  const begin = `BEGIN; SELECT pg_advisory_xact_lock(${POSTGRES_LOCK_NAMESPACE}, ${POSTGRES_ADVISORY_LOCKS.sharedStateMigrations})`;
  // inTransaction: a connection lost mid-migration is discarded, not handed out again.
  return inTransaction(pool, begin, async (client) => {
    await client.query(`
      CREATE TABLE IF NOT EXISTS shared_state_migrations (
        version     integer     PRIMARY KEY,
        description text        NOT NULL,
        applied_at  timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM shared_state_migrations');
    const current = rows[0]?.version ?? 0;
    if (current > SHARED_STATE_SCHEMA_VERSION) {
      throw new Error(`The shared-state database has schema version ${current}; this build reads up to ${SHARED_STATE_SCHEMA_VERSION}`);
    }
    const pending = SHARED_STATE_MIGRATIONS.filter((m) => m.version > current);
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('INSERT INTO shared_state_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
    }
    return pending.map((m) => m.version);
  });
}

import type { Pool } from 'pg';
import { POSTGRES_ADVISORY_LOCKS, POSTGRES_LOCK_NAMESPACE } from './advisory-locks';
import { inTransaction } from './pool';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** Append-only: a released migration is never edited; a change is a new version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'events and streams',
    // `position` is assigned by the appender under the append lock, 1..N without gaps, in commit
    // order (see postgres-event-store.ts). `data` and `metadata` are json, not jsonb: json keeps
    // the text exactly as written (key order, Unicode spelling), which the hash chain depends on.
    // `streams` holds each stream's last revision so the expected-revision check is one lookup.
    sql: `
      CREATE TABLE events (
        position    bigint      PRIMARY KEY CHECK (position > 0),
        event_id    uuid        NOT NULL UNIQUE,
        stream_id   text        NOT NULL,
        revision    bigint      NOT NULL CHECK (revision >= 0),
        type        text        NOT NULL,
        data        json        NOT NULL,
        metadata    json        NOT NULL,
        recorded_at timestamptz NOT NULL,
        UNIQUE (stream_id, revision)
      );
      CREATE TABLE streams (
        stream_id text   PRIMARY KEY,
        revision  bigint NOT NULL CHECK (revision >= 0)
      );`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings the database to SCHEMA_VERSION, in one transaction under an advisory lock: processes that
 * start together queue on the lock, and each later one finds the work done. DDL is transactional
 * in PostgreSQL, so a failed migration leaves nothing half-applied. Returns the versions applied.
 */
export async function migrate(pool: Pool): Promise<number[]> {
  const begin = `BEGIN; SELECT pg_advisory_xact_lock(${POSTGRES_LOCK_NAMESPACE}, ${POSTGRES_ADVISORY_LOCKS.migrations})`;
  return inTransaction(pool, begin, async (client) => {
    await client.query(`
      CREATE TABLE IF NOT EXISTS event_store_migrations (
        version     integer     PRIMARY KEY,
        description text        NOT NULL,
        applied_at  timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM event_store_migrations');
    const current = rows[0]?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(`The event store database has schema version ${current}; this build reads up to ${SCHEMA_VERSION}`);
    }
    const pending = MIGRATIONS.filter((m) => m.version > current);
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('INSERT INTO event_store_migrations (version, description) VALUES ($1, $2)', [
        migration.version,
        migration.description,
      ]);
    }
    return pending.map((m) => m.version);
  });
}

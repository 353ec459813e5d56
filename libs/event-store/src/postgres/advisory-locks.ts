/**
 * The advisory locks the platform takes in a PostgreSQL database, as the two-key form
 * `pg_advisory_lock(POSTGRES_LOCK_NAMESPACE, id)`. The namespace ('KOM\0' as an int4) keeps them
 * apart from locks other software may take in the same database. An operator can see who holds
 * one in `pg_locks` (locktype 'advisory', classid = namespace, objid = id).
 */
export const POSTGRES_LOCK_NAMESPACE = 0x4b4f4d00;

export const POSTGRES_ADVISORY_LOCKS = {
  /** Held (transaction-scoped) by the one batch of appends writing at a time. */
  append: 1,
  /** Held (transaction-scoped) while the schema is migrated at start. */
  migrations: 2,
  /** Free for the audit notary: one process at a time computes signed checkpoints. */
  auditCheckpoints: 3,
  /** Held (transaction-scoped) while the shared-state tables (sessions, keys, limits) are migrated at start. */
  sharedStateMigrations: 4,
  /** Free for the notifications outbox: one process at a time sends and records what is pending. */
  notificationDelivery: 5,
} as const;

export type PostgresAdvisoryLock = (typeof POSTGRES_ADVISORY_LOCKS)[keyof typeof POSTGRES_ADVISORY_LOCKS];

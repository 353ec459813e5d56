import { POSTGRES_ADVISORY_LOCKS, PostgresEventStore, type EventStore, type PostgresAdvisoryLock } from '@kom/event-store';

/** The outbox's advisory lock, in the platform's registry of them (POSTGRES_ADVISORY_LOCKS). */
export const NOTIFICATION_DELIVERY_LOCK: PostgresAdvisoryLock = POSTGRES_ADVISORY_LOCKS.notificationDelivery;

/** Runs `work` while holding the lock; `{ acquired: false }` without running it when another process holds it. */
export type DeliveryLock = <T>(work: () => Promise<T>) => Promise<{ acquired: true; value: T } | { acquired: false }>;

/**
 * The cluster-wide lock under which one process at a time runs the outbox's pass (deadlines,
 * digests, sends and their outcomes), chosen per store as the audit notary chooses its own
 * (checkpointLockOf): PostgreSQL's session-scoped advisory lock, which the server releases when
 * the holder's session ends, so a killed replica leaves no stale lock. Other stores have none:
 * SQLite serves one process (its data directory is locked to it); KurrentDB replicas each deliver,
 * and the idempotency key covers the copies.
 */
export function deliveryLockOf(store: EventStore): DeliveryLock | undefined {
  // instanceof sees through the write guard's Proxy (it forwards the prototype).
  if (!(store instanceof PostgresEventStore)) return undefined;
  return (work) => store.withAdvisoryLock(NOTIFICATION_DELIVERY_LOCK, work, { wait: false });
}

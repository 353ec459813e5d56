import { POSTGRES_ADVISORY_LOCKS, PostgresEventStore, type EventStore } from '@kom/event-store';

/** What a notary may sign under: `{ acquired: false }` when another process is signing now. */
export type CheckpointLock = <T>(
  work: () => Promise<T>,
  options: { readonly wait: boolean },
) => Promise<{ acquired: true; value: T } | { acquired: false }>;

/**
 * The cluster-wide lock under which one process at a time signs checkpoints, where the store has
 * one: PostgreSQL's advisory lock POSTGRES_ADVISORY_LOCKS.auditCheckpoints. Other stores have none;
 * there the expected revision of the checkpoint stream alone keeps notaries from writing twice
 * (SQLite serves one process; KurrentDB replicas race and the loser re-reads).
 */
export function checkpointLockOf(store: EventStore): CheckpointLock | undefined {
  // instanceof sees through the write guard's Proxy (it forwards the prototype).
  if (!(store instanceof PostgresEventStore)) return undefined;
  return (work, { wait }) => store.withAdvisoryLock(POSTGRES_ADVISORY_LOCKS.auditCheckpoints, work, { wait });
}

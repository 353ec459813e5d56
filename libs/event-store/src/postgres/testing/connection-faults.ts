import type { Client } from 'pg';
import { POSTGRES_LOCK_NAMESPACE } from '../advisory-locks';

/**
 * Collects what would end a process: uncaught exceptions (an 'error' event nobody listens to is
 * one) and unhandled rejections. `stop()` removes the listeners again.
 */
export function watchProcessFailures(): { readonly failures: unknown[]; stop(): void } {
  const failures: unknown[] = [];
  const record = (error: unknown) => failures.push(error);
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  return {
    failures,
    stop: () => {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', record);
    },
  };
}

/** An `onConnectionLost` listener that a test can wait on: no sleeping until the error has arrived. */
export class LostConnections {
  readonly errors: Error[] = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  readonly report = (error: Error): void => {
    this.errors.push(error);
    const due = this.waiters.filter((w) => this.errors.length >= w.count);
    this.waiters = this.waiters.filter((w) => this.errors.length < w.count);
    for (const waiter of due) waiter.resolve();
  };

  /** Resolves once `count` losses have been reported in all. */
  async reached(count: number): Promise<Error[]> {
    if (this.errors.length < count) await new Promise<void>((resolve) => this.waiters.push({ count, resolve }));
    return this.errors;
  }
}

/** Ends one backend as an operator, or a failover, does (57P01 to its client). */
export async function terminateBackend(admin: Client, pid: number): Promise<void> {
  const { rows } = await admin.query<{ ended: boolean }>('SELECT pg_terminate_backend($1) AS ended', [pid]);
  if (!rows[0]?.ended) throw new Error(`No backend ${pid} to terminate`);
}

/** The backend pid of the session holding (or, with granted false, waiting for) a KOM advisory lock. */
export async function advisoryLockPid(admin: Client, lock: number, granted = true): Promise<number | undefined> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND classid = $1::oid AND objid = $2::oid AND objsubid = 2 AND granted = $3`,
    [String(POSTGRES_LOCK_NAMESPACE), String(lock), granted],
  );
  return rows[0]?.pid;
}

import type { Pool } from 'pg';
import { isConnectionError, openPostgresPool, redactConnectionString } from '@kom/event-store';
import { migrateSharedState } from './shared-state.schema';

export interface SharedStatePostgresOptions {
  /** Pool size of this process (default 5). */
  readonly maxConnections?: number;
  /** Told when a pooled connection fails; default: one line on stderr (see openPostgresPool). */
  readonly onConnectionLost?: (error: Error) => void;
}

/**
 * The shared-state database cannot be reached: at start (the process stops with this) or for one
 * request (answered as SERVICE_UNAVAILABLE, to be retried).
 */
export class SharedStateUnavailableError extends Error {
  override readonly name = 'SharedStateUnavailableError';
}

/**
 * Runs one call of a shared-state adapter, turning a lost or refused connection into
 * SharedStateUnavailableError, as the event store turns it into EventStoreUnavailableError: the
 * caller (and the client) can tell "try again" from a fault.
 */
export async function sharedStateAvailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isConnectionError(error)) throw new SharedStateUnavailableError('The shared-state database cannot be reached', { cause: error });
    throw error;
  }
}

/**
 * This process's connection pool to the PostgreSQL database of shared state (sessions, idempotency
 * keys, rate limits, personal-data keys). One pool serves every adapter; the adapters do not own
 * it, so closing one of them leaves the others working, and `close()` here ends them all.
 */
export class SharedStatePostgres {
  private closed = false;

  private constructor(readonly pool: Pool) {}

  /** Connects, then creates or migrates the tables (safe when several processes start at once). */
  static async connect(url: string, options: SharedStatePostgresOptions = {}): Promise<SharedStatePostgres> {
    // A connection that fails, idle or checked out, is reported and discarded (openPostgresPool).
    const pool = await openPostgresPool(
      { connectionString: url, application_name: 'kom-shared-state', max: options.maxConnections ?? 5 },
      { onConnectionLost: options.onConnectionLost },
    );
    try {
      await migrateSharedState(pool);
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (isConnectionError(error)) {
        throw new SharedStateUnavailableError(`PostgreSQL at ${redactConnectionString(url)} (shared state) cannot be reached`, { cause: error });
      }
      throw error;
    }
    return new SharedStatePostgres(pool);
  }

  /** Rejects when the database does not answer (readiness). */
  async ping(): Promise<void> {
    await sharedStateAvailable(() => this.pool.query('SELECT 1'));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/**
 * Injection token: the process's SharedStatePostgres, or null when shared state stays in SQLite
 * files and memory (one process). Each port's factory reads it; nothing else branches on it.
 */
export const SHARED_STATE = Symbol.for('kom.SharedState');

import type { Pool } from 'pg';
import { isConnectionError, redactConnectionString } from '@kom/event-store';
import { migrateSharedState } from './shared-state.schema';

export interface SharedStatePostgresOptions {
  /** Pool size of this process (default 5). */
  readonly maxConnections?: number;
}

/** The shared-state database cannot be reached (at start): the process stops with this. */
export class SharedStateUnavailableError extends Error {
  override readonly name = 'SharedStateUnavailableError';
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
    // Loaded here, not at the top: processes on SQLite never pay for the driver.
    const pg = await import('pg');
    const pool = new pg.Pool({ connectionString: url, application_name: 'kom-shared-state', max: options.maxConnections ?? 5 });
    // An idle connection that the server drops is discarded by the pool and replaced on next use.
    pool.on('error', () => undefined);
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
    await this.pool.query('SELECT 1');
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

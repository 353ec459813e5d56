import type { Pool, PoolClient, PoolConfig } from 'pg';
import { isConnectionError } from './connection-errors';

export interface PostgresPoolOptions {
  /**
   * Told once per pooled connection that fails (the server ended it, the socket broke); the pool
   * then discards that connection. Default: one line on stderr naming the pool's application_name.
   */
  readonly onConnectionLost?: (error: Error) => void;
}

/** The error that ended each failed connection, until the connection itself is forgotten. */
const lostConnections = new WeakMap<PoolClient, Error>();

/**
 * Every PostgreSQL pool the platform opens comes from here (the event store's, the shared state's),
 * so that every pooled connection has an 'error' listener for its whole life.
 *
 * Why: node-postgres emits a fatal error that arrives while no statement runs on a connection (the
 * server's 57P01 "terminating connection due to administrator command", a reset socket) as an
 * 'error' event on its Client. pg-pool listens only while the client is idle in the pool; while it
 * is checked out (between two statements of a transaction, or while an advisory lock is held)
 * nobody would, and Node ends the process on an 'error' event without a listener. Here the error
 * is reported and remembered: the holder's next statement fails as a connection error, and
 * `releaseClient` has the pool discard the connection.
 */
export async function openPostgresPool(config: PoolConfig, options: PostgresPoolOptions = {}): Promise<Pool> {
  // Loaded here, not at the top: processes on the embedded store never pay for the driver.
  const pg = await import('pg');
  const pool = new pg.Pool(config);
  const report = options.onConnectionLost ?? logLostConnection(config.application_name ?? 'postgres');
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      // The server's message and the socket's close that follows are one loss: report it once.
      if (lostConnections.has(client)) return;
      lostConnections.set(client, error);
      report(error);
    });
  });
  // pg-pool drops an idle client whose connection fails and emits the error here as well; the
  // client's own listener above has reported it already.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Gives a checked-out client back to its pool. The pool discards it, rather than hand it out again,
 * when its connection failed (seen by the listener above, even between two statements) or when the
 * caller gives a `failure` that leaves the connection's state unknown (a lost connection, a
 * ROLLBACK that failed).
 */
export function releaseClient(client: PoolClient, failure?: unknown): void {
  const reason = lostConnections.get(client) ?? failure;
  client.release(reason === undefined ? undefined : reason instanceof Error ? reason : true);
}

/**
 * Runs `work` on one pooled connection between `begin` (BEGIN, and whatever must follow it in the
 * same round trip) and COMMIT. A refusal rolls the transaction back and the connection is reused;
 * a lost connection (also one lost between two statements) is discarded without a ROLLBACK. Rejects
 * with what failed, as it is: each caller types it.
 */
export async function inTransaction<T>(pool: Pool, begin: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let discard: unknown;
  try {
    await client.query(begin);
    const value = await work(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    if (lostConnections.has(client) || isConnectionError(error)) {
      discard = error;
    } else {
      await client.query('ROLLBACK').catch((failed: unknown) => {
        discard = failed;
      });
    }
    throw error;
  } finally {
    releaseClient(client, discard);
  }
}

function logLostConnection(pool: string): (error: Error) => void {
  return (error) => {
    const code = (error as { code?: unknown }).code;
    console.warn(`PostgreSQL connection of ${pool} lost${typeof code === 'string' ? ` (${code})` : ''}: ${error.message}; the pool replaces it`);
  };
}

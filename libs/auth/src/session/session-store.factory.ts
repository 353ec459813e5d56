import type { SessionConfig, SharedStatePostgres } from '@kom/platform';
import { PostgresSessionStore } from './postgres-session-store';
import type { SessionStore } from './session-store';
import { SqliteSessionStore } from './sqlite-session-store';

/** The shared PostgreSQL tables when there are; otherwise this replica's SQLite file (KOM_SESSION_STORE_FILE). */
export function createSessionStore(config: Pick<SessionConfig, 'storeFile'>, shared: SharedStatePostgres | null): SessionStore {
  return shared ? new PostgresSessionStore(shared.pool) : SqliteSessionStore.open(config.storeFile);
}

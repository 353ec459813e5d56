import { join } from 'node:path';
import type { KomConfig } from '../config/kom-config';
import type { SharedStatePostgres } from '../shared-state/shared-state-postgres';
import type { IdempotencyStore } from './idempotency-store.port';
import { PostgresIdempotencyStore } from './postgres-idempotency-store';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

/**
 * The shared PostgreSQL table when there is one; otherwise a SQLite file in the data directory
 * (never in memory: a retry must find its key after a restart).
 */
export function createIdempotencyStore(config: Pick<KomConfig, 'dataDir'>, shared: SharedStatePostgres | null): IdempotencyStore {
  return shared ? new PostgresIdempotencyStore(shared.pool) : SqliteIdempotencyStore.open(join(config.dataDir, 'idempotency.sqlite'));
}

import type { KomConfig } from '../config/kom-config';
import type { SharedStatePostgres } from '../shared-state/shared-state-postgres';
import { SqlitePersonalDataKeys, type PersonalDataKeys } from './personal-data-keys';
import { PostgresPersonalDataKeys } from './postgres-personal-data-keys';

/** The shared PostgreSQL table when there is one; otherwise the SQLite file KOM_PERSONAL_DATA_KEYS_FILE names. */
export function createPersonalDataKeys(config: Pick<KomConfig, 'personalData'>, shared: SharedStatePostgres | null): PersonalDataKeys {
  return shared ? new PostgresPersonalDataKeys(shared.pool) : SqlitePersonalDataKeys.open(config.personalData.keysFile);
}

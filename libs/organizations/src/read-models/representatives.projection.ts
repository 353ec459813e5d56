import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import type { PersonalDataKeyEvent, RepresentativeEvent } from '../domain/representative.events';

export const REPRESENTATIVES_TABLE = 'representatives';
export const PERSONAL_DATA_KEYS_TABLE = 'personal_data_keys';

/**
 * Representatives with their details still sealed, and the data keys beside them. Details are
 * unsealed only when read (RepresentativesQueries), so a representative whose key is gone — its key
 * stream deleted, and this read model rebuilt — reads as erased.
 */
export const representativesProjection: Projection = {
  name: 'representatives',
  version: 1,
  handles: ['PersonalDataKeyCreated', 'RepresentativeAdded', 'RepresentativeRemoved'],
  tables: [REPRESENTATIVES_TABLE, PERSONAL_DATA_KEYS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${REPRESENTATIVES_TABLE} (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL,
      details TEXT NOT NULL,
      added_at TEXT NOT NULL
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS representatives_by_organization ON ${REPRESENTATIVES_TABLE} (organization_id, added_at)`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${PERSONAL_DATA_KEYS_TABLE} (subject_id TEXT PRIMARY KEY, key TEXT NOT NULL)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const e = { type: event.type, data: event.data } as RepresentativeEvent | PersonalDataKeyEvent;
    switch (e.type) {
      case 'PersonalDataKeyCreated':
        statements(db).key.run(e.data.subjectId, e.data.key);
        break;
      case 'RepresentativeAdded':
        statements(db).add.run({
          id: e.data.representativeId,
          organization: e.data.organizationId,
          details: e.data.details,
          at: String((event.metadata as { occurredAt?: string }).occurredAt ?? event.recordedAt),
        });
        break;
      case 'RepresentativeRemoved':
        statements(db).remove.run(e.data.representativeId);
        break;
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  key: db.prepare<[string, string]>(`INSERT INTO ${PERSONAL_DATA_KEYS_TABLE} (subject_id, key) VALUES (?, ?) ON CONFLICT DO NOTHING`),
  add: db.prepare(
    `INSERT INTO ${REPRESENTATIVES_TABLE} (id, organization_id, details, added_at) VALUES (@id, @organization, @details, @at)
     ON CONFLICT DO NOTHING`,
  ),
  remove: db.prepare<[string]>(`DELETE FROM ${REPRESENTATIVES_TABLE} WHERE id = ?`),
}));

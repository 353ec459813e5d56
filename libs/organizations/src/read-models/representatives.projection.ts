import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import type { RepresentativeEvent } from '../domain/representative.events';

export const REPRESENTATIVES_TABLE = 'representatives';

/**
 * Representatives with their details still sealed. The data keys are NOT here: they live in the key
 * table outside the log (PERSONAL_DATA_KEYS), and details are unsealed only when read
 * (RepresentativesQueries). A restricted person is marked; an erased one loses even the sealed text
 * (`details` NULL), and reads as erased whether or not its key was shredded yet.
 */
export const representativesProjection: Projection = {
  name: 'representatives',
  version: 2, // 2: keys moved out of the log and this database; restricted / erased
  handles: ['RepresentativeAdded', 'RepresentativeRemoved', 'PersonalDataRestricted', 'PersonalDataErased'],
  tables: [REPRESENTATIVES_TABLE],
  setup(db: Database) {
    db.exec(`DROP TABLE IF EXISTS personal_data_keys`); // version 1 kept keys here
    db.exec(`CREATE TABLE IF NOT EXISTS ${REPRESENTATIVES_TABLE} (
      id TEXT PRIMARY KEY,
      organization_id TEXT NOT NULL,
      details TEXT,
      added_at TEXT NOT NULL,
      removed INTEGER NOT NULL DEFAULT 0,
      restricted INTEGER NOT NULL DEFAULT 0,
      erased INTEGER NOT NULL DEFAULT 0
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS representatives_by_organization ON ${REPRESENTATIVES_TABLE} (organization_id, added_at)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const e = { type: event.type, data: event.data } as RepresentativeEvent;
    const sql = statements(db);
    switch (e.type) {
      case 'RepresentativeAdded':
        sql.add.run({
          id: e.data.representativeId,
          organization: e.data.organizationId,
          details: e.data.details,
          at: String((event.metadata as { occurredAt?: string }).occurredAt ?? event.recordedAt),
        });
        break;
      case 'RepresentativeRemoved':
        sql.remove.run(e.data.representativeId);
        break;
      case 'PersonalDataRestricted':
        sql.restrict.run(e.data.representativeId);
        break;
      case 'PersonalDataErased':
        sql.erase.run(e.data.representativeId);
        break;
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  add: db.prepare(
    `INSERT INTO ${REPRESENTATIVES_TABLE} (id, organization_id, details, added_at) VALUES (@id, @organization, @details, @at)
     ON CONFLICT DO NOTHING`,
  ),
  // Kept (marked removed): a removed representative can still be restricted or forgotten, and found by id.
  remove: db.prepare<[string]>(`UPDATE ${REPRESENTATIVES_TABLE} SET removed = 1 WHERE id = ?`),
  restrict: db.prepare<[string]>(`UPDATE ${REPRESENTATIVES_TABLE} SET restricted = 1 WHERE id = ?`),
  erase: db.prepare<[string]>(`UPDATE ${REPRESENTATIVES_TABLE} SET erased = 1, details = NULL WHERE id = ?`),
}));

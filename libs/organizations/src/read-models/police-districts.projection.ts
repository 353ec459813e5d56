import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { POLICE_DISTRICT_EVENT_TYPES, type PoliceDistrictEvent } from '../domain/police-district.events';

export const POLICE_DISTRICTS_TABLE = 'police_districts';

/** The register of police districts: each district's first day and, after a merge, its successor. */
export const policeDistrictsProjection: Projection = {
  name: 'police-districts',
  version: 1,
  handles: POLICE_DISTRICT_EVENT_TYPES,
  tables: [POLICE_DISTRICTS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${POLICE_DISTRICTS_TABLE} (
      organization_id TEXT PRIMARY KEY,
      from_date TEXT NOT NULL,
      merged_into TEXT,
      merged_on TEXT
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS police_districts_by_successor ON ${POLICE_DISTRICTS_TABLE} (merged_into)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const s = statements(db);
    const e = { type: event.type, data: event.data } as PoliceDistrictEvent;
    if (e.type === 'PoliceDistrictRegistered') {
      s.register.run({ id: e.data.organizationId, from: e.data.from });
    } else if (e.type === 'PoliceDistrictsMerged') {
      s.register.run({ id: e.data.intoOrganizationId, from: e.data.on });
      for (const id of e.data.mergedOrganizationIds) s.merge.run({ id, into: e.data.intoOrganizationId, on: e.data.on });
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  register: db.prepare(`INSERT INTO ${POLICE_DISTRICTS_TABLE} (organization_id, from_date) VALUES (@id, @from) ON CONFLICT DO NOTHING`),
  merge: db.prepare(`UPDATE ${POLICE_DISTRICTS_TABLE} SET merged_into = @into, merged_on = @on WHERE organization_id = @id`),
}));

import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { ROLE_OF_KIND } from '../domain/organization-roles';
import { ORGANIZATION_EVENT_TYPES, type OrganizationEvent } from '../domain/organization.events';

export const ORGANIZATION_ROLES_TABLE = 'organization_role_periods';
export const ORGANIZATION_NAMES_TABLE = 'organization_names';

/**
 * An organisation's history: its roles as periods [from, until) and its names from the day each
 * took effect. The role its kind implies opens at registration (ROLE_OF_KIND); a role ended closes
 * the open period opened by an earlier event of the organisation's stream, so a re-applied event
 * never closes a later period. A second name on the same day replaces that day's name.
 */
export const organizationHistoryProjection: Projection = {
  name: 'organization-history',
  version: 1,
  handles: ORGANIZATION_EVENT_TYPES,
  tables: [ORGANIZATION_ROLES_TABLE, ORGANIZATION_NAMES_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${ORGANIZATION_ROLES_TABLE} (
      organization_id TEXT NOT NULL,
      role TEXT NOT NULL,
      from_date TEXT NOT NULL,
      until_date TEXT,
      end_reason TEXT,
      opened_revision INTEGER NOT NULL,
      PRIMARY KEY (organization_id, role, opened_revision)
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS organization_roles_by_role ON ${ORGANIZATION_ROLES_TABLE} (role, from_date)`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${ORGANIZATION_NAMES_TABLE} (
      organization_id TEXT NOT NULL,
      from_date TEXT NOT NULL,
      name TEXT NOT NULL,
      short_name TEXT,
      PRIMARY KEY (organization_id, from_date)
    )`);
  },
  apply(db: Database, event: RecordedEvent) {
    const s = statements(db);
    const e = { type: event.type, data: event.data } as OrganizationEvent;
    switch (e.type) {
      case 'OrganizationRegistered': {
        const role = ROLE_OF_KIND[e.data.kind];
        if (role) s.open.run({ organization: e.data.organizationId, role, from: e.data.from, revision: event.revision });
        s.name.run({ organization: e.data.organizationId, from: e.data.from, name: e.data.name, short_name: e.data.shortName });
        break;
      }
      case 'OrganizationRenamed':
        s.name.run({ organization: e.data.organizationId, from: e.data.from, name: e.data.name, short_name: e.data.shortName });
        break;
      case 'OrganizationRoleGranted':
        s.open.run({ organization: e.data.organizationId, role: e.data.role, from: e.data.from, revision: event.revision });
        break;
      case 'OrganizationRoleEnded':
        s.close.run({ organization: e.data.organizationId, role: e.data.role, until: e.data.until, reason: e.data.reason, revision: event.revision });
        break;
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  open: db.prepare(
    `INSERT INTO ${ORGANIZATION_ROLES_TABLE} (organization_id, role, from_date, until_date, end_reason, opened_revision)
     VALUES (@organization, @role, @from, NULL, NULL, @revision) ON CONFLICT DO NOTHING`,
  ),
  close: db.prepare(
    `UPDATE ${ORGANIZATION_ROLES_TABLE} SET until_date = @until, end_reason = @reason
     WHERE organization_id = @organization AND role = @role AND until_date IS NULL AND opened_revision < @revision`,
  ),
  name: db.prepare(
    `INSERT INTO ${ORGANIZATION_NAMES_TABLE} (organization_id, from_date, name, short_name) VALUES (@organization, @from, @name, @short_name)
     ON CONFLICT (organization_id, from_date) DO UPDATE SET name = excluded.name, short_name = excluded.short_name`,
  ),
}));

import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import type { GroupEvent } from '../domain/group.events';

export const MEMBERSHIP_PERIODS_TABLE = 'group_membership_periods';

/**
 * Membership of the groups as periods [from, to): `to` is the first day the organisation is no
 * longer a member, null while it still is. "Who was a member on day D" is a range query.
 * A leaving closes the open period opened by an earlier event of the group's stream, so a
 * re-applied event (rebuild) never closes a later period.
 */
export const groupMembershipProjection: Projection = {
  name: 'group-membership',
  version: 1,
  handles: ['OrganizationAdmittedToGroup', 'OrganizationLeftGroup'],
  tables: [MEMBERSHIP_PERIODS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${MEMBERSHIP_PERIODS_TABLE} (
      group_kind TEXT NOT NULL,
      organization_id TEXT NOT NULL,
      from_date TEXT NOT NULL,
      to_date TEXT,
      leaving_reason TEXT,
      opened_revision INTEGER NOT NULL,
      PRIMARY KEY (group_kind, organization_id, opened_revision)
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS group_membership_by_group ON ${MEMBERSHIP_PERIODS_TABLE} (group_kind, from_date)`);
    db.exec(`CREATE INDEX IF NOT EXISTS group_membership_by_organization ON ${MEMBERSHIP_PERIODS_TABLE} (organization_id)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const e = { type: event.type, data: event.data } as GroupEvent;
    if (e.type === 'OrganizationAdmittedToGroup') {
      statements(db).open.run({
        group: e.data.groupKind,
        organization: e.data.organizationId,
        from: e.data.effectiveFrom,
        revision: event.revision,
      });
    } else if (e.type === 'OrganizationLeftGroup') {
      statements(db).close.run({
        group: e.data.groupKind,
        organization: e.data.organizationId,
        to: e.data.effectiveFrom,
        reason: e.data.reason,
        revision: event.revision,
      });
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  open: db.prepare(
    `INSERT INTO ${MEMBERSHIP_PERIODS_TABLE} (group_kind, organization_id, from_date, to_date, leaving_reason, opened_revision)
     VALUES (@group, @organization, @from, NULL, NULL, @revision)
     ON CONFLICT DO NOTHING`,
  ),
  close: db.prepare(
    `UPDATE ${MEMBERSHIP_PERIODS_TABLE} SET to_date = @to, leaving_reason = @reason
     WHERE group_kind = @group AND organization_id = @organization AND to_date IS NULL AND opened_revision < @revision`,
  ),
}));

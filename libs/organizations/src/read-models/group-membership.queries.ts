import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import type { GroupKind } from '../domain/group.events';
import { isCalendarDate } from '../domain/calendar-date';
import { MEMBERSHIP_PERIODS_TABLE } from './group-membership.projection';

export interface MembershipPeriodRow {
  groupKind: GroupKind;
  organizationId: string;
  /** First day of membership, YYYY-MM-DD. */
  from: string;
  /** First day no longer a member; null while a member. */
  to: string | null;
  leavingReason: string | null;
}

const COLUMNS = `group_kind AS groupKind, organization_id AS organizationId, from_date AS "from", to_date AS "to", leaving_reason AS leavingReason`;

/**
 * Who belongs to KOM's groups, on any day. Public: the meetings context asks it (through a port)
 * who may take part in a group's meeting on the meeting's date.
 */
@Injectable()
export class GroupMembershipQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  /** The ids of the organisations that were members on `date` (YYYY-MM-DD), ordered by id. */
  membersOn(groupKind: GroupKind, date: string): string[] {
    requireDate(date);
    return (
      prepared(this.readModels.db,
          `SELECT DISTINCT organization_id AS id FROM ${MEMBERSHIP_PERIODS_TABLE}
           WHERE group_kind = ? AND from_date <= ? AND (to_date IS NULL OR to_date > ?) ORDER BY organization_id`,
        )
        .all(groupKind, date, date) as Array<{ id: string }>
    ).map((row) => row.id);
  }

  isMemberOn(groupKind: GroupKind, organizationId: string, date: string): boolean {
    requireDate(date);
    return (
      prepared(this.readModels.db,
          `SELECT 1 FROM ${MEMBERSHIP_PERIODS_TABLE}
           WHERE group_kind = ? AND organization_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date > ?) LIMIT 1`,
        )
        .get(groupKind, organizationId, date, date) !== undefined
    );
  }

  /** Every membership period of one organisation, oldest first. */
  periodsOf(organizationId: string): MembershipPeriodRow[] {
    return prepared(this.readModels.db, `SELECT ${COLUMNS} FROM ${MEMBERSHIP_PERIODS_TABLE} WHERE organization_id = ? ORDER BY from_date, group_kind`)
      .all(organizationId) as MembershipPeriodRow[];
  }
}

function requireDate(date: string): void {
  // A programming error in the caller, not a client's input: the GraphQL layer parses asOf first.
  if (!isCalendarDate(date)) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
}

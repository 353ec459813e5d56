import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import type { OrganizationRole, RolePeriod } from '../domain/organization-roles';
import { ORGANIZATION_NAMES_TABLE, ORGANIZATION_ROLES_TABLE } from './organization-history.projection';

export interface NameRow {
  readonly from: string;
  readonly name: string;
  readonly shortName: string | null;
}

@Injectable()
export class OrganizationHistoryQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  /** Every period of every role, oldest first. */
  rolePeriodsOf(organizationId: string): RolePeriod[] {
    return this.readModels.db
      .prepare(
        `SELECT role, from_date AS "from", until_date AS until, end_reason AS endReason FROM ${ORGANIZATION_ROLES_TABLE}
         WHERE organization_id = ? ORDER BY from_date, opened_revision`,
      )
      .all(organizationId) as RolePeriod[];
  }

  /** The organisations holding a role on a day. */
  holdersOn(role: OrganizationRole, day: string): string[] {
    const rows = this.readModels.db
      .prepare(
        `SELECT DISTINCT organization_id AS id FROM ${ORGANIZATION_ROLES_TABLE}
         WHERE role = ? AND from_date <= ? AND (until_date IS NULL OR until_date > ?) ORDER BY organization_id`,
      )
      .all(role, day, day) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Every name, oldest first. */
  namesOf(organizationId: string): NameRow[] {
    return this.readModels.db
      .prepare(`SELECT from_date AS "from", name, short_name AS shortName FROM ${ORGANIZATION_NAMES_TABLE} WHERE organization_id = ? ORDER BY from_date`)
      .all(organizationId) as NameRow[];
  }

  /** The name on a day; undefined before the organisation's first day in the register. */
  nameOn(organizationId: string, day: string): NameRow | undefined {
    return this.readModels.db
      .prepare(
        `SELECT from_date AS "from", name, short_name AS shortName FROM ${ORGANIZATION_NAMES_TABLE}
         WHERE organization_id = ? AND from_date <= ? ORDER BY from_date DESC LIMIT 1`,
      )
      .get(organizationId, day) as NameRow | undefined;
  }
}

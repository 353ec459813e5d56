import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { POLICE_DISTRICTS_TABLE } from './police-districts.projection';

export interface PoliceDistrictRow {
  readonly organizationId: string;
  /** The first day it was a district. */
  readonly from: string;
  /** The district that took its place on `mergedOn`; null while a district of its own. */
  readonly mergedInto: string | null;
  readonly mergedOn: string | null;
}

const COLUMNS = `organization_id AS organizationId, from_date AS "from", merged_into AS mergedInto, merged_on AS mergedOn`;

@Injectable()
export class PoliceDistrictsQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  byId(organizationId: string): PoliceDistrictRow | undefined {
    return this.readModels.db.prepare(`SELECT ${COLUMNS} FROM ${POLICE_DISTRICTS_TABLE} WHERE organization_id = ?`).get(organizationId) as
      | PoliceDistrictRow
      | undefined;
  }

  /** The districts on a day: from then or earlier, not merged by then. */
  districtsOn(day: string): PoliceDistrictRow[] {
    return this.readModels.db
      .prepare(`SELECT ${COLUMNS} FROM ${POLICE_DISTRICTS_TABLE} WHERE from_date <= @day AND (merged_on IS NULL OR merged_on > @day) ORDER BY organization_id`)
      .all({ day }) as PoliceDistrictRow[];
  }

  /** Every district ever in the register. */
  all(): PoliceDistrictRow[] {
    return this.readModels.db.prepare(`SELECT ${COLUMNS} FROM ${POLICE_DISTRICTS_TABLE} ORDER BY organization_id`).all() as PoliceDistrictRow[];
  }

  /** The organisation that holds a district's place on a day: the end of its chain of merges by then (itself if none). */
  holderOn(organizationId: string, day: string): string {
    let current = organizationId;
    for (let guard = 0; guard < 100; guard++) {
      const row = this.byId(current);
      if (!row?.mergedInto || row.mergedOn === null || row.mergedOn > day) return current;
      current = row.mergedInto;
    }
    return current;
  }

  /** The districts whose place an organisation holds on a day (merged into it, directly or through earlier merges). */
  predecessorsOn(organizationId: string, day: string): PoliceDistrictRow[] {
    const found: PoliceDistrictRow[] = [];
    const queue = [organizationId];
    const seen = new Set(queue);
    const merged = this.readModels.db.prepare(`SELECT ${COLUMNS} FROM ${POLICE_DISTRICTS_TABLE} WHERE merged_into = ? AND merged_on <= ? ORDER BY organization_id`);
    while (queue.length > 0) {
      for (const row of merged.all(queue.shift()!, day) as PoliceDistrictRow[]) {
        if (seen.has(row.organizationId)) continue;
        seen.add(row.organizationId);
        found.push(row);
        queue.push(row.organizationId);
      }
    }
    return found;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { unseal } from '../domain/personal-data';
import { PERSONAL_DATA_KEYS_TABLE, REPRESENTATIVES_TABLE } from './representatives.projection';

export interface RepresentativeRow {
  id: string;
  organizationId: string;
  /** Null when erased: the data key is gone (or the sealed text does not open with it). */
  name: string | null;
  email: string | null;
  erased: boolean;
  addedAt: string;
}

interface StoredRow {
  id: string;
  organizationId: string;
  details: string;
  addedAt: string;
  key: string | null;
}

const SELECT = `SELECT r.id, r.organization_id AS organizationId, r.details, r.added_at AS addedAt, k.key
  FROM ${REPRESENTATIVES_TABLE} r LEFT JOIN ${PERSONAL_DATA_KEYS_TABLE} k ON k.subject_id = r.id`;

/** Current representatives, unsealed on the way out. Who may see them is the resolver's business. */
@Injectable()
export class RepresentativesQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  byId(id: string): RepresentativeRow | undefined {
    const row = this.readModels.db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as StoredRow | undefined;
    return row && open(row);
  }

  ofOrganization(organizationId: string): RepresentativeRow[] {
    const rows = this.readModels.db.prepare(`${SELECT} WHERE r.organization_id = ? ORDER BY r.added_at, r.id`).all(organizationId) as StoredRow[];
    return rows.map(open);
  }
}

function open(row: StoredRow): RepresentativeRow {
  const details = row.key === null ? undefined : unseal(row.details, row.id, Buffer.from(row.key, 'base64'));
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: details?.name ?? null,
    email: details?.email ?? null,
    erased: details === undefined,
    addedAt: row.addedAt,
  };
}

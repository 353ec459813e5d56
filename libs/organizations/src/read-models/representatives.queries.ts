import { Inject, Injectable } from '@nestjs/common';
import { PERSONAL_DATA_KEYS, READ_MODELS, type PersonalDataKeys } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import { unseal } from '../domain/personal-data';
import { REPRESENTATIVES_TABLE } from './representatives.projection';

export interface RepresentativeRow {
  id: string;
  organizationId: string;
  /** Null when erased (or the key is gone), and when restricted for a reader who may not see it. */
  name: string | null;
  email: string | null;
  erased: boolean;
  restricted: boolean;
  removed: boolean;
  addedAt: string;
}

interface StoredRow {
  id: string;
  organizationId: string;
  details: string | null;
  addedAt: string;
  removed: number;
  restricted: number;
  erased: number;
}

/** Who reads: auditors see restricted data (not erased data: nobody can). */
export interface RepresentativeReader {
  readonly revealRestricted: boolean;
}

const SELECT = `SELECT id, organization_id AS organizationId, details, added_at AS addedAt, removed, restricted, erased FROM ${REPRESENTATIVES_TABLE}`;

/** Representatives, unsealed on the way out with their key from the key table. Who may see them is the resolver's business. */
@Injectable()
export class RepresentativesQueries {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModelDatabase,
    @Inject(PERSONAL_DATA_KEYS) private readonly keys: PersonalDataKeys,
  ) {}

  /** Also a removed representative (`removed: true`). */
  async byId(id: string, reader: RepresentativeReader): Promise<RepresentativeRow | undefined> {
    const row = prepared(this.readModels.db, `${SELECT} WHERE id = ?`).get(id) as StoredRow | undefined;
    return row && this.open(row, reader);
  }

  /** The current representatives (not removed). */
  async ofOrganization(organizationId: string, reader: RepresentativeReader): Promise<RepresentativeRow[]> {
    const rows = prepared(this.readModels.db, `${SELECT} WHERE organization_id = ? AND removed = 0 ORDER BY added_at, id`)
      .all(organizationId) as StoredRow[];
    return Promise.all(rows.map((row) => this.open(row, reader)));
  }

  /** Ids of erased persons (to shred any key left behind by a crash between the event and the shredding). */
  erasedIds(): string[] {
    return (prepared(this.readModels.db, `SELECT id FROM ${REPRESENTATIVES_TABLE} WHERE erased = 1`).all() as Array<{ id: string }>).map((r) => r.id);
  }

  /** The key is read from the key table each time: a key shredded by another replica is gone here too. */
  private async open(row: StoredRow, reader: RepresentativeReader): Promise<RepresentativeRow> {
    const erased = row.erased === 1;
    const restricted = row.restricted === 1;
    const hidden = erased || (restricted && !reader.revealRestricted);
    const key = hidden || row.details === null ? undefined : await this.keys.get(row.id);
    const details = key === undefined || row.details === null ? undefined : unseal(row.details, row.id, key);
    return {
      id: row.id,
      organizationId: row.organizationId,
      name: details?.name ?? null,
      email: details?.email ?? null,
      // No key and no text to open: the data is gone, whether or not the erasure event reached this replica.
      erased: erased || (!hidden && details === undefined),
      restricted,
      removed: row.removed === 1,
      addedAt: row.addedAt,
    };
  }
}

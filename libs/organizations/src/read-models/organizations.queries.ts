import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import { nameKeyDigest } from '@kom/kernel';
import { memoized, prepared, type ReadModelDatabase } from '@kom/projections';
import type { OrganizationKind } from '../domain/organization.events';
import { nameSortKey } from './name-sort-key';
import { ORGANIZATIONS_TABLE } from './organizations.projection';

export interface OrganizationRow {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
  registeredAt: string;
  updatedAt: string;
  revision: number;
}

const COLUMNS = `id, name, short_name AS shortName, kind, registered_at AS registeredAt, updated_at AS updatedAt, revision`;

@Injectable()
export class OrganizationsQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  byId(id: string): OrganizationRow | undefined {
    return prepared(this.readModels.db, `SELECT ${COLUMNS} FROM ${ORGANIZATIONS_TABLE} WHERE id = ?`).get(id) as
      | OrganizationRow
      | undefined;
  }

  /** The organisations whose current name looks like `name` (the same @kom/kernel nameKey), by id. */
  idsWithNameLike(name: string): string[] {
    const rows = prepared(this.readModels.db, `SELECT id FROM ${ORGANIZATIONS_TABLE} WHERE name_key = ? ORDER BY id`).all(nameKeyDigest(name)) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Ordered by name (see nameSortKey), then id; `after` is the previous page's last (name, id) key. */
  page(options: { limit: number; after?: { name: string; id: string }; kind?: OrganizationKind }): readonly OrganizationRow[] {
    // The register is read on most pages and changes rarely: one answer per state of the read models.
    const key = `organizations.page ${options.limit} ${options.kind ?? ''} ${options.after ? JSON.stringify([options.after.name, options.after.id]) : ''}`;
    return memoized(this.readModels.db, key, () => this.readPage(options));
  }

  private readPage(options: { limit: number; after?: { name: string; id: string }; kind?: OrganizationKind }): OrganizationRow[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: options.limit };
    if (options.kind) {
      where.push('kind = @kind');
      params.kind = options.kind;
    }
    if (options.after) {
      where.push('(sort_key, id) > (@afterKey, @afterId)');
      params.afterKey = nameSortKey(options.after.name);
      params.afterId = options.after.id;
    }
    const sql = `SELECT ${COLUMNS} FROM ${ORGANIZATIONS_TABLE} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY sort_key, id LIMIT @limit`;
    return prepared(this.readModels.db, sql).all(params) as OrganizationRow[];
  }
}

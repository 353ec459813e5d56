import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import type { Agreement } from '../domain/agreement.state';
import { AGREEMENTS_TABLE, AGREEMENT_CITATIONS_TABLE, AGREEMENT_PARTIES_TABLE } from './agreements.projection';

export interface AgreementRow {
  readonly agreement: Agreement;
  readonly draftedAt: string;
  readonly updatedAt: string;
  /** The stream revision: pass it as expectedRevision. */
  readonly revision: number;
}

interface RawRow {
  id: string;
  facts: string;
  draftedAt: string;
  updatedAt: string;
  revision: number;
}

const COLUMNS = `a.id, a.facts, a.drafted_at AS draftedAt, a.updated_at AS updatedAt, a.revision`;

const toRow = (raw: RawRow): AgreementRow => ({
  agreement: JSON.parse(raw.facts) as Agreement,
  draftedAt: raw.draftedAt,
  updatedAt: raw.updatedAt,
  revision: raw.revision,
});

@Injectable()
export class AgreementsQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  byId(id: string): AgreementRow | undefined {
    const raw = prepared(this.readModels.db, `SELECT ${COLUMNS} FROM ${AGREEMENTS_TABLE} a WHERE a.id = ?`).get(id) as RawRow | undefined;
    return raw && toRow(raw);
  }

  /**
   * Agreements in the order they were drafted (then id), after the (draftedAt, id) key, narrowed by
   * party and cited decision in SQL. Lazy: the caller applies the time-dependent filters (status,
   * expiry, visibility) and stops when its page is full.
   */
  *scan(options: { after?: { draftedAt: string; id: string }; partyIds?: readonly string[]; decisionId?: string }): Generator<AgreementRow> {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (options.partyIds && options.partyIds.length > 0) {
      const names = options.partyIds.map((id, i) => {
        params[`party${i}`] = id;
        return `@party${i}`;
      });
      where.push(`EXISTS (SELECT 1 FROM ${AGREEMENT_PARTIES_TABLE} p WHERE p.agreement_id = a.id AND p.organization_id IN (${names.join(', ')}))`);
    }
    if (options.decisionId) {
      where.push(`EXISTS (SELECT 1 FROM ${AGREEMENT_CITATIONS_TABLE} c WHERE c.agreement_id = a.id AND c.decision_id = @decisionId)`);
      params.decisionId = options.decisionId;
    }
    if (options.after) {
      where.push('(a.drafted_at, a.id) > (@afterAt, @afterId)');
      params.afterAt = options.after.draftedAt;
      params.afterId = options.after.id;
    }
    const sql = `SELECT ${COLUMNS} FROM ${AGREEMENTS_TABLE} a ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY a.drafted_at, a.id`;
    // All rows are read before the first is handed out: no statement stays open across yields.
    const rows = prepared(this.readModels.db, sql).all(params) as RawRow[];
    for (const raw of rows) yield toRow(raw);
  }
}

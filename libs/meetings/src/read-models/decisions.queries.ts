import { DEFAULT_PLAN_ID, osloDate, type MeasureCitationRef } from '@kom/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import { memoized, prepared, type ReadModelDatabase } from '@kom/projections';
import type { MeetingKind, Position } from '../domain/meeting.events';
import { AGENDA_ITEMS_TABLE } from './agenda.projection';
import { DECISIONS_TABLE, DECISION_POSITIONS_TABLE } from './decisions.projection';
import { MEETINGS_TABLE } from './meetings.projection';

export type DecisionStatus = 'ACTIVE' | 'SUPERSEDED' | 'REVOKED';

export interface DecisionView {
  id: string;
  meetingId: string;
  agendaItemId: string;
  text: string;
  rationale: string;
  /** (plan, number) pairs. */
  citedMeasures: MeasureCitationRef[];
  reviewDate: string | null;
  status: DecisionStatus;
  supersedes: string | null;
  supersededBy: string | null;
  revokedReason: string | null;
  /** The research need it was flagged as pointing to, if any. */
  researchNeed: string | null;
  /** When it was recorded (ISO instant: metadata.occurredAt of its DecisionRecorded), also when answered asOf. */
  recordedAt: string | null;
}

export interface PositionView {
  decisionId: string;
  organizationId: string;
  position: Position;
  reason: string | null;
  /** The organisation's representative who recorded it; null when not recorded. */
  representativeId: string | null;
}

export interface DecisionFilter {
  /** Decisions citing this measure number (of `plan`). */
  measure?: number | null;
  /** The plan of `measure` (default: 2011-2014). */
  plan?: string | null;
  /**
   * Decisions concerning this organisation: it recorded a position on the decision, OR it presents
   * the agenda item the decision was taken on.
   */
  organizationId?: string | null;
  /** The body: the kind of the meeting that took the decision. */
  kind?: MeetingKind | null;
  status?: DecisionStatus | null;
  /** Decisions taken at this meeting. */
  meetingId?: string | null;
  /** Decisions whose text or rationale contains this (case-insensitive, also for æ, ø, å). */
  text?: string | null;
  /** ISO 8601 instants on recordedAt: from inclusive, to exclusive. */
  from?: string | null;
  to?: string | null;
}

const COLUMNS = `d.id, d.meeting_id AS meetingId, d.agenda_item_id AS agendaItemId, d.text, d.rationale, d.cited_measures AS citedMeasures,
  d.review_date AS reviewDate, d.status, d.supersedes, d.superseded_by AS supersededBy, d.revoked_reason AS revokedReason,
  d.research_need AS researchNeed, d.recorded_at AS recordedAt`;

type Row = Omit<DecisionView, 'citedMeasures'> & { citedMeasures: string };
const toView = (row: Row): DecisionView => ({ ...row, citedMeasures: JSON.parse(row.citedMeasures) as MeasureCitationRef[] });

/** SQLite's lower() folds ASCII only; Norwegian text needs Æ, Ø and Å folded too. */
const foldCase = (column: string) => `replace(replace(replace(lower(${column}), 'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å')`;

@Injectable()
export class DecisionsQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  byId(id: string): DecisionView | undefined {
    const row = prepared(this.readModels.db, `SELECT ${COLUMNS} FROM ${DECISIONS_TABLE} d WHERE d.id = ?`).get(id) as Row | undefined;
    return row && toView(row);
  }

  /** Decisions flagged as pointing to a research need in the year (Europe/Oslo), in the order flagged. */
  researchNeeds(year: number): DecisionView[] {
    const rows = prepared(this.readModels.db, `SELECT ${COLUMNS}, d.research_need_at AS flaggedAt FROM ${DECISIONS_TABLE} d WHERE d.research_need IS NOT NULL ORDER BY d.research_need_at, d.id`)
      .all() as Array<Row & { flaggedAt: string }>;
    return rows.filter((r) => osloDate(r.flaggedAt).startsWith(`${year}-`)).map(({ flaggedAt: _at, ...row }) => toView(row));
  }

  byMeeting(meetingId: string): readonly DecisionView[] {
    return memoized(this.readModels.db, `decisions.byMeeting ${meetingId}`, () => this.readByMeeting(meetingId));
  }

  private readByMeeting(meetingId: string): DecisionView[] {
    const rows = prepared(this.readModels.db, `SELECT ${COLUMNS} FROM ${DECISIONS_TABLE} d WHERE d.meeting_id = ? ORDER BY d.recorded_at, d.id`)
      .all(meetingId) as Row[];
    return rows.map(toView);
  }

  // Read for each decision of a meeting page (20 small reads per request): shared until a change.
  positions(decisionId: string): readonly PositionView[] {
    return memoized(this.readModels.db, `decisions.positions ${decisionId}`, () => this.readPositions(decisionId));
  }

  private readPositions(decisionId: string): PositionView[] {
    return prepared(this.readModels.db,
        `SELECT decision_id AS decisionId, organization_id AS organizationId, position, reason, representative_id AS representativeId FROM ${DECISION_POSITIONS_TABLE}
         WHERE decision_id = ? ORDER BY organization_id`,
      )
      .all(decisionId) as PositionView[];
  }

  /** Ordered by when recorded, then id; `after` is the previous page's last (recordedAt, id). */
  page(options: { limit: number; after?: { recordedAt: string; id: string }; filter?: DecisionFilter }): DecisionView[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: options.limit };
    const f = options.filter ?? {};
    if (f.measure !== undefined && f.measure !== null) {
      where.push("EXISTS (SELECT 1 FROM json_each(d.cited_measures) WHERE json_extract(value, '$.plan') = @plan AND json_extract(value, '$.number') = @measure)");
      params.measure = f.measure;
      params.plan = f.plan ?? DEFAULT_PLAN_ID;
    }
    if (f.organizationId) {
      where.push(`(EXISTS (SELECT 1 FROM ${DECISION_POSITIONS_TABLE} p WHERE p.decision_id = d.id AND p.organization_id = @org)
        OR EXISTS (SELECT 1 FROM ${AGENDA_ITEMS_TABLE} a WHERE a.meeting_id = d.meeting_id AND a.item_id = d.agenda_item_id
                   AND a.presenting_organization_id = @org))`);
      params.org = f.organizationId;
    }
    if (f.kind) {
      where.push(`EXISTS (SELECT 1 FROM ${MEETINGS_TABLE} m WHERE m.id = d.meeting_id AND m.kind = @kind)`);
      params.kind = f.kind;
    }
    if (f.status) (where.push('d.status = @status'), (params.status = f.status));
    if (f.meetingId) (where.push('d.meeting_id = @meetingId'), (params.meetingId = f.meetingId));
    const words = (f.text ?? '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
    if (words) {
      where.push(`(instr(${foldCase('d.text')}, @words) > 0 OR instr(${foldCase('d.rationale')}, @words) > 0)`);
      params.words = words;
    }
    if (f.from) (where.push('d.recorded_at >= @from'), (params.from = f.from));
    if (f.to) (where.push('d.recorded_at < @to'), (params.to = f.to));
    if (options.after) {
      where.push('(d.recorded_at, d.id) > (@afterRecordedAt, @afterId)');
      params.afterRecordedAt = options.after.recordedAt;
      params.afterId = options.after.id;
    }
    const sql = `SELECT ${COLUMNS} FROM ${DECISIONS_TABLE} d ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY d.recorded_at, d.id LIMIT @limit`;
    return (prepared(this.readModels.db, sql).all(params) as Row[]).map(toView);
  }
}

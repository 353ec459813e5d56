import { DEFAULT_PLAN_ID, measureKey, osloDate, type MeasureCitationRef } from '@kom/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS } from '@kom/platform';
import { prepared, type ReadModelDatabase } from '@kom/projections';
import type { ExploitationForm, IssueCategory, IssueStatus } from '../domain/issue.events';
import {
  ISSUES_TABLE,
  ISSUE_COMMENTS_TABLE,
  ISSUE_MEASURES_TABLE,
  ISSUE_TAGS_TABLE,
  ISSUE_TIMELINE_TABLE,
} from './issues.projection';
import { LINEAGE_ACTION_ITEMS_TABLE, LINEAGE_AGENDA_ITEMS_TABLE, LINEAGE_DECISIONS_TABLE } from './issue-lineage.projection';

export interface IssueView {
  id: string;
  status: IssueStatus;
  organizationId: string;
  title: string;
  description: string;
  category: IssueCategory;
  tags: ExploitationForm[];
  /** (plan, number) pairs. */
  citedMeasures: MeasureCitationRef[];
  urgencyReason: string | null;
  citedIssueIds: string[];
  submittedAt: string;
  /** The organisation's registered representative who submitted it; null when not recorded. */
  submittedByRepresentativeId: string | null;
  meetingId: string | null;
  agendaItemId: string | null;
  outcomeAt: string | null;
  outcomeDecisionId: string | null;
  closingReason: string | null;
  /** The research need it was flagged as pointing to, if any. */
  researchNeed: string | null;
  /** The issue this one was found to duplicate (then it is closed). */
  duplicateOfIssueId: string | null;
  revision: number;
  /** Set when the view is the issue as it stood at an instant (timeline and lineage follow it). */
  asOf: string | null;
  /** Ordering key of lists (the position of its submission). */
  seq: number;
}

export interface IssueFilter {
  status?: IssueStatus | null;
  submittingOrganizationId?: string | null;
  category?: IssueCategory | null;
  tag?: ExploitationForm | null;
  measure?: number | null;
  /** The plan of `measure` (default: 2011-2014). */
  plan?: string | null;
  year?: number | null;
  /** Only issues the reference group forwarded (whatever became of them since). */
  forwarded?: boolean | null;
}

export interface IssueCommentView {
  commentId: string;
  organizationId: string;
  text: string;
  at: string;
}

export interface IssueTimelineView {
  event: string;
  status: IssueStatus;
  at: string;
  userId: string | null;
  organizationId: string | null;
  role: string | null;
  meetingId: string | null;
  agendaItemId: string | null;
  decisionId: string | null;
  note: string | null;
}

export interface IssueLineageView {
  agendaItems: Array<{ meetingId: string; agendaItemId: string; title: string; removed: boolean; at: string }>;
  decisions: Array<{ decisionId: string; meetingId: string; agendaItemId: string; text: string; status: string; at: string }>;
  actionItems: Array<{
    actionItemId: string;
    meetingId: string;
    decisionId: string | null;
    agendaItemId: string | null;
    description: string;
    responsibleOrganizationId: string;
    dueDate: string;
    status: string;
    at: string;
  }>;
}

export interface CountView {
  key: string;
  count: number;
}

export interface IssueStatisticsView {
  year: number;
  submitted: number;
  byStatus: CountView[];
  byCategory: CountView[];
  byTag: CountView[];
  byMeasure: CountView[];
  outcomes: number;
  medianDaysToOutcome: number | null;
}

const COLUMNS = `id, seq, status, organization_id AS organizationId, title, description, category, tags, cited_measures AS citedMeasures,
  urgency_reason AS urgencyReason, cited_issue_ids AS citedIssueIds, submitted_at AS submittedAt,
  submitted_by_representative AS submittedByRepresentativeId, meeting_id AS meetingId,
  agenda_item_id AS agendaItemId, outcome_at AS outcomeAt, outcome_decision_id AS outcomeDecisionId, closing_reason AS closingReason, research_need AS researchNeed,
  duplicate_of AS duplicateOfIssueId, revision`;

type Row = Omit<IssueView, 'tags' | 'citedMeasures' | 'citedIssueIds' | 'asOf'> & { tags: string; citedMeasures: string; citedIssueIds: string };

const toView = (row: Row): IssueView => ({
  ...row,
  tags: JSON.parse(row.tags) as ExploitationForm[],
  citedMeasures: JSON.parse(row.citedMeasures) as MeasureCitationRef[],
  citedIssueIds: JSON.parse(row.citedIssueIds) as string[],
  asOf: null,
});

const DAY_MS = 86_400_000;

/** Meetings events that belong to an issue's story when they concern its agenda items, decisions or action items. */
export const ISSUE_STORY_MEETING_EVENTS: ReadonlySet<string> = new Set([
  'AgendaItemAdded',
  'AgendaItemUpdated',
  'AgendaItemRemoved',
  'DecisionRecorded',
  'PositionRecorded',
  'DecisionSuperseded',
  'DecisionRevoked',
  'DecisionResearchNeedFlagged',
  'ActionItemAssigned',
  'ActionItemCompleted',
  'ActionItemCancelled',
]);

/** The issues read models: lists, one issue, its comments, timeline and lineage, and the yearly figures. */
@Injectable()
export class IssuesQueries {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModelDatabase) {}

  private get db() {
    return this.readModels.db;
  }

  byId(id: string): IssueView | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM ${ISSUES_TABLE} WHERE id = ?`).get(id) as Row | undefined;
    return row && toView(row);
  }

  /** The issues marked duplicates of this one, in the order submitted. */
  duplicatesOf(id: string): IssueView[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM ${ISSUES_TABLE} WHERE duplicate_of = ? ORDER BY seq`).all(id) as Row[]).map(toView);
  }

  organizationOf(id: string): string | undefined {
    return (prepared(this.db, `SELECT organization_id AS o FROM ${ISSUES_TABLE} WHERE id = ?`).get(id) as { o: string } | undefined)?.o;
  }

  /** Newest first; `afterSeq` is the seq of the last issue of the previous page. */
  list(filter: IssueFilter, limit: number, afterSeq: number | undefined): IssueView[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) (where.push('status = ?'), params.push(filter.status));
    if (filter.submittingOrganizationId) (where.push('organization_id = ?'), params.push(filter.submittingOrganizationId));
    if (filter.category) (where.push('category = ?'), params.push(filter.category));
    if (filter.year != null) (where.push('year = ?'), params.push(filter.year));
    if (filter.tag) (where.push(`id IN (SELECT issue_id FROM ${ISSUE_TAGS_TABLE} WHERE tag = ?)`), params.push(filter.tag));
    if (filter.measure != null) (where.push(`id IN (SELECT issue_id FROM ${ISSUE_MEASURES_TABLE} WHERE plan = ? AND measure = ?)`), params.push(filter.plan ?? DEFAULT_PLAN_ID, filter.measure));
    if (filter.forwarded != null) {
      where.push(`id ${filter.forwarded ? '' : 'NOT '}IN (SELECT issue_id FROM ${ISSUE_TIMELINE_TABLE} WHERE event = 'IssueForwarded')`);
    }
    if (afterSeq !== undefined) (where.push('seq < ?'), params.push(afterSeq));
    const sql = `SELECT ${COLUMNS} FROM ${ISSUES_TABLE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return (prepared(this.db, sql).all(...params, limit) as Row[]).map(toView);
  }

  comments(issueId: string, asOf: string | null): IssueCommentView[] {
    return prepared(this.db,
        `SELECT comment_id AS commentId, organization_id AS organizationId, text, at FROM ${ISSUE_COMMENTS_TABLE}
         WHERE issue_id = ? AND (? IS NULL OR at <= ?) ORDER BY seq`,
      )
      .all(issueId, asOf, asOf) as IssueCommentView[];
  }

  timeline(issueId: string, asOf: string | null): IssueTimelineView[] {
    return prepared(this.db,
        `SELECT event, status, at, user_id AS userId, organization_id AS organizationId, role, meeting_id AS meetingId,
           agenda_item_id AS agendaItemId, decision_id AS decisionId, note
         FROM ${ISSUE_TIMELINE_TABLE} WHERE issue_id = ? AND (? IS NULL OR at <= ?) ORDER BY seq`,
      )
      .all(issueId, asOf, asOf) as IssueTimelineView[];
  }

  /**
   * What came of the issue in the meetings, as of `asOf` (null: now). An agenda item on a draft
   * agenda (or removed from one) is in it only with `drafts`: until its agenda is published only the
   * secretariat sees the item's text.
   */
  lineage(issueId: string, asOf: string | null, { drafts }: { drafts: boolean }): IssueLineageView {
    const agendaItems = (
      prepared(this.db,
          `SELECT meeting_id AS meetingId, item_id AS agendaItemId, title, removed, at FROM ${LINEAGE_AGENDA_ITEMS_TABLE}
           WHERE issue_id = @issueId AND (@asOf IS NULL OR at <= @asOf)
             AND (@drafts = 1 OR (published_at IS NOT NULL AND (@asOf IS NULL OR published_at <= @asOf)))
           ORDER BY seq`,
        )
        .all({ issueId, asOf, drafts: drafts ? 1 : 0 }) as Array<Omit<IssueLineageView['agendaItems'][number], 'removed'> & { removed: number }>
    ).map((row) => ({ ...row, removed: Boolean(row.removed) }));
    const decisions = prepared(this.db,
        `SELECT decision_id AS decisionId, meeting_id AS meetingId, item_id AS agendaItemId, text, status, at FROM ${LINEAGE_DECISIONS_TABLE}
         WHERE issue_id = ? AND (? IS NULL OR at <= ?) ORDER BY seq`,
      )
      .all(issueId, asOf, asOf) as IssueLineageView['decisions'];
    const actionItems = prepared(this.db,
        `SELECT action_item_id AS actionItemId, meeting_id AS meetingId, decision_id AS decisionId, item_id AS agendaItemId, description,
           responsible_organization_id AS responsibleOrganizationId, due_date AS dueDate, status, at FROM ${LINEAGE_ACTION_ITEMS_TABLE}
         WHERE issue_id = ? AND (? IS NULL OR at <= ?) ORDER BY seq`,
      )
      .all(issueId, asOf, asOf) as IssueLineageView['actionItems'];
    return { agendaItems, decisions, actionItems };
  }

  /**
   * The issue an event of the log is part of the story of, if any: the issue's own events, and the
   * meetings events about the agenda items made from it, the decisions on them (positions
   * included) and their action items. Read after the batch commits, so the lineage holds the event.
   */
  issueConcernedBy(event: { streamId: string; type: string; data: unknown }): string | undefined {
    if (event.streamId.startsWith('issue-')) return event.streamId.slice('issue-'.length);
    if (!ISSUE_STORY_MEETING_EVENTS.has(event.type)) return undefined;
    const d = (event.data ?? {}) as Record<string, string | null | undefined>;
    if (event.type === 'AgendaItemAdded') return d.sourceIssueId ?? undefined;
    return (
      this.issueIdOf({ decisionId: d.decisionId }) ??
      this.issueIdOf({ actionItemId: d.actionItemId }) ??
      this.issueIdOf({ meetingId: d.meetingId, agendaItemId: d.agendaItemId ?? d.itemId })
    );
  }

  /** The issue an agenda item, decision or action item came from (lineage the other way). */
  issueIdOf(ref: { decisionId?: string | null; meetingId?: string | null; agendaItemId?: string | null; actionItemId?: string | null }): string | undefined {
    const one = (sql: string, ...params: unknown[]) => (prepared(this.db, sql).get(...params) as { issueId: string } | undefined)?.issueId;
    if (ref.decisionId) return one(`SELECT issue_id AS issueId FROM ${LINEAGE_DECISIONS_TABLE} WHERE decision_id = ?`, ref.decisionId);
    if (ref.actionItemId) return one(`SELECT issue_id AS issueId FROM ${LINEAGE_ACTION_ITEMS_TABLE} WHERE action_item_id = ?`, ref.actionItemId);
    if (ref.meetingId && ref.agendaItemId) {
      return one(`SELECT issue_id AS issueId FROM ${LINEAGE_AGENDA_ITEMS_TABLE} WHERE meeting_id = ? AND item_id = ?`, ref.meetingId, ref.agendaItemId);
    }
    return undefined;
  }

  /**
   * The raw material of the annual status report for issues submitted in `year` (Europe/Oslo):
   * counts per status (now), category, tag and measure, and the median days from submission to
   * outcome (resolved or closed; withdrawn issues have no outcome).
   */
  statistics(year: number): IssueStatisticsView {
    const count = (sql: string): CountView[] => prepared(this.db, sql).all(year) as CountView[];
    const byStatus = count(`SELECT status AS key, COUNT(*) AS count FROM ${ISSUES_TABLE} WHERE year = ? GROUP BY status ORDER BY status`);
    const byCategory = count(`SELECT category AS key, COUNT(*) AS count FROM ${ISSUES_TABLE} WHERE year = ? GROUP BY category ORDER BY category`);
    const byTag = count(
      `SELECT t.tag AS key, COUNT(*) AS count FROM ${ISSUE_TAGS_TABLE} t JOIN ${ISSUES_TABLE} i ON i.id = t.issue_id WHERE i.year = ? GROUP BY t.tag ORDER BY t.tag`,
    );
    const byMeasure = (
      prepared(this.db,
          `SELECT m.plan AS plan, m.measure AS key, COUNT(*) AS count FROM ${ISSUE_MEASURES_TABLE} m JOIN ${ISSUES_TABLE} i ON i.id = m.issue_id WHERE i.year = ?
           GROUP BY m.plan, m.measure ORDER BY m.plan <> '${DEFAULT_PLAN_ID}', m.plan, m.measure`,
        )
        .all(year) as Array<{ plan: string; key: number; count: number }>
    ).map((row) => ({ key: measureKey({ plan: row.plan, number: row.key }), count: row.count }));
    const durations = (
      prepared(this.db, `SELECT submitted_at AS s, outcome_at AS o FROM ${ISSUES_TABLE} WHERE year = ? AND outcome_at IS NOT NULL AND status IN ('RESOLVED', 'CLOSED')`)
        .all(year) as Array<{ s: string; o: string }>
    )
      .map((row) => (Date.parse(row.o) - Date.parse(row.s)) / DAY_MS)
      .sort((a, b) => a - b);
    const submitted = byStatus.reduce((sum, row) => sum + row.count, 0);
    return { year, submitted, byStatus, byCategory, byTag, byMeasure, outcomes: durations.length, medianDaysToOutcome: median(durations) };
  }

  /** Issues flagged as pointing to a research need in the year (Oslo), in the order flagged. */
  researchNeeds(year: number): Array<{ issueId: string; title: string; text: string; organizationId: string; citedMeasures: MeasureCitationRef[] }> {
    const rows = prepared(this.db,
        `SELECT id AS issueId, title, research_need AS text, research_need_by AS organizationId, cited_measures AS citedMeasures, research_need_at AS at
         FROM ${ISSUES_TABLE} WHERE research_need IS NOT NULL ORDER BY research_need_at, seq`,
      )
      .all() as Array<{ issueId: string; title: string; text: string; organizationId: string; citedMeasures: string; at: string }>;
    return rows
      .filter((r) => osloDate(r.at).startsWith(`${year}-`))
      .map(({ at: _at, citedMeasures, ...r }) => ({ ...r, citedMeasures: JSON.parse(citedMeasures) as MeasureCitationRef[] }));
  }

  /** Issues submitted in the year by cited measure (null: none cited) and present status; an issue citing two measures counts under each. */
  statusByMeasure(year: number): Array<{ plan: string | null; measure: number | null; status: string; count: number }> {
    return prepared(this.db,
        `SELECT m.plan AS plan, m.measure AS measure, i.status AS status, COUNT(*) AS count FROM ${ISSUES_TABLE} i LEFT JOIN ${ISSUE_MEASURES_TABLE} m ON m.issue_id = i.id
         WHERE i.year = ? GROUP BY m.plan, m.measure, i.status ORDER BY m.measure IS NULL, m.plan <> '${DEFAULT_PLAN_ID}', m.plan, m.measure, i.status`,
      )
      .all(year) as Array<{ plan: string | null; measure: number | null; status: string; count: number }>;
  }
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 100) / 100;
}

import { osloDate, type MeasureCitationRef } from '@kom/kernel';
import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { ISSUE_EVENT_TYPES, type IssueEvent } from '../domain/issue.events';

export const ISSUES_TABLE = 'issues';
export const ISSUE_TAGS_TABLE = 'issue_tags';
export const ISSUE_MEASURES_TABLE = 'issue_measures';
export const ISSUE_COMMENTS_TABLE = 'issue_comments';
export const ISSUE_TIMELINE_TABLE = 'issue_timeline';

interface Metadata {
  actor?: { userId?: string; organizationId?: string; role?: string };
  occurredAt?: string;
}

const statements = preparedStatements((db: Database) => ({
  insert: db.prepare(
    `INSERT INTO ${ISSUES_TABLE} (id, seq, organization_id, title, description, category, tags, cited_measures, urgency_reason,
       cited_issue_ids, status, submitted_at, submitted_by, submitted_by_representative, year, revision, updated_at)
     VALUES (@id, @seq, @organizationId, @title, @description, @category, @tags, @citedMeasures, @urgencyReason,
       @citedIssueIds, 'SUBMITTED', @at, @by, @representative, @year, @revision, @at)
     ON CONFLICT (id) DO NOTHING`,
  ),
  edit: db.prepare(
    `UPDATE ${ISSUES_TABLE} SET title = @title, description = @description, category = @category, tags = @tags,
       cited_measures = @citedMeasures, urgency_reason = @urgencyReason, revision = @revision, updated_at = @at WHERE id = @id`,
  ),
  status: db.prepare(
    `UPDATE ${ISSUES_TABLE} SET status = @status, meeting_id = @meetingId, agenda_item_id = @agendaItemId,
       outcome_at = COALESCE(@outcomeAt, outcome_at), outcome_decision_id = COALESCE(@decisionId, outcome_decision_id),
       closing_reason = COALESCE(@reason, closing_reason), revision = @revision, updated_at = @at WHERE id = @id`,
  ),
  researchNeed: db.prepare(
    `UPDATE ${ISSUES_TABLE} SET research_need = @text, research_need_at = @at, research_need_by = @organizationId, revision = @revision, updated_at = @at WHERE id = @id`,
  ),
  duplicateOf: db.prepare(`UPDATE ${ISSUES_TABLE} SET duplicate_of = @duplicateOf, revision = @revision, updated_at = @at WHERE id = @id`),
  // Positional parameters on the statements every comment runs: cheaper per row than named ones.
  touch: db.prepare<[number, string, string]>(`UPDATE ${ISSUES_TABLE} SET revision = ?, updated_at = ? WHERE id = ?`),
  clearTags: db.prepare(`DELETE FROM ${ISSUE_TAGS_TABLE} WHERE issue_id = ?`),
  tag: db.prepare(`INSERT OR IGNORE INTO ${ISSUE_TAGS_TABLE} (issue_id, tag) VALUES (?, ?)`),
  clearMeasures: db.prepare(`DELETE FROM ${ISSUE_MEASURES_TABLE} WHERE issue_id = ?`),
  measure: db.prepare(`INSERT OR IGNORE INTO ${ISSUE_MEASURES_TABLE} (issue_id, plan, measure) VALUES (?, ?, ?)`),
  comment: db.prepare<[string, string, number, string, string | null, string, string]>(
    `INSERT OR IGNORE INTO ${ISSUE_COMMENTS_TABLE} (comment_id, issue_id, seq, organization_id, user_id, text, at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
  statusOf: db.prepare<[string], { status: string }>(`SELECT status FROM ${ISSUES_TABLE} WHERE id = ?`),
  timeline: db.prepare<[number, string, string, string, string, string | null, string | null, string | null, string | null, string | null, string | null, string | null]>(
    `INSERT OR IGNORE INTO ${ISSUE_TIMELINE_TABLE} (seq, issue_id, event, status, at, user_id, organization_id, role,
       meeting_id, agenda_item_id, decision_id, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
}));

/**
 * Issues as lists and filters need them (one row per issue, its tags and measures in side tables
 * for filtering and counting), their comments, and their timeline: every step with its time and
 * the actor's user, organisation and role from the event's metadata.
 */
export const issuesProjection: Projection = {
  name: 'issues',
  // 2: the research-need columns; 3: duplicate_of; 4: submitted_by_representative.
  version: 5,
  handles: ISSUE_EVENT_TYPES,
  tables: [ISSUES_TABLE, ISSUE_TAGS_TABLE, ISSUE_MEASURES_TABLE, ISSUE_COMMENTS_TABLE, ISSUE_TIMELINE_TABLE],
  setup(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${ISSUES_TABLE} (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        organization_id TEXT NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        category TEXT NOT NULL,
        tags TEXT NOT NULL,
        cited_measures TEXT NOT NULL,
        urgency_reason TEXT,
        cited_issue_ids TEXT NOT NULL,
        status TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        submitted_by TEXT,
        submitted_by_representative TEXT,
        year INTEGER NOT NULL,
        meeting_id TEXT,
        agenda_item_id TEXT,
        outcome_at TEXT,
        outcome_decision_id TEXT,
        closing_reason TEXT,
        research_need TEXT,
        research_need_at TEXT,
        research_need_by TEXT,
        duplicate_of TEXT,
        revision INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS issues_by_seq ON ${ISSUES_TABLE} (seq);
      CREATE INDEX IF NOT EXISTS issues_by_org ON ${ISSUES_TABLE} (organization_id, seq);
      CREATE INDEX IF NOT EXISTS issues_by_status ON ${ISSUES_TABLE} (status, seq);
      CREATE INDEX IF NOT EXISTS issues_by_year ON ${ISSUES_TABLE} (year, seq);
      CREATE INDEX IF NOT EXISTS issues_by_original ON ${ISSUES_TABLE} (duplicate_of, seq);
      CREATE TABLE IF NOT EXISTS ${ISSUE_TAGS_TABLE} (issue_id TEXT NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (issue_id, tag));
      CREATE TABLE IF NOT EXISTS ${ISSUE_MEASURES_TABLE} (issue_id TEXT NOT NULL, plan TEXT NOT NULL, measure INTEGER NOT NULL, PRIMARY KEY (issue_id, plan, measure));
      CREATE TABLE IF NOT EXISTS ${ISSUE_COMMENTS_TABLE} (
        comment_id TEXT PRIMARY KEY, issue_id TEXT NOT NULL, seq INTEGER NOT NULL, organization_id TEXT NOT NULL,
        user_id TEXT, text TEXT NOT NULL, at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS issue_comments_by_issue ON ${ISSUE_COMMENTS_TABLE} (issue_id, seq);
      CREATE TABLE IF NOT EXISTS ${ISSUE_TIMELINE_TABLE} (
        seq INTEGER PRIMARY KEY, issue_id TEXT NOT NULL, event TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL,
        user_id TEXT, organization_id TEXT, role TEXT, meeting_id TEXT, agenda_item_id TEXT, decision_id TEXT, note TEXT
      );
      CREATE INDEX IF NOT EXISTS issue_timeline_by_issue ON ${ISSUE_TIMELINE_TABLE} (issue_id, seq);
    `);
  },
  apply(db, recorded: RecordedEvent) {
    const s = statements(db);
    const event = { type: recorded.type, data: recorded.data } as IssueEvent;
    const metadata = (recorded.metadata ?? {}) as Metadata;
    const at = metadata.occurredAt ?? recorded.recordedAt;
    const seq = Number(recorded.position);
    const revision = Number(recorded.revision);
    const id = event.data.issueId;
    let step: { meetingId?: string | null; agendaItemId?: string | null; decisionId?: string | null; note?: string | null } = {};
    const setStatus = (status: string, extra: { meetingId?: string | null; agendaItemId?: string | null; decisionId?: string | null; reason?: string | null; outcome?: boolean }) =>
      s.status.run({
        id,
        status,
        meetingId: extra.meetingId ?? null,
        agendaItemId: extra.agendaItemId ?? null,
        outcomeAt: extra.outcome ? at : null,
        decisionId: extra.decisionId ?? null,
        reason: extra.reason ?? null,
        revision,
        at,
      });
    const content = (d: { title: string; description: string; category: string; tags: readonly string[]; citedMeasures: readonly MeasureCitationRef[]; urgency: { reason: string } | null }) => {
      s.clearTags.run(id);
      d.tags.forEach((tag) => s.tag.run(id, tag));
      s.clearMeasures.run(id);
      d.citedMeasures.forEach((m) => s.measure.run(id, m.plan, m.number));
      return {
        title: d.title,
        description: d.description,
        category: d.category,
        tags: JSON.stringify(d.tags),
        citedMeasures: JSON.stringify(d.citedMeasures),
        urgencyReason: d.urgency?.reason ?? null,
      };
    };
    switch (event.type) {
      case 'IssueSubmitted': {
        const d = event.data;
        s.insert.run({
          id,
          seq,
          organizationId: d.organizationId,
          ...content(d),
          citedIssueIds: JSON.stringify(d.citedIssueIds),
          at,
          by: metadata.actor?.userId ?? null,
          representative: d.representativeId ?? null,
          year: Number(osloDate(at).slice(0, 4)),
          revision,
        });
        break;
      }
      case 'IssueEdited':
        s.edit.run({ id, ...content(event.data), revision, at });
        break;
      case 'IssueWithdrawn':
        setStatus('WITHDRAWN', { reason: event.data.reason });
        step = { note: event.data.reason };
        break;
      case 'IssueCommented':
        s.comment.run(event.data.commentId, id, seq, event.data.organizationId, metadata.actor?.userId ?? null, event.data.text, at);
        s.touch.run(revision, at, id);
        break;
      case 'IssuePlacedOnAgenda': {
        const { meetingId, agendaItemId, body } = event.data;
        setStatus(body === 'REFERENCE_GROUP' ? 'ON_REFERENCE_AGENDA' : 'ON_PROJECT_AGENDA', { meetingId, agendaItemId });
        step = { meetingId, agendaItemId, note: body };
        break;
      }
      case 'IssueRemovedFromAgenda': {
        const current = s.statusOf.get(id)?.status;
        setStatus(current === 'ON_PROJECT_AGENDA' ? 'FORWARDED' : 'SUBMITTED', {});
        step = { meetingId: event.data.meetingId, agendaItemId: event.data.agendaItemId };
        break;
      }
      case 'IssueForwarded': {
        const { meetingId, agendaItemId, decisionId } = event.data;
        setStatus('FORWARDED', {});
        step = { meetingId, agendaItemId, decisionId };
        break;
      }
      case 'IssueResolved': {
        const { meetingId, agendaItemId, decisionId } = event.data;
        setStatus('RESOLVED', { decisionId, outcome: true });
        step = { meetingId, agendaItemId, decisionId };
        break;
      }
      case 'IssueClosed': {
        const { meetingId, agendaItemId, reason } = event.data;
        setStatus('CLOSED', { reason, outcome: true });
        step = { meetingId, agendaItemId, note: reason };
        break;
      }
      case 'IssueMarkedDuplicate': {
        const { duplicateOfIssueId } = event.data;
        s.duplicateOf.run({ id, duplicateOf: duplicateOfIssueId, revision, at });
        step = { note: duplicateOfIssueId };
        break;
      }
      case 'ResearchNeedFlagged': {
        const { text, organizationId } = event.data;
        s.researchNeed.run({ id, text, organizationId, revision, at });
        step = { note: text };
        break;
      }
    }
    const actor = metadata.actor;
    s.timeline.run(
      seq,
      id,
      event.type,
      s.statusOf.get(id)?.status ?? 'SUBMITTED',
      at,
      actor?.userId ?? null,
      actor?.organizationId ?? null,
      actor?.role ?? null,
      step.meetingId ?? null,
      step.agendaItemId ?? null,
      step.decisionId ?? null,
      step.note ?? null,
    );
  },
};

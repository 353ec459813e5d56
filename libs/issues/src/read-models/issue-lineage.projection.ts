import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import type { MeetingEvent } from '@kom/meetings';
import { preparedStatements, type Projection } from '@kom/projections';

export const LINEAGE_AGENDA_ITEMS_TABLE = 'issue_lineage_agenda_items';
export const LINEAGE_DECISIONS_TABLE = 'issue_lineage_decisions';
export const LINEAGE_ACTION_ITEMS_TABLE = 'issue_lineage_action_items';

interface Metadata {
  occurredAt?: string;
}

const statements = preparedStatements((db: Database) => ({
  item: db.prepare(
    `INSERT OR IGNORE INTO ${LINEAGE_AGENDA_ITEMS_TABLE} (meeting_id, item_id, issue_id, seq, title, at, published_at)
     VALUES (@meetingId, @itemId, @issueId, @seq, @title, @at, @publishedAt)`,
  ),
  published: db.prepare(
    `UPDATE ${LINEAGE_AGENDA_ITEMS_TABLE} SET published_at = ? WHERE meeting_id = ? AND removed = 0 AND published_at IS NULL`,
  ),
  itemUpdated: db.prepare(`UPDATE ${LINEAGE_AGENDA_ITEMS_TABLE} SET title = ? WHERE meeting_id = ? AND item_id = ?`),
  itemRemoved: db.prepare(`UPDATE ${LINEAGE_AGENDA_ITEMS_TABLE} SET removed = 1 WHERE meeting_id = ? AND item_id = ?`),
  issueOfItem: db.prepare<[string, string], { issueId: string }>(
    `SELECT issue_id AS issueId FROM ${LINEAGE_AGENDA_ITEMS_TABLE} WHERE meeting_id = ? AND item_id = ?`,
  ),
  issueOfDecision: db.prepare<[string], { issueId: string }>(`SELECT issue_id AS issueId FROM ${LINEAGE_DECISIONS_TABLE} WHERE decision_id = ?`),
  decision: db.prepare(
    `INSERT OR IGNORE INTO ${LINEAGE_DECISIONS_TABLE} (decision_id, meeting_id, item_id, issue_id, seq, text, status, at)
     VALUES (@decisionId, @meetingId, @itemId, @issueId, @seq, @text, 'ACTIVE', @at)`,
  ),
  decisionStatus: db.prepare(`UPDATE ${LINEAGE_DECISIONS_TABLE} SET status = ? WHERE decision_id = ?`),
  action: db.prepare(
    `INSERT OR IGNORE INTO ${LINEAGE_ACTION_ITEMS_TABLE} (action_item_id, meeting_id, decision_id, item_id, issue_id, seq, description,
       responsible_organization_id, due_date, status, at)
     VALUES (@actionItemId, @meetingId, @decisionId, @itemId, @issueId, @seq, @description, @responsibleOrganizationId, @dueDate, 'OPEN', @at)`,
  ),
  actionStatus: db.prepare(`UPDATE ${LINEAGE_ACTION_ITEMS_TABLE} SET status = ? WHERE action_item_id = ?`),
}));

/**
 * Lineage, fed by the meetings context's public events: agenda items whose source is an issue, the
 * decisions recorded on them and the action items tied to those decisions or items, with their
 * current status. The meetings context never knows of issues; this read model follows the opaque
 * `sourceIssueId` of an agenda item.
 *
 * An item's `published_at` is when its agenda was first shown with it on (published, or added as
 * an amendment after publishing); null while it is only on a draft, and for ever when it was
 * removed from the draft. A draft is the secretariat's alone (as meeting.agenda), so the readers
 * filter on it.
 */
export const issueLineageProjection: Projection = {
  name: 'issue-lineage',
  version: 2,
  handles: [
    'AgendaItemAdded',
    'AgendaItemUpdated',
    'AgendaItemRemoved',
    'AgendaPublished',
    'DecisionRecorded',
    'DecisionSuperseded',
    'DecisionRevoked',
    'ActionItemAssigned',
    'ActionItemCompleted',
    'ActionItemCancelled',
  ],
  tables: [LINEAGE_AGENDA_ITEMS_TABLE, LINEAGE_DECISIONS_TABLE, LINEAGE_ACTION_ITEMS_TABLE],
  setup(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${LINEAGE_AGENDA_ITEMS_TABLE} (
        meeting_id TEXT NOT NULL, item_id TEXT NOT NULL, issue_id TEXT NOT NULL, seq INTEGER NOT NULL, title TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0, at TEXT NOT NULL, published_at TEXT, PRIMARY KEY (meeting_id, item_id)
      );
      CREATE INDEX IF NOT EXISTS issue_lineage_items_by_issue ON ${LINEAGE_AGENDA_ITEMS_TABLE} (issue_id, seq);
      CREATE TABLE IF NOT EXISTS ${LINEAGE_DECISIONS_TABLE} (
        decision_id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, item_id TEXT NOT NULL, issue_id TEXT NOT NULL, seq INTEGER NOT NULL,
        text TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS issue_lineage_decisions_by_issue ON ${LINEAGE_DECISIONS_TABLE} (issue_id, seq);
      CREATE TABLE IF NOT EXISTS ${LINEAGE_ACTION_ITEMS_TABLE} (
        action_item_id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, decision_id TEXT, item_id TEXT, issue_id TEXT NOT NULL, seq INTEGER NOT NULL,
        description TEXT NOT NULL, responsible_organization_id TEXT NOT NULL, due_date TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS issue_lineage_actions_by_issue ON ${LINEAGE_ACTION_ITEMS_TABLE} (issue_id, seq);
    `);
  },
  apply(db, recorded: RecordedEvent) {
    const s = statements(db);
    const event = { type: recorded.type, data: recorded.data } as MeetingEvent;
    const at = ((recorded.metadata ?? {}) as Metadata).occurredAt ?? recorded.recordedAt;
    const seq = Number(recorded.position);
    switch (event.type) {
      case 'AgendaItemAdded': {
        const d = event.data;
        if (d.sourceIssueId === null) break;
        s.item.run({ meetingId: d.meetingId, itemId: d.itemId, issueId: d.sourceIssueId, seq, title: d.title, at, publishedAt: d.amendment ? at : null });
        break;
      }
      case 'AgendaPublished':
        s.published.run(at, event.data.meetingId);
        break;
      case 'AgendaItemUpdated':
        s.itemUpdated.run(event.data.title, event.data.meetingId, event.data.itemId);
        break;
      case 'AgendaItemRemoved':
        s.itemRemoved.run(event.data.meetingId, event.data.itemId);
        break;
      case 'DecisionRecorded': {
        const d = event.data;
        const issue = s.issueOfItem.get(d.meetingId, d.agendaItemId);
        if (issue) s.decision.run({ decisionId: d.decisionId, meetingId: d.meetingId, itemId: d.agendaItemId, issueId: issue.issueId, seq, text: d.text, at });
        break;
      }
      case 'DecisionSuperseded':
        s.decisionStatus.run('SUPERSEDED', event.data.decisionId);
        break;
      case 'DecisionRevoked':
        s.decisionStatus.run('REVOKED', event.data.decisionId);
        break;
      case 'ActionItemAssigned': {
        const d = event.data;
        const issue =
          (d.decisionId !== null ? s.issueOfDecision.get(d.decisionId) : undefined) ??
          (d.agendaItemId !== null ? s.issueOfItem.get(d.meetingId, d.agendaItemId) : undefined);
        if (issue) {
          s.action.run({
            actionItemId: d.actionItemId,
            meetingId: d.meetingId,
            decisionId: d.decisionId,
            itemId: d.agendaItemId,
            issueId: issue.issueId,
            seq,
            description: d.description,
            responsibleOrganizationId: d.responsibleOrganizationId,
            dueDate: d.dueDate,
            at,
          });
        }
        break;
      }
      case 'ActionItemCompleted':
        s.actionStatus.run('COMPLETED', event.data.actionItemId);
        break;
      case 'ActionItemCancelled':
        s.actionStatus.run('CANCELLED', event.data.actionItemId);
        break;
      default:
        break;
    }
  },
};

import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { dataOf, occurredAt } from './projection-support';

export const ACTION_ITEMS_TABLE = 'action_items';
export const ACTION_ITEM_PROGRESS_TABLE = 'action_item_progress';

/**
 * Action items set at a meeting (on that meeting's stream): responsible organisation, due date,
 * OPEN → COMPLETED or CANCELLED, and the decision or agenda item they follow from; and the notes
 * on how each is going, in order. Guarded by the stream revision per row.
 */
export const actionItemsProjection: Projection = {
  name: 'action_items',
  version: 2,
  handles: ['ActionItemAssigned', 'ActionItemCompleted', 'ActionItemProgressReported', 'ActionItemCancelled'],
  tables: [ACTION_ITEMS_TABLE, ACTION_ITEM_PROGRESS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${ACTION_ITEMS_TABLE} (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL,
      decision_id TEXT,
      agenda_item_id TEXT,
      description TEXT NOT NULL,
      responsible_organization_id TEXT NOT NULL,
      due_date TEXT NOT NULL,
      status TEXT NOT NULL, -- OPEN | COMPLETED | CANCELLED
      completion_note TEXT,
      cancelled_reason TEXT,
      assigned_at TEXT NOT NULL,
      closed_at TEXT,
      updated_at TEXT NOT NULL,
      revision INTEGER NOT NULL
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS action_items_by_due ON ${ACTION_ITEMS_TABLE} (due_date, id)`);
    db.exec(`CREATE INDEX IF NOT EXISTS action_items_by_meeting ON ${ACTION_ITEMS_TABLE} (meeting_id)`);
    db.exec(`CREATE INDEX IF NOT EXISTS action_items_by_responsible ON ${ACTION_ITEMS_TABLE} (responsible_organization_id)`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${ACTION_ITEM_PROGRESS_TABLE} (
      action_item_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      note TEXT NOT NULL,
      reported_at TEXT NOT NULL,
      organization_id TEXT,
      PRIMARY KEY (action_item_id, revision)
    )`);
  },
  apply(db: Database, event: RecordedEvent) {
    const s = statements(db);
    const at = occurredAt(event);
    const revision = event.revision;
    switch (event.type) {
      case 'ActionItemAssigned': {
        const d = dataOf(event, 'ActionItemAssigned');
        s.assign.run({
          id: d.actionItemId,
          meeting_id: d.meetingId,
          decision_id: d.decisionId,
          agenda_item_id: d.agendaItemId,
          description: d.description,
          responsible: d.responsibleOrganizationId,
          due_date: d.dueDate,
          at,
          revision,
        });
        break;
      }
      case 'ActionItemCompleted': {
        const d = dataOf(event, 'ActionItemCompleted');
        s.complete.run({ id: d.actionItemId, note: d.note, at, revision });
        break;
      }
      case 'ActionItemProgressReported': {
        const d = dataOf(event, 'ActionItemProgressReported');
        const actor = (event.metadata as { actor?: { organizationId?: string | null } }).actor;
        s.progress.run({ id: d.actionItemId, revision, note: d.note, at, organization: actor?.organizationId ?? null });
        s.touch.run({ id: d.actionItemId, at, revision });
        break;
      }
      case 'ActionItemCancelled': {
        const d = dataOf(event, 'ActionItemCancelled');
        s.cancel.run({ id: d.actionItemId, reason: d.reason, at, revision });
        break;
      }
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  assign: db.prepare(
    `INSERT INTO ${ACTION_ITEMS_TABLE} (id, meeting_id, decision_id, agenda_item_id, description, responsible_organization_id, due_date,
       status, completion_note, cancelled_reason, assigned_at, closed_at, updated_at, revision)
     VALUES (@id, @meeting_id, @decision_id, @agenda_item_id, @description, @responsible, @due_date,
       'OPEN', NULL, NULL, @at, NULL, @at, @revision)
     ON CONFLICT (id) DO NOTHING`,
  ),
  complete: db.prepare(
    `UPDATE ${ACTION_ITEMS_TABLE} SET status = 'COMPLETED', completion_note = @note, closed_at = @at, updated_at = @at, revision = @revision
     WHERE id = @id AND revision < @revision`,
  ),
  // Keyed by the event's revision: a replayed event writes nothing twice.
  progress: db.prepare(
    `INSERT INTO ${ACTION_ITEM_PROGRESS_TABLE} (action_item_id, revision, note, reported_at, organization_id)
     VALUES (@id, @revision, @note, @at, @organization) ON CONFLICT DO NOTHING`,
  ),
  touch: db.prepare(`UPDATE ${ACTION_ITEMS_TABLE} SET updated_at = @at, revision = @revision WHERE id = @id AND revision < @revision`),
  cancel: db.prepare(
    `UPDATE ${ACTION_ITEMS_TABLE} SET status = 'CANCELLED', cancelled_reason = @reason, closed_at = @at, updated_at = @at, revision = @revision
     WHERE id = @id AND revision < @revision`,
  ),
}));

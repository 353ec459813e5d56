import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { dataOf, occurredAt } from './projection-support';

export const ACTION_ITEMS_TABLE = 'action_items';

/**
 * Action items set at a meeting (on that meeting's stream): responsible organisation, due date,
 * OPEN → COMPLETED or CANCELLED, and the decision or agenda item they follow from. Guarded by the
 * stream revision per row.
 */
export const actionItemsProjection: Projection = {
  name: 'action_items',
  version: 1,
  handles: ['ActionItemAssigned', 'ActionItemCompleted', 'ActionItemCancelled'],
  tables: [ACTION_ITEMS_TABLE],
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
  cancel: db.prepare(
    `UPDATE ${ACTION_ITEMS_TABLE} SET status = 'CANCELLED', cancelled_reason = @reason, closed_at = @at, updated_at = @at, revision = @revision
     WHERE id = @id AND revision < @revision`,
  ),
}));

import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { dataOf, flag, occurredAt, revisionGuard } from './projection-support';

export const AGENDA_ITEMS_TABLE = 'agenda_items';
export const AGENDA_AMENDMENTS_TABLE = 'agenda_amendments';
const guard = revisionGuard('agenda_stream_revisions');

/**
 * The agenda of each meeting, in order, and its amendments.
 *  - agenda_items: one row per item; `position` is 0-based among the items still on the agenda
 *    (NULL once removed). While drafting, a removed item disappears; after publishing it stays as a
 *    row marked removed_by_amendment, and added/updated items carry their amendment flags.
 *  - agenda_amendments: the log of every change made after publishing (one row per event).
 * One event can move many positions, so the projection is guarded per meeting stream (an event at
 * or below the stream's applied revision changes nothing); rows also keep the revision of their
 * last change.
 */
export const agendaProjection: Projection = {
  name: 'agenda',
  version: 2,
  handles: ['AgendaItemAdded', 'AgendaItemUpdated', 'AgendaReordered', 'AgendaItemRemoved'],
  tables: [AGENDA_ITEMS_TABLE, AGENDA_AMENDMENTS_TABLE, guard.table],
  setup(db: Database) {
    guard.setup(db);
    db.exec(`CREATE TABLE IF NOT EXISTS ${AGENDA_ITEMS_TABLE} (
      meeting_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      position INTEGER,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      presenting_organization_id TEXT,
      cited_measures TEXT NOT NULL, -- JSON array of {plan, number}
      source_issue_id TEXT,
      added_by_amendment INTEGER NOT NULL,
      updated_by_amendment INTEGER NOT NULL,
      removed_by_amendment INTEGER NOT NULL,
      removal_reason TEXT,
      added_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      removed_at TEXT,
      revision INTEGER NOT NULL,
      PRIMARY KEY (meeting_id, item_id)
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS agenda_items_by_item ON ${AGENDA_ITEMS_TABLE} (item_id)`);
    db.exec(`CREATE INDEX IF NOT EXISTS agenda_items_by_presenter ON ${AGENDA_ITEMS_TABLE} (presenting_organization_id)`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${AGENDA_AMENDMENTS_TABLE} (
      meeting_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      kind TEXT NOT NULL, -- ADDED | UPDATED | REORDERED | REMOVED
      item_id TEXT,
      title TEXT,
      reason TEXT,
      item_ids TEXT, -- JSON array: the new order, for REORDERED
      occurred_at TEXT NOT NULL,
      PRIMARY KEY (meeting_id, revision)
    )`);
  },
  apply(db: Database, event: RecordedEvent) {
    if (!guard.advance(db, event)) return;
    const s = statements(db);
    const at = occurredAt(event);
    const revision = event.revision;
    switch (event.type) {
      case 'AgendaItemAdded': {
        const d = dataOf(event, 'AgendaItemAdded');
        s.shiftFrom.run({ meeting_id: d.meetingId, position: d.position, revision });
        s.insert.run({
          meeting_id: d.meetingId,
          item_id: d.itemId,
          position: d.position,
          title: d.title,
          description: d.description,
          presenting_organization_id: d.presentingOrganizationId,
          cited_measures: JSON.stringify(d.citedMeasures),
          source_issue_id: d.sourceIssueId,
          amendment: flag(d.amendment),
          at,
          revision,
        });
        if (d.amendment) s.amend.run({ meeting_id: d.meetingId, revision, kind: 'ADDED', item_id: d.itemId, title: d.title, reason: null, item_ids: null, at });
        break;
      }
      case 'AgendaItemUpdated': {
        const d = dataOf(event, 'AgendaItemUpdated');
        s.update.run({
          meeting_id: d.meetingId,
          item_id: d.itemId,
          title: d.title,
          description: d.description,
          presenting_organization_id: d.presentingOrganizationId,
          cited_measures: JSON.stringify(d.citedMeasures),
          amendment: flag(d.amendment),
          at,
          revision,
        });
        if (d.amendment) s.amend.run({ meeting_id: d.meetingId, revision, kind: 'UPDATED', item_id: d.itemId, title: d.title, reason: null, item_ids: null, at });
        break;
      }
      case 'AgendaReordered': {
        const d = dataOf(event, 'AgendaReordered');
        d.itemIds.forEach((itemId, position) => s.place.run({ meeting_id: d.meetingId, item_id: itemId, position, at, revision }));
        if (d.amendment) {
          s.amend.run({ meeting_id: d.meetingId, revision, kind: 'REORDERED', item_id: null, title: null, reason: null, item_ids: JSON.stringify(d.itemIds), at });
        }
        break;
      }
      case 'AgendaItemRemoved': {
        const d = dataOf(event, 'AgendaItemRemoved');
        const row = s.positionOf.get({ meeting_id: d.meetingId, item_id: d.itemId }) as { position: number | null; title: string } | undefined;
        if (!row) break;
        if (d.amendment) s.markRemoved.run({ meeting_id: d.meetingId, item_id: d.itemId, reason: d.reason, at, revision });
        else s.delete.run({ meeting_id: d.meetingId, item_id: d.itemId });
        if (row.position !== null) s.closeGap.run({ meeting_id: d.meetingId, position: row.position, revision });
        if (d.amendment) s.amend.run({ meeting_id: d.meetingId, revision, kind: 'REMOVED', item_id: d.itemId, title: row.title, reason: d.reason, item_ids: null, at });
        break;
      }
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  shiftFrom: db.prepare(
    `UPDATE ${AGENDA_ITEMS_TABLE} SET position = position + 1, revision = @revision
     WHERE meeting_id = @meeting_id AND position IS NOT NULL AND position >= @position`,
  ),
  closeGap: db.prepare(
    `UPDATE ${AGENDA_ITEMS_TABLE} SET position = position - 1, revision = @revision
     WHERE meeting_id = @meeting_id AND position IS NOT NULL AND position > @position`,
  ),
  insert: db.prepare(
    `INSERT INTO ${AGENDA_ITEMS_TABLE} (meeting_id, item_id, position, title, description, presenting_organization_id, cited_measures,
       source_issue_id, added_by_amendment, updated_by_amendment, removed_by_amendment, removal_reason, added_at, updated_at, removed_at, revision)
     VALUES (@meeting_id, @item_id, @position, @title, @description, @presenting_organization_id, @cited_measures,
       @source_issue_id, @amendment, 0, 0, NULL, @at, @at, NULL, @revision)
     ON CONFLICT (meeting_id, item_id) DO NOTHING`,
  ),
  update: db.prepare(
    `UPDATE ${AGENDA_ITEMS_TABLE} SET title = @title, description = @description, presenting_organization_id = @presenting_organization_id,
       cited_measures = @cited_measures, updated_by_amendment = MAX(updated_by_amendment, @amendment), updated_at = @at, revision = @revision
     WHERE meeting_id = @meeting_id AND item_id = @item_id AND revision < @revision`,
  ),
  place: db.prepare(
    `UPDATE ${AGENDA_ITEMS_TABLE} SET position = @position, updated_at = @at, revision = @revision
     WHERE meeting_id = @meeting_id AND item_id = @item_id AND removed_by_amendment = 0`,
  ),
  positionOf: db.prepare(`SELECT position, title FROM ${AGENDA_ITEMS_TABLE} WHERE meeting_id = @meeting_id AND item_id = @item_id`),
  markRemoved: db.prepare(
    `UPDATE ${AGENDA_ITEMS_TABLE} SET position = NULL, removed_by_amendment = 1, removal_reason = @reason, removed_at = @at,
       updated_at = @at, revision = @revision
     WHERE meeting_id = @meeting_id AND item_id = @item_id`,
  ),
  delete: db.prepare(`DELETE FROM ${AGENDA_ITEMS_TABLE} WHERE meeting_id = @meeting_id AND item_id = @item_id`),
  amend: db.prepare(
    `INSERT INTO ${AGENDA_AMENDMENTS_TABLE} (meeting_id, revision, kind, item_id, title, reason, item_ids, occurred_at)
     VALUES (@meeting_id, @revision, @kind, @item_id, @title, @reason, @item_ids, @at)
     ON CONFLICT (meeting_id, revision) DO NOTHING`,
  ),
}));

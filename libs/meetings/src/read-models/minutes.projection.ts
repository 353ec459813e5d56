import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { dataOf, occurredAt } from './projection-support';

export const MINUTES_TABLE = 'meeting_minutes';

/** The minutes of each meeting: the latest draft text, then APPROVED at a later meeting (immutable after). */
export const minutesProjection: Projection = {
  name: 'minutes',
  version: 1,
  handles: ['MinutesDrafted', 'MinutesApproved'],
  tables: [MINUTES_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${MINUTES_TABLE} (
      meeting_id TEXT PRIMARY KEY,
      text TEXT NOT NULL,
      status TEXT NOT NULL, -- DRAFT | APPROVED
      drafted_at TEXT NOT NULL,
      approved_at_meeting_id TEXT,
      approved_at TEXT,
      revision INTEGER NOT NULL
    )`);
  },
  apply(db: Database, event: RecordedEvent) {
    const s = statements(db);
    const at = occurredAt(event);
    if (event.type === 'MinutesDrafted') {
      const d = dataOf(event, 'MinutesDrafted');
      s.draft.run({ meeting_id: d.meetingId, text: d.text, at, revision: event.revision });
    } else if (event.type === 'MinutesApproved') {
      const d = dataOf(event, 'MinutesApproved');
      s.approve.run({ meeting_id: d.meetingId, by: d.approvedAtMeetingId, at, revision: event.revision });
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  draft: db.prepare(
    `INSERT INTO ${MINUTES_TABLE} (meeting_id, text, status, drafted_at, approved_at_meeting_id, approved_at, revision)
     VALUES (@meeting_id, @text, 'DRAFT', @at, NULL, NULL, @revision)
     ON CONFLICT (meeting_id) DO UPDATE SET text = excluded.text, drafted_at = excluded.drafted_at, revision = excluded.revision
     WHERE excluded.revision > ${MINUTES_TABLE}.revision AND ${MINUTES_TABLE}.status = 'DRAFT'`,
  ),
  approve: db.prepare(
    `UPDATE ${MINUTES_TABLE} SET status = 'APPROVED', approved_at_meeting_id = @by, approved_at = @at, revision = @revision
     WHERE meeting_id = @meeting_id AND revision < @revision`,
  ),
}));

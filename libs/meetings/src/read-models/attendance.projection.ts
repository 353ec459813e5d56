import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { dataOf, occurredAt, revisionGuard } from './projection-support';

export const ATTENDANCE_TABLE = 'meeting_attendance';
const guard = revisionGuard('attendance_stream_revisions');

/**
 * Who attended each meeting: one row per (meeting, organisation). An AttendanceRecorded event
 * states the attending organisations; recording again replaces the set. Guarded per meeting stream.
 */
export const attendanceProjection: Projection = {
  name: 'attendance',
  version: 1,
  handles: ['AttendanceRecorded'],
  tables: [ATTENDANCE_TABLE, guard.table],
  setup(db: Database) {
    guard.setup(db);
    db.exec(`CREATE TABLE IF NOT EXISTS ${ATTENDANCE_TABLE} (
      meeting_id TEXT NOT NULL,
      organization_id TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      revision INTEGER NOT NULL,
      PRIMARY KEY (meeting_id, organization_id)
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS attendance_by_organization ON ${ATTENDANCE_TABLE} (organization_id)`);
  },
  apply(db: Database, event: RecordedEvent) {
    if (!guard.advance(db, event)) return;
    const d = dataOf(event, 'AttendanceRecorded');
    const s = statements(db);
    s.clear.run(d.meetingId);
    const at = occurredAt(event);
    for (const organizationId of new Set(d.organizationIds)) {
      s.insert.run({ meeting_id: d.meetingId, organization_id: organizationId, at, revision: event.revision });
    }
  },
};

const statements = preparedStatements((db: Database) => ({
  clear: db.prepare(`DELETE FROM ${ATTENDANCE_TABLE} WHERE meeting_id = ?`),
  insert: db.prepare(
    `INSERT INTO ${ATTENDANCE_TABLE} (meeting_id, organization_id, recorded_at, revision)
     VALUES (@meeting_id, @organization_id, @at, @revision)`,
  ),
}));

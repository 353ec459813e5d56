import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import { meetingEventSchemas } from '../domain/meeting.events';
import { dataOf, instant, occurredAt } from './projection-support';

export const MEETINGS_TABLE = 'meetings';

/**
 * One row per meeting: kind, title, times, place, status (SCHEDULED → PUBLISHED → HELD, or
 * CANCELLED), series, when the agenda was published, why it was cancelled, the minutes' status.
 * Every update is guarded by the stream revision: a row never moves backwards, so an event applied
 * again changes nothing.
 */
export const meetingsProjection: Projection = {
  name: 'meetings',
  version: 1,
  // Every event of a meeting's stream: the row's revision is the stream's, usable as expectedRevision.
  handles: meetingEventSchemas.map((schema) => schema.type),
  tables: [MEETINGS_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${MEETINGS_TABLE} (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      location TEXT,
      video_link TEXT,
      status TEXT NOT NULL,
      series_id TEXT,
      series_index INTEGER,
      agenda_published_at TEXT,
      cancelled_reason TEXT,
      held_at TEXT,
      minutes_status TEXT NOT NULL,
      scheduled_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      revision INTEGER NOT NULL
    )`);
    db.exec(`CREATE INDEX IF NOT EXISTS meetings_by_start ON ${MEETINGS_TABLE} (starts_at, id)`);
    db.exec(`CREATE INDEX IF NOT EXISTS meetings_by_kind_start ON ${MEETINGS_TABLE} (kind, starts_at, id)`);
    db.exec(`CREATE INDEX IF NOT EXISTS meetings_by_series ON ${MEETINGS_TABLE} (series_id, series_index)`);
  },
  apply(db: Database, event: RecordedEvent) {
    const s = statements(db);
    const at = occurredAt(event);
    const revision = event.revision;
    switch (event.type) {
      case 'MeetingScheduled': {
        const d = dataOf(event, 'MeetingScheduled');
        s.schedule.run({
          id: d.meetingId,
          kind: d.kind,
          title: d.title,
          starts_at: instant(d.startsAt),
          ends_at: instant(d.endsAt),
          location: d.location,
          video_link: d.videoLink,
          series_id: d.seriesId,
          series_index: d.seriesIndex,
          at,
          revision,
        });
        break;
      }
      case 'MeetingRescheduled': {
        const d = dataOf(event, 'MeetingRescheduled');
        s.reschedule.run({ id: d.meetingId, starts_at: instant(d.startsAt), ends_at: instant(d.endsAt), location: d.location, video_link: d.videoLink, at, revision });
        break;
      }
      case 'MeetingCancelled': {
        const d = dataOf(event, 'MeetingCancelled');
        s.cancel.run({ id: d.meetingId, reason: d.reason, at, revision });
        break;
      }
      case 'AgendaPublished': {
        const d = dataOf(event, 'AgendaPublished');
        s.publish.run({ id: d.meetingId, published_at: d.publishedAt, at, revision });
        break;
      }
      case 'AttendanceRecorded': {
        const d = dataOf(event, 'AttendanceRecorded');
        s.hold.run({ id: d.meetingId, at, revision });
        break;
      }
      case 'MinutesDrafted': {
        const d = dataOf(event, 'MinutesDrafted');
        s.minutes.run({ id: d.meetingId, minutes_status: 'DRAFT', at, revision });
        break;
      }
      case 'MinutesApproved': {
        const d = dataOf(event, 'MinutesApproved');
        s.minutes.run({ id: d.meetingId, minutes_status: 'APPROVED', at, revision });
        break;
      }
      default:
        s.touch.run({ id: (event.data as { meetingId: string }).meetingId, at, revision });
    }
  },
};

const GUARD = `WHERE id = @id AND revision < @revision`;

const statements = preparedStatements((db: Database) => ({
  schedule: db.prepare(
    `INSERT INTO ${MEETINGS_TABLE} (id, kind, title, starts_at, ends_at, location, video_link, status, series_id, series_index,
       agenda_published_at, cancelled_reason, held_at, minutes_status, scheduled_at, updated_at, revision)
     VALUES (@id, @kind, @title, @starts_at, @ends_at, @location, @video_link, 'SCHEDULED', @series_id, @series_index,
       NULL, NULL, NULL, 'NONE', @at, @at, @revision)
     ON CONFLICT (id) DO NOTHING`,
  ),
  reschedule: db.prepare(
    `UPDATE ${MEETINGS_TABLE} SET starts_at = @starts_at, ends_at = @ends_at, location = @location, video_link = @video_link,
       updated_at = @at, revision = @revision ${GUARD}`,
  ),
  cancel: db.prepare(
    `UPDATE ${MEETINGS_TABLE} SET status = 'CANCELLED', cancelled_reason = @reason, updated_at = @at, revision = @revision ${GUARD}`,
  ),
  publish: db.prepare(
    `UPDATE ${MEETINGS_TABLE} SET status = CASE WHEN status = 'SCHEDULED' THEN 'PUBLISHED' ELSE status END,
       agenda_published_at = @published_at, updated_at = @at, revision = @revision ${GUARD}`,
  ),
  hold: db.prepare(
    `UPDATE ${MEETINGS_TABLE} SET status = 'HELD', held_at = COALESCE(held_at, @at), updated_at = @at, revision = @revision ${GUARD}`,
  ),
  touch: db.prepare(`UPDATE ${MEETINGS_TABLE} SET updated_at = @at, revision = @revision ${GUARD}`),
  minutes: db.prepare(
    `UPDATE ${MEETINGS_TABLE} SET minutes_status = @minutes_status, updated_at = @at, revision = @revision ${GUARD}`,
  ),
}));

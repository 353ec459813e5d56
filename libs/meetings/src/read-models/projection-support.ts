import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import type { MeetingEvent } from '../domain/meeting.events';

/** The domain's own time of an event (metadata.occurredAt, from the injected clock). */
export function occurredAt(event: RecordedEvent): string {
  return String((event.metadata as { occurredAt?: string }).occurredAt ?? event.recordedAt);
}

/**
 * An ISO instant in one canonical form (UTC, milliseconds: `2027-01-12T08:00:00.000Z`), so that
 * instants given with different offsets compare and sort correctly as text.
 */
export function instant(value: string): string {
  return new Date(value).toISOString();
}

/** The data of a meeting event of the given type (the projection's `handles` list guarantees the type). */
export type DataOf<T extends MeetingEvent['type']> = Extract<MeetingEvent, { type: T }>['data'];

export function dataOf<T extends MeetingEvent['type']>(event: RecordedEvent, _type: T): DataOf<T> {
  return event.data as DataOf<T>;
}

/** SQLite stores booleans as 0/1. */
export const flag = (value: boolean): number => (value ? 1 : 0);

/**
 * A per-stream revision guard for projections whose one event touches several rows (positions
 * shift, a set is replaced): `CREATE TABLE <table> (stream_id TEXT PRIMARY KEY, revision INTEGER)`.
 * `advance` moves the stream's revision forward and says whether the event is new; an event at or
 * below the stored revision (re-applied) changes nothing.
 */
export function revisionGuard(table: string) {
  const statements = new WeakMap<Database, { advance: import('better-sqlite3').Statement }>();
  return {
    table,
    setup(db: Database): void {
      db.exec(`CREATE TABLE IF NOT EXISTS ${table} (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL)`);
    },
    advance(db: Database, event: RecordedEvent): boolean {
      let prepared = statements.get(db);
      if (!prepared) {
        prepared = {
          advance: db.prepare(
            `INSERT INTO ${table} (stream_id, revision) VALUES (?, ?)
             ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision WHERE excluded.revision > ${table}.revision`,
          ),
        };
        statements.set(db, prepared);
      }
      return prepared.advance.run(event.streamId, event.revision).changes === 1;
    },
  };
}

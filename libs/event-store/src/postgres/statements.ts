import { EVENTS_CHANNEL } from './wake-up-listener';

/** The columns every read selects, in this order; rows are read as arrays. */
const COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, recorded_at';

export type EventRow = [
  position: string,
  eventId: string,
  streamId: string,
  revision: string,
  type: string,
  data: unknown,
  metadata: Record<string, unknown>,
  recordedAt: Date,
];

// LIMIT NULL is no limit.
export const READ_FORWARDS = `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`;
export const READ_BACKWARDS = `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`;
export const READ_ALL = `SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`;
export const EVENT_AT = `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND revision = $2`;
export const STREAM_REVISION = 'SELECT revision::text AS revision FROM streams WHERE stream_id = $1';
// max() over the primary key is answered from the end of the index, not by a scan.
export const HEAD = 'SELECT coalesce(max(position), 0)::text AS head FROM events';

/**
 * What a batch needs to know before it plans, in one round trip: the head, the last event of each
 * stream it appends to, and which of its event ids are already recorded. It must run as its own
 * statement after the lock is granted: under READ COMMITTED a statement's snapshot is taken when it
 * starts, so only a later statement sees what the previous lock holder committed.
 */
export const READ_BATCH_VIEW = `
  SELECT
    (SELECT coalesce(max(position), 0)::text FROM events) AS head,
    (SELECT coalesce(json_agg(json_build_array(s.stream_id, s.revision::text, e.position::text, e.metadata->>'hash')), '[]'::json)
       FROM streams s JOIN events e ON e.stream_id = s.stream_id AND e.revision = s.revision
      WHERE s.stream_id = ANY($1::text[])) AS streams,
    (SELECT coalesce(json_agg(json_build_array(event_id, stream_id, revision::text, position::text)), '[]'::json)
       FROM events WHERE event_id = ANY($2::uuid[])) AS known`;

/**
 * The whole batch in one statement: its events, the streams' new revisions, and the doorbell.
 * NOTIFY is delivered at COMMIT, never for a batch that rolls back.
 */
export const WRITE_BATCH = `
  WITH appended AS (
    INSERT INTO events (position, event_id, stream_id, revision, type, data, metadata, recorded_at)
    SELECT p, e, s, r, t, d::json, m::json, statement_timestamp()
      FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[]) AS x(p, e, s, r, t, d, m)
  ), moved AS (
    INSERT INTO streams (stream_id, revision)
    SELECT * FROM unnest($8::text[], $9::bigint[])
    ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision
  )
  SELECT pg_notify('${EVENTS_CHANNEL}', $10)`;

/** Copied events (kom migrate-store), written as WRITE_BATCH does but with their own recorded times. */
export const IMPORT_BATCH = `
  WITH appended AS (
    INSERT INTO events (position, event_id, stream_id, revision, type, data, metadata, recorded_at)
    SELECT p, e, s, r, t, d::json, m::json, a
      FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::timestamptz[]) AS x(p, e, s, r, t, d, m, a)
  ), moved AS (
    INSERT INTO streams (stream_id, revision)
    SELECT * FROM unnest($9::text[], $10::bigint[])
    ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision
  )
  SELECT pg_notify('${EVENTS_CHANNEL}', $11)`;

import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';

export const AUDIT_TRAIL_TABLE = 'audit_trail';

/** `organization-<id>` → aggregate type `organization`, id `<id>`; a stream without '-' is its own type. */
export function aggregateOf(streamId: string): { type: string; id: string } {
  const dash = streamId.indexOf('-');
  return dash < 0 ? { type: streamId, id: '' } : { type: streamId.slice(0, dash), id: streamId.slice(dash + 1) };
}

/**
 * Every event of the log as an audit entry, whatever its type (summaries are made when read).
 * `seq` (the rowid) is the log order: the runner applies events in order, once each, so a rebuild
 * numbers them the same way. Every index ends in the rowid, so each filter pages in log order.
 */
export const auditTrailProjection: Projection = {
  name: 'audit_trail',
  version: 4, // 2: seq INTEGER PRIMARY KEY instead of a text position key; 3: subject_organization_id; 4: personal_data
  handles: '*',
  tables: [AUDIT_TRAIL_TABLE],
  setup(db: Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${AUDIT_TRAIL_TABLE} (
      seq INTEGER PRIMARY KEY,
      position TEXT NOT NULL,
      event_id TEXT NOT NULL,
      stream_id TEXT NOT NULL,
      revision TEXT NOT NULL,
      aggregate_type TEXT NOT NULL,
      aggregate_id TEXT NOT NULL,
      event_type TEXT NOT NULL,
      occurred_at TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      actor_user_id TEXT,
      actor_organization_id TEXT,
      actor_role TEXT,
      subject_organization_id TEXT, -- the organisation the event is about (data.organizationId, or an organization stream)
      correlation_id TEXT,
      causation_id TEXT,
      command TEXT,
      hash TEXT,
      data TEXT NOT NULL,
      personal_data TEXT -- 'RESTRICTED' or 'ERASED' once the person of this stream was restricted or forgotten
    )`);
    // apply reads through this one (an erasure marks its stream's entries); it also serves the
    // stream filter: a stream id is `<aggregate type>-<aggregate id>`.
    db.exec(`CREATE INDEX IF NOT EXISTS audit_trail_by_aggregate ON ${AUDIT_TRAIL_TABLE} (aggregate_type, aggregate_id)`);
  },
  // The filters' indexes; a rebuild creates them after the last entry.
  queryIndexes: ['event_type', 'actor_user_id', 'actor_organization_id', 'subject_organization_id', 'correlation_id', 'occurred_at'].map(
    (column) => `CREATE INDEX IF NOT EXISTS audit_trail_by_${column} ON ${AUDIT_TRAIL_TABLE} (${column})`,
  ),
  apply(db: Database, event: RecordedEvent) {
    insertEntry(db, event);
    // An act on personal data is recorded in the person's own stream; it marks every entry of that
    // stream. An erasure also drops the trail's copy of the sealed details (the log keeps them, under
    // a shredded key): the trail never holds personal data in the clear, nor keys, nor after erasure
    // even the ciphertext.
    if (event.type === PERSONAL_DATA_ERASED || event.type === PERSONAL_DATA_RESTRICTED) {
      const aggregate = aggregateOf(event.streamId);
      if (event.type === PERSONAL_DATA_ERASED) statements(db).erase.run(aggregate.type, aggregate.id);
      else statements(db).restrict.run(aggregate.type, aggregate.id);
    }
  },
};

/** The events (of the organizations context) that restrict or erase the personal data of their stream's person. */
export const PERSONAL_DATA_ERASED = 'PersonalDataErased';
export const PERSONAL_DATA_RESTRICTED = 'PersonalDataRestricted';
/** What an erased person's sealed details read as in the audit trail. */
export const ERASED = 'erased';

function insertEntry(db: Database, event: RecordedEvent): void {
  const m = event.metadata as {
    actor?: { userId?: unknown; organizationId?: unknown; role?: unknown };
    correlationId?: unknown;
    causationId?: unknown;
    command?: unknown;
    occurredAt?: unknown;
    hash?: unknown;
  };
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const aggregate = aggregateOf(event.streamId);
  statements(db).insert.run(
    String(event.position),
    event.id,
    event.streamId,
    String(event.revision),
    aggregate.type,
    aggregate.id,
    event.type,
    text(m.occurredAt) ?? event.recordedAt,
    event.recordedAt,
    text(m.actor?.userId),
    text(m.actor?.organizationId),
    text(m.actor?.role),
    text((event.data as { organizationId?: unknown } | null)?.organizationId) ?? (aggregate.type === 'organization' ? aggregate.id : null),
    text(m.correlationId),
    text(m.causationId),
    text(m.command),
    text(m.hash),
    JSON.stringify(event.data ?? null),
  );
}

const statements = preparedStatements((db) => ({
  // Positional parameters: measurably cheaper per row than named ones in better-sqlite3.
  insert: db.prepare(
    `INSERT INTO ${AUDIT_TRAIL_TABLE} (position, event_id, stream_id, revision, aggregate_type, aggregate_id,
       event_type, occurred_at, recorded_at, actor_user_id, actor_organization_id, actor_role, subject_organization_id, correlation_id,
       causation_id, command, hash, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  erase: db.prepare<[string, string]>(
    `UPDATE ${AUDIT_TRAIL_TABLE} SET personal_data = 'ERASED', data = json_replace(data, '$.details', '${ERASED}')
     WHERE aggregate_type = ? AND aggregate_id = ?`,
  ),
  restrict: db.prepare<[string, string]>(
    `UPDATE ${AUDIT_TRAIL_TABLE} SET personal_data = 'RESTRICTED' WHERE aggregate_type = ? AND aggregate_id = ? AND personal_data IS NULL`,
  ),
}));

import type { Database } from 'better-sqlite3';
import { AUDIT_TRAIL_TABLE, aggregateOf } from './audit-trail.projection';

export interface AuditTrailRow {
  seq: number;
  position: string;
  event_id: string;
  stream_id: string;
  revision: string;
  aggregate_type: string;
  aggregate_id: string;
  event_type: string;
  occurred_at: string;
  recorded_at: string;
  actor_user_id: string | null;
  actor_organization_id: string | null;
  actor_role: string | null;
  subject_organization_id: string | null;
  correlation_id: string | null;
  causation_id: string | null;
  command: string | null;
  hash: string | null;
  data: string;
  personal_data: 'RESTRICTED' | 'ERASED' | null;
}

export interface AuditTrailFilterValues {
  readonly streamId?: string | null;
  readonly aggregateType?: string | null;
  readonly aggregateId?: string | null;
  /** The acting organisation. */
  readonly organizationId?: string | null;
  /** The organisation the event is about. */
  readonly aboutOrganizationId?: string | null;
  /** The acting user. */
  readonly actorUserId?: string | null;
  readonly eventTypes?: readonly string[] | null;
  /** Inclusive, ISO 8601, on the event's occurredAt. */
  readonly from?: string | null;
  /** Exclusive. */
  readonly to?: string | null;
  readonly correlationId?: string | null;
}

/** Reads of the audit trail: in log order, filtered, keyset-paginated on the position. */
export class AuditTrailQueries {
  constructor(private readonly db: Database) {}

  /** `afterSeq`: the seq of the last entry of the previous page (the cursor). */
  page(filter: AuditTrailFilterValues, limit: number, afterSeq: number | undefined): AuditTrailRow[] {
    const where: string[] = [];
    const params: unknown[] = [];
    const eq = (column: string, value: string | null | undefined) => {
      if (value !== undefined && value !== null && value !== '') {
        where.push(`${column} = ?`);
        params.push(value);
      }
    };
    if (filter.streamId) {
      const aggregate = aggregateOf(filter.streamId);
      where.push('aggregate_type = ? AND aggregate_id = ?');
      params.push(aggregate.type, aggregate.id);
    }
    eq('aggregate_type', filter.aggregateType);
    eq('aggregate_id', filter.aggregateId);
    eq('actor_organization_id', filter.organizationId);
    eq('subject_organization_id', filter.aboutOrganizationId);
    eq('actor_user_id', filter.actorUserId);
    eq('correlation_id', filter.correlationId);
    if (filter.eventTypes && filter.eventTypes.length > 0) {
      where.push(`event_type IN (${filter.eventTypes.map(() => '?').join(', ')})`);
      params.push(...filter.eventTypes);
    }
    if (filter.from) {
      where.push('occurred_at >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('occurred_at < ?');
      params.push(filter.to);
    }
    if (afterSeq !== undefined) {
      where.push('seq > ?');
      params.push(afterSeq);
    }
    const sql = `SELECT * FROM ${AUDIT_TRAIL_TABLE} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq LIMIT ?`;
    return this.db.prepare(sql).all(...params, limit) as AuditTrailRow[];
  }

  /** How many entries the trail holds: every event of the log this replica has read. */
  count(): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${AUDIT_TRAIL_TABLE}`).get() as { n: number }).n;
  }

  /** The event types that occur in the log, alphabetically (for filters). */
  eventTypes(): string[] {
    return (this.db.prepare(`SELECT DISTINCT event_type AS type FROM ${AUDIT_TRAIL_TABLE} ORDER BY event_type`).all() as Array<{ type: string }>).map((r) => r.type);
  }

  /** Every entry of one aggregate's stream, in log order. */
  ofAggregate(type: string, id: string): AuditTrailRow[] {
    return this.db
      .prepare(`SELECT * FROM ${AUDIT_TRAIL_TABLE} WHERE aggregate_type = ? AND aggregate_id = ? ORDER BY seq`)
      .all(type, id) as AuditTrailRow[];
  }

  /** The latest event of one of these types on `<type>-<id>` at or before `seq` (names as they were then). */
  latestOfStream(type: string, id: string, eventTypes: readonly string[], seq: number): { eventType: string; data: string } | undefined {
    const marks = eventTypes.map(() => '?').join(', ');
    return this.db
      .prepare(
        `SELECT event_type AS eventType, data FROM ${AUDIT_TRAIL_TABLE}
         WHERE aggregate_type = ? AND aggregate_id = ? AND seq <= ? AND event_type IN (${marks}) ORDER BY seq DESC LIMIT 1`,
      )
      .get(type, id, seq, ...eventTypes) as { eventType: string; data: string } | undefined;
  }
}

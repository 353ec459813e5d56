import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '@kom/event-store';
import { preparedStatements, type Projection } from '@kom/projections';
import type { NotificationEvent } from '../domain/notification.events';
import type { PreferencesEvent } from '../domain/preferences.events';
import type { WebhookEndpointEvent } from '../domain/webhook-endpoint.events';

/**
 * The notifications context's read models: who hears about what (preferences, endpoints, and
 * what it reads of other contexts' public events: bodies, issues, action items, agreements), and
 * the outbox (every notification with its delivery state). One projection, so the outbox can
 * follow its own endpoint counters in the same transaction.
 */
export const NF_TABLES = [
  'nf_meetings',
  'nf_group_members',
  'nf_issues',
  'nf_action_items',
  'nf_agreements',
  'nf_signed_by_all',
  'nf_preferences',
  'nf_endpoints',
  'nf_notifications',
] as const;

/** The other contexts' events it reads, by shape (their libraries are not imported: see docs/notifications.md). */
export const AUDIENCE_EVENT_TYPES = [
  'MeetingScheduled',
  'OrganizationAdmittedToGroup',
  'OrganizationLeftGroup',
  'IssueSubmitted',
  'ActionItemAssigned',
  'ActionItemCompleted',
  'ActionItemCancelled',
  'AgreementDrafted',
  'AgreementAmended',
  'AgreementProposedForSignature',
  'AgreementSigned',
  'AgreementRenewed',
  'AgreementTerminated',
] as const;

const OWN_EVENT_TYPES = [
  'NotificationPreferencesSet',
  'WebhookEndpointRegistered',
  'WebhookSecretRotated',
  'WebhookEndpointDisabled',
  'WebhookEndpointEnabled',
  'WebhookEndpointRemoved',
  'NotificationRecorded',
  'NotificationDelivered',
  'NotificationDeliveryFailed',
  'NotificationAbandoned',
  'NotificationWithheld',
] as const;

type Any = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export const notificationsProjection: Projection = {
  name: 'notifications',
  version: 1,
  handles: [...AUDIENCE_EVENT_TYPES, ...OWN_EVENT_TYPES],
  tables: [...NF_TABLES],
  setup(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS nf_meetings (meeting_id TEXT PRIMARY KEY, kind TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS nf_group_members (group_kind TEXT NOT NULL, organization_id TEXT NOT NULL, PRIMARY KEY (group_kind, organization_id));
      CREATE TABLE IF NOT EXISTS nf_issues (issue_id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, submitter_user_id TEXT, submitter_organization_id TEXT);
      CREATE TABLE IF NOT EXISTS nf_action_items (action_item_id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, organization_id TEXT NOT NULL, due_date TEXT NOT NULL, open INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS nf_agreements (agreement_id TEXT PRIMARY KEY, version INTEGER NOT NULL, parties TEXT NOT NULL, signed TEXT NOT NULL, expires_on TEXT, in_force INTEGER NOT NULL, terminated INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS nf_signed_by_all (event_id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, version INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS nf_preferences (
        organization_id TEXT NOT NULL, user_id TEXT NOT NULL, role TEXT NOT NULL, representative_id TEXT,
        topics TEXT NOT NULL, language TEXT NOT NULL, cadence TEXT NOT NULL, due_soon_days INTEGER NOT NULL, expiring_days INTEGER NOT NULL,
        PRIMARY KEY (organization_id, user_id));
      CREATE TABLE IF NOT EXISTS nf_endpoints (
        endpoint_id TEXT PRIMARY KEY, organization_id TEXT NOT NULL, url TEXT NOT NULL, topics TEXT NOT NULL, status TEXT NOT NULL,
        sealed_secret TEXT NOT NULL, previous_sealed_secret TEXT, previous_valid_until TEXT, consecutive_failures INTEGER NOT NULL DEFAULT 0,
        registered_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS nf_notifications (
        notification_id TEXT PRIMARY KEY, topic TEXT NOT NULL, recipient_kind TEXT NOT NULL, user_id TEXT, organization_id TEXT NOT NULL,
        endpoint_id TEXT, subject_type TEXT NOT NULL, subject_id TEXT NOT NULL, source_event_id TEXT NOT NULL, occurred_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL, language TEXT NOT NULL, cadence TEXT NOT NULL, digest_day TEXT, due_date TEXT, items TEXT NOT NULL,
        digest_id TEXT, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT, settled_at TEXT, problem TEXT,
        position TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS nf_notifications_pending ON nf_notifications (status, next_attempt_at);
      CREATE INDEX IF NOT EXISTS nf_notifications_person ON nf_notifications (organization_id, user_id, recorded_at);
    `);
  },
  apply(db: Database, event: RecordedEvent) {
    const sql = statements(db);
    const d = event.data as Any;
    const at = String((event.metadata as { occurredAt?: string } | undefined)?.occurredAt ?? event.recordedAt);
    switch (event.type) {
      case 'MeetingScheduled':
        sql.meeting.run(d.meetingId, d.kind);
        return;
      case 'OrganizationAdmittedToGroup':
        sql.joinGroup.run(d.groupKind, d.organizationId);
        return;
      case 'OrganizationLeftGroup':
        sql.leaveGroup.run(d.groupKind, d.organizationId);
        return;
      case 'IssueSubmitted': {
        const actor = (event.metadata as { actor?: { userId?: string; organizationId?: string } } | undefined)?.actor;
        sql.issue.run(d.issueId, d.organizationId, actor?.userId ?? null, actor?.organizationId ?? null);
        return;
      }
      case 'ActionItemAssigned':
        sql.actionItem.run(d.actionItemId, d.meetingId, d.responsibleOrganizationId, d.dueDate);
        return;
      case 'ActionItemCompleted':
      case 'ActionItemCancelled':
        sql.closeActionItem.run(d.actionItemId);
        return;
      case 'AgreementDrafted':
      case 'AgreementAmended':
        sql.agreement.run(d.agreementId, d.version, JSON.stringify((d.parties as Array<{ organizationId: string }>).map((p) => p.organizationId)), d.expiresOn ?? null);
        return;
      case 'AgreementProposedForSignature':
        return;
      case 'AgreementSigned': {
        const row = sql.agreementById.get(d.agreementId) as { version: number; parties: string; signed: string } | undefined;
        if (!row || row.version !== d.version) return;
        const signed = [...new Set([...(JSON.parse(row.signed) as string[]), d.organizationId as string])].sort();
        const parties = JSON.parse(row.parties) as string[];
        const all = parties.every((p) => signed.includes(p));
        sql.sign.run(JSON.stringify(signed), all ? 1 : 0, d.agreementId);
        if (all) sql.signedByAll.run(event.id, d.agreementId, d.version);
        return;
      }
      case 'AgreementRenewed':
        sql.renew.run(d.expiresOn, d.agreementId);
        return;
      case 'AgreementTerminated':
        sql.terminate.run(d.agreementId);
        return;
      default:
        applyOwn(sql, { type: event.type, data: event.data } as PreferencesEvent | WebhookEndpointEvent | NotificationEvent, at, event.position);
    }
  },
};

function applyOwn(sql: ReturnType<typeof statements>, e: PreferencesEvent | WebhookEndpointEvent | NotificationEvent, at: string, position: bigint): void {
  switch (e.type) {
    case 'NotificationPreferencesSet': {
      const p = e.data;
      sql.preferences.run(p.organizationId, p.userId, p.role, p.representativeId, JSON.stringify(p.topics), p.language, p.cadence, p.dueSoonDays, p.expiringDays);
      return;
    }
    case 'WebhookEndpointRegistered':
      sql.endpoint.run(e.data.endpointId, e.data.organizationId, e.data.url, JSON.stringify(e.data.topics), e.data.sealedSecret, at);
      return;
    case 'WebhookSecretRotated':
      sql.rotate.run({ secret: e.data.sealedSecret, until: e.data.previousValidUntil, id: e.data.endpointId });
      return;
    case 'WebhookEndpointDisabled':
      sql.endpointStatus.run('DISABLED', e.data.endpointId);
      return;
    case 'WebhookEndpointEnabled':
      sql.endpointStatus.run('ACTIVE', e.data.endpointId);
      sql.endpointFailures.run(0, e.data.endpointId);
      return;
    case 'WebhookEndpointRemoved':
      sql.endpointStatus.run('REMOVED', e.data.endpointId);
      return;
    case 'NotificationRecorded': {
      const n = e.data;
      const r = n.recipient;
      const inserted = sql.notification.run({
        id: n.notificationId,
        topic: n.topic,
        kind: r.kind,
        user: r.kind === 'PERSON' ? r.userId : null,
        org: r.organizationId,
        endpoint: r.kind === 'ENDPOINT' ? r.endpointId : null,
        subjectType: n.subject.type,
        subjectId: n.subject.id,
        source: n.sourceEventId,
        occurredAt: n.occurredAt,
        recordedAt: at,
        language: n.language,
        cadence: n.cadence,
        digestDay: n.digestDay,
        dueDate: n.dueDate,
        items: JSON.stringify(n.items),
        // A digest's items wait in it; an item for a digest waits for its day to end.
        status: n.cadence === 'DAILY_DIGEST' && n.topic !== 'DIGEST' ? 'AWAITING_DIGEST' : 'PENDING',
        next: at,
        position: String(position),
      });
      if (inserted.changes === 1) for (const item of n.items) sql.bundle.run(n.notificationId, item);
      return;
    }
    case 'NotificationDelivered': {
      sql.settle.run('DELIVERED', e.data.attempt, at, null, e.data.notificationId);
      sql.settleItems.run('DELIVERED', at, e.data.notificationId);
      const endpoint = sql.endpointOf.get(e.data.notificationId) as { endpoint_id: string | null } | undefined;
      if (endpoint?.endpoint_id) sql.endpointFailures.run(0, endpoint.endpoint_id);
      return;
    }
    case 'NotificationDeliveryFailed': {
      sql.failed.run(e.data.attempt, e.data.nextAttemptAt, e.data.problem, e.data.notificationId);
      const endpoint = sql.endpointOf.get(e.data.notificationId) as { endpoint_id: string | null } | undefined;
      if (endpoint?.endpoint_id) sql.endpointFailed.run(endpoint.endpoint_id);
      return;
    }
    case 'NotificationAbandoned':
      sql.settle.run('ABANDONED', e.data.attempts, at, e.data.problem, e.data.notificationId);
      sql.settleItems.run('ABANDONED', at, e.data.notificationId);
      return;
    case 'NotificationWithheld':
      sql.withhold.run(at, e.data.reason, e.data.notificationId);
      sql.settleItems.run('WITHHELD', at, e.data.notificationId);
      return;
    default:
      return;
  }
}

const statements = preparedStatements((db: Database) => ({
  meeting: db.prepare(`INSERT INTO nf_meetings (meeting_id, kind) VALUES (?, ?) ON CONFLICT DO NOTHING`),
  joinGroup: db.prepare(`INSERT INTO nf_group_members (group_kind, organization_id) VALUES (?, ?) ON CONFLICT DO NOTHING`),
  leaveGroup: db.prepare(`DELETE FROM nf_group_members WHERE group_kind = ? AND organization_id = ?`),
  issue: db.prepare(`INSERT INTO nf_issues (issue_id, organization_id, submitter_user_id, submitter_organization_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`),
  actionItem: db.prepare(
    `INSERT INTO nf_action_items (action_item_id, meeting_id, organization_id, due_date, open) VALUES (?, ?, ?, ?, 1)
     ON CONFLICT (action_item_id) DO UPDATE SET organization_id = excluded.organization_id, due_date = excluded.due_date`,
  ),
  closeActionItem: db.prepare(`UPDATE nf_action_items SET open = 0 WHERE action_item_id = ?`),
  agreement: db.prepare(
    `INSERT INTO nf_agreements (agreement_id, version, parties, signed, expires_on, in_force, terminated) VALUES (?, ?, ?, '[]', ?, 0, 0)
     ON CONFLICT (agreement_id) DO UPDATE SET version = excluded.version, parties = excluded.parties, signed = '[]', expires_on = excluded.expires_on, in_force = 0`,
  ),
  agreementById: db.prepare(`SELECT version, parties, signed FROM nf_agreements WHERE agreement_id = ?`),
  sign: db.prepare(`UPDATE nf_agreements SET signed = ?, in_force = ? WHERE agreement_id = ?`),
  signedByAll: db.prepare(`INSERT INTO nf_signed_by_all (event_id, agreement_id, version) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`),
  renew: db.prepare(`UPDATE nf_agreements SET expires_on = ? WHERE agreement_id = ?`),
  terminate: db.prepare(`UPDATE nf_agreements SET terminated = 1, in_force = 0 WHERE agreement_id = ?`),
  preferences: db.prepare(
    `INSERT INTO nf_preferences (organization_id, user_id, role, representative_id, topics, language, cadence, due_soon_days, expiring_days)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (organization_id, user_id) DO UPDATE SET role = excluded.role, representative_id = excluded.representative_id, topics = excluded.topics,
       language = excluded.language, cadence = excluded.cadence, due_soon_days = excluded.due_soon_days, expiring_days = excluded.expiring_days`,
  ),
  endpoint: db.prepare(
    `INSERT INTO nf_endpoints (endpoint_id, organization_id, url, topics, status, sealed_secret, registered_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?) ON CONFLICT DO NOTHING`,
  ),
  rotate: db.prepare(
    `UPDATE nf_endpoints SET previous_sealed_secret = sealed_secret, previous_valid_until = @until, sealed_secret = @secret WHERE endpoint_id = @id`,
  ),
  endpointStatus: db.prepare(`UPDATE nf_endpoints SET status = ? WHERE endpoint_id = ?`),
  endpointFailures: db.prepare(`UPDATE nf_endpoints SET consecutive_failures = ? WHERE endpoint_id = ?`),
  endpointFailed: db.prepare(`UPDATE nf_endpoints SET consecutive_failures = consecutive_failures + 1 WHERE endpoint_id = ?`),
  endpointOf: db.prepare(`SELECT endpoint_id FROM nf_notifications WHERE notification_id = ?`),
  notification: db.prepare(
    `INSERT INTO nf_notifications (notification_id, topic, recipient_kind, user_id, organization_id, endpoint_id, subject_type, subject_id, source_event_id,
       occurred_at, recorded_at, language, cadence, digest_day, due_date, items, status, next_attempt_at, position)
     VALUES (@id, @topic, @kind, @user, @org, @endpoint, @subjectType, @subjectId, @source, @occurredAt, @recordedAt, @language, @cadence, @digestDay,
       @dueDate, @items, @status, @next, @position) ON CONFLICT DO NOTHING`,
  ),
  bundle: db.prepare(`UPDATE nf_notifications SET digest_id = ?, status = 'IN_DIGEST' WHERE notification_id = ? AND digest_id IS NULL`),
  settle: db.prepare(`UPDATE nf_notifications SET status = ?, attempts = ?, settled_at = ?, problem = ?, next_attempt_at = NULL WHERE notification_id = ?`),
  settleItems: db.prepare(`UPDATE nf_notifications SET status = ?, settled_at = ? WHERE digest_id = ?`),
  failed: db.prepare(`UPDATE nf_notifications SET attempts = ?, next_attempt_at = ?, problem = ? WHERE notification_id = ?`),
  withhold: db.prepare(`UPDATE nf_notifications SET status = 'WITHHELD', settled_at = ?, problem = ?, next_attempt_at = NULL WHERE notification_id = ?`),
}));

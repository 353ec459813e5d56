import type { Database } from 'better-sqlite3';
import { prepared, preparedStatements } from '@kom/projections';
import type { Cadence, Language, Topic } from '../domain/topics';

export interface PersonPreferences {
  readonly userId: string;
  readonly organizationId: string;
  readonly role: string;
  readonly representativeId: string | null;
  readonly topics: readonly Topic[];
  readonly language: Language;
  readonly cadence: Cadence;
  readonly dueSoonDays: number;
  readonly expiringDays: number;
}

export interface EndpointRow {
  readonly endpointId: string;
  readonly organizationId: string;
  readonly url: string;
  readonly topics: readonly Topic[];
  readonly status: 'ACTIVE' | 'DISABLED' | 'REMOVED';
  readonly sealedSecret: string;
  readonly previousSealedSecret: string | null;
  readonly previousValidUntil: string | null;
  readonly consecutiveFailures: number;
  readonly registeredAt: string;
}

export interface NotificationRow {
  readonly notificationId: string;
  readonly topic: string;
  readonly recipientKind: 'PERSON' | 'ENDPOINT';
  readonly userId: string | null;
  readonly organizationId: string;
  readonly endpointId: string | null;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly sourceEventId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly language: Language;
  readonly cadence: Cadence;
  readonly digestDay: string | null;
  readonly dueDate: string | null;
  readonly items: readonly string[];
  readonly digestId: string | null;
  readonly status: 'PENDING' | 'AWAITING_DIGEST' | 'IN_DIGEST' | 'DELIVERED' | 'ABANDONED' | 'WITHHELD';
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly settledAt: string | null;
  readonly problem: string | null;
}

const PREFS = `SELECT user_id AS userId, organization_id AS organizationId, role, representative_id AS representativeId, topics, language, cadence,
  due_soon_days AS dueSoonDays, expiring_days AS expiringDays FROM nf_preferences`;
const ENDPOINTS = `SELECT endpoint_id AS endpointId, organization_id AS organizationId, url, topics, status, sealed_secret AS sealedSecret,
  previous_sealed_secret AS previousSealedSecret, previous_valid_until AS previousValidUntil, consecutive_failures AS consecutiveFailures,
  registered_at AS registeredAt FROM nf_endpoints`;
const NOTIFICATIONS = `SELECT notification_id AS notificationId, topic, recipient_kind AS recipientKind, user_id AS userId, organization_id AS organizationId,
  endpoint_id AS endpointId, subject_type AS subjectType, subject_id AS subjectId, source_event_id AS sourceEventId, occurred_at AS occurredAt,
  recorded_at AS recordedAt, language, cadence, digest_day AS digestDay, due_date AS dueDate, items, digest_id AS digestId, status, attempts,
  next_attempt_at AS nextAttemptAt, settled_at AS settledAt, problem FROM nf_notifications`;

const prefs = (row: Record<string, unknown>): PersonPreferences => ({ ...(row as unknown as PersonPreferences), topics: JSON.parse(row['topics'] as string) });
const endpoint = (row: Record<string, unknown>): EndpointRow => ({ ...(row as unknown as EndpointRow), topics: JSON.parse(row['topics'] as string) });
const notification = (row: Record<string, unknown>): NotificationRow => ({ ...(row as unknown as NotificationRow), items: JSON.parse(row['items'] as string) });

// Asked on every pass of the deadline scheduler: prepared once per connection.
const statements = preparedStatements((db: Database) => ({
  subscribers: db.prepare(`${PREFS} WHERE EXISTS (SELECT 1 FROM json_each(topics) WHERE value = ?) ORDER BY organization_id, user_id`),
  endpoints: db.prepare(`${ENDPOINTS} WHERE status = 'ACTIVE' AND EXISTS (SELECT 1 FROM json_each(topics) WHERE value = ?) ORDER BY endpoint_id`),
  recorded: db.prepare(`SELECT 1 FROM nf_notifications WHERE notification_id = ?`),
}));

/** Reads of the notifications read models (the projection writes them). */
export class NotificationsReadModel {
  constructor(private readonly db: Database) {}

  preferencesOf(organizationId: string, userId: string): PersonPreferences | undefined {
    const row = prepared(this.db, `${PREFS} WHERE organization_id = ? AND user_id = ?`).get(organizationId, userId) as Record<string, unknown> | undefined;
    return row && prefs(row);
  }

  /** Persons of these organisations (and, when asked, the secretariat) who chose the topic. */
  personsFor(topic: Topic, organizationIds: readonly string[], withSecretariat = false): PersonPreferences[] {
    const rows = prepared(
      this.db,
      `${PREFS} WHERE EXISTS (SELECT 1 FROM json_each(topics) WHERE value = ?)
         AND (organization_id IN (SELECT value FROM json_each(?)) OR (? = 1 AND role = 'SECRETARIAT'))
       ORDER BY organization_id, user_id`,
    ).all(topic, JSON.stringify(organizationIds), withSecretariat ? 1 : 0) as Array<Record<string, unknown>>;
    return rows.map(prefs);
  }

  /** Everyone who chose the topic, by organisation and user: the deadline scheduler narrows it per item. */
  subscribersOf(topic: Topic): PersonPreferences[] {
    return (statements(this.db).subscribers.all(topic) as Array<Record<string, unknown>>).map(prefs);
  }

  /** Every active endpoint that subscribes to the topic, by endpoint id. */
  endpointsSubscribedTo(topic: Topic): EndpointRow[] {
    return (statements(this.db).endpoints.all(topic) as Array<Record<string, unknown>>).map(endpoint);
  }

  /** Whether a notification with this id is recorded (the read model may lag the log: then it says no). */
  isRecorded(notificationId: string): boolean {
    return statements(this.db).recorded.get(notificationId) !== undefined;
  }

  /** Active endpoints of these organisations that subscribe to the topic. */
  endpointsFor(topic: Topic, organizationIds: readonly string[]): EndpointRow[] {
    const rows = prepared(
      this.db,
      `${ENDPOINTS} WHERE status = 'ACTIVE' AND EXISTS (SELECT 1 FROM json_each(topics) WHERE value = ?)
         AND organization_id IN (SELECT value FROM json_each(?)) ORDER BY endpoint_id`,
    ).all(topic, JSON.stringify(organizationIds)) as Array<Record<string, unknown>>;
    return rows.map(endpoint);
  }

  endpoint(endpointId: string): EndpointRow | undefined {
    const row = prepared(this.db, `${ENDPOINTS} WHERE endpoint_id = ?`).get(endpointId) as Record<string, unknown> | undefined;
    return row && endpoint(row);
  }

  endpointsOf(organizationId: string): EndpointRow[] {
    return (prepared(this.db, `${ENDPOINTS} WHERE organization_id = ? AND status <> 'REMOVED' ORDER BY registered_at, endpoint_id`).all(organizationId) as Array<Record<string, unknown>>).map(endpoint);
  }

  /** Removed endpoints (to shred a key left behind by a crash between the removal and the shredding). */
  removedEndpointIds(): string[] {
    return (prepared(this.db, `SELECT endpoint_id AS id FROM nf_endpoints WHERE status = 'REMOVED'`).all() as Array<{ id: string }>).map((r) => r.id);
  }

  meetingKind(meetingId: string): string | undefined {
    return (prepared(this.db, `SELECT kind FROM nf_meetings WHERE meeting_id = ?`).get(meetingId) as { kind: string } | undefined)?.kind;
  }

  groupMembers(groupKinds: readonly string[]): string[] {
    return (prepared(this.db, `SELECT DISTINCT organization_id AS id FROM nf_group_members WHERE group_kind IN (SELECT value FROM json_each(?)) ORDER BY 1`).all(JSON.stringify(groupKinds)) as Array<{ id: string }>).map((r) => r.id);
  }

  issue(issueId: string): { organizationId: string; submitterUserId: string | null; submitterOrganizationId: string | null } | undefined {
    return prepared(
      this.db,
      `SELECT organization_id AS organizationId, submitter_user_id AS submitterUserId, submitter_organization_id AS submitterOrganizationId FROM nf_issues WHERE issue_id = ?`,
    ).get(issueId) as { organizationId: string; submitterUserId: string | null; submitterOrganizationId: string | null } | undefined;
  }

  agreementParties(agreementId: string): string[] {
    const row = prepared(this.db, `SELECT parties FROM nf_agreements WHERE agreement_id = ?`).get(agreementId) as { parties: string } | undefined;
    return row ? (JSON.parse(row.parties) as string[]) : [];
  }

  /** Whether this signature was the one that completed the set of signatures. */
  completedSignatures(eventId: string): boolean {
    return prepared(this.db, `SELECT 1 FROM nf_signed_by_all WHERE event_id = ?`).get(eventId) !== undefined;
  }

  openActionItems(): Array<{ actionItemId: string; organizationId: string; dueDate: string }> {
    return prepared(
      this.db,
      `SELECT action_item_id AS actionItemId, organization_id AS organizationId, due_date AS dueDate FROM nf_action_items WHERE open = 1 ORDER BY due_date, action_item_id`,
    ).all() as Array<{ actionItemId: string; organizationId: string; dueDate: string }>;
  }

  agreementsInForceWithExpiry(): Array<{ agreementId: string; parties: string[]; expiresOn: string }> {
    return (
      prepared(
        this.db,
        `SELECT agreement_id AS agreementId, parties, expires_on AS expiresOn FROM nf_agreements WHERE in_force = 1 AND terminated = 0 AND expires_on IS NOT NULL ORDER BY agreement_id`,
      ).all() as Array<{ agreementId: string; parties: string; expiresOn: string }>
    ).map((r) => ({ ...r, parties: JSON.parse(r.parties) as string[] }));
  }

  notification(notificationId: string): NotificationRow | undefined {
    const row = prepared(this.db, `${NOTIFICATIONS} WHERE notification_id = ?`).get(notificationId) as Record<string, unknown> | undefined;
    return row && notification(row);
  }

  /** Due for (another) attempt at `now`. */
  dueForDelivery(now: string, limit: number): NotificationRow[] {
    return (prepared(this.db, `${NOTIFICATIONS} WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, position LIMIT ?`).all(now, limit) as Array<Record<string, unknown>>).map(notification);
  }

  /** Items waiting for a digest whose Oslo day is over (before `today`). */
  awaitingDigest(today: string): NotificationRow[] {
    return (prepared(this.db, `${NOTIFICATIONS} WHERE status = 'AWAITING_DIGEST' AND digest_day < ? ORDER BY organization_id, user_id, digest_day, occurred_at, notification_id`).all(today) as Array<Record<string, unknown>>).map(notification);
  }

  /**
   * What the platform recorded for one person, newest first (digests and what they bundle), a
   * page after the (recordedAt, notificationId) of the last one seen.
   */
  forPerson(organizationId: string, userId: string, limit: number, after?: { recordedAt: string; notificationId: string }): NotificationRow[] {
    return (
      prepared(
        this.db,
        `${NOTIFICATIONS} WHERE organization_id = ? AND user_id = ?
           AND (? IS NULL OR recorded_at < ? OR (recorded_at = ? AND notification_id > ?))
         ORDER BY recorded_at DESC, notification_id LIMIT ?`,
      ).all(organizationId, userId, after?.recordedAt ?? null, after?.recordedAt ?? null, after?.recordedAt ?? null, after?.notificationId ?? null, limit) as Array<Record<string, unknown>>
    ).map(notification);
  }

  /** An endpoint's latest failed deliveries (what went wrong, newest first). */
  recentProblems(endpointId: string, limit: number): Array<{ notificationId: string; problem: string; attempts: number; status: string }> {
    return prepared(
      this.db,
      `SELECT notification_id AS notificationId, problem, attempts, status FROM nf_notifications
        WHERE endpoint_id = ? AND problem IS NOT NULL AND status IN ('PENDING', 'ABANDONED') ORDER BY length(position) DESC, position DESC LIMIT ?`,
    ).all(endpointId, limit) as Array<{ notificationId: string; problem: string; attempts: number; status: string }>;
  }
}

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { POSTGRES_LOCK_NAMESPACE } from '@kom/event-store';
import type { Actor } from '@kom/kernel';
import { systemClock } from '@kom/platform';
import { NOTIFICATION_DELIVERY_LOCK } from '../delivery/delivery-lock';
import type { RecipientAddresses } from '../delivery/ports';
import { newWebhookSecret } from '../delivery/webhook-signature';
import { EngineHarness } from './engine-harness';

/** Representative `rep-<n>` is `person<n>@ngo.example` (as in delivery-child.ts). */
export const ADDRESSES: RecipientAddresses = {
  emailOf: async (id) => ({ email: `person${id.slice(4)}@ngo.example` }),
  organizationOf: async () => 'org-ngo',
};

/** The log's connection string for one replica, named so that pg_stat_activity tells them apart. */
export function replicaUrl(databaseUrl: string, replica: number): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', `kom-replica-${replica}`);
  return url.toString();
}

/**
 * A shared log to deliver from: `persons` people and `endpoints` webhook endpoints of one NGO
 * follow its issue, which then changes `changes` times; nothing recorded or sent yet (the
 * replicas' reactors record). Returns the webhook secret and how many go out per channel.
 */
export async function seedSharedLog(url: string, keysFile: string, hooksUrl: string, counts: { persons: number; endpoints: number; changes: number }) {
  const seed = await EngineHarness.open({ eventStoreUrl: url, keysFile, clock: systemClock, mail: undefined, addresses: ADDRESSES });
  const secret = newWebhookSecret();
  try {
    for (let p = 1; p <= counts.persons; p++) {
      const actor: Actor = { userId: `user-${p}`, organizationId: 'org-ngo', role: 'NGO_REPRESENTATIVE' };
      await seed.setPreferences(
        { type: 'SetNotificationPreferences', topics: ['ISSUE_STATUS_CHANGED'], language: 'en', cadence: 'IMMEDIATE', dueSoonDays: 7, expiringDays: 7, representativeId: `rep-${p}`, representativeOrganizationId: 'org-ngo' },
        { actor, correlationId: randomUUID() },
      );
    }
    const owner: Actor = { userId: 'user-1', organizationId: 'org-ngo', role: 'NGO_REPRESENTATIVE' };
    for (let e = 1; e <= counts.endpoints; e++) {
      const endpointId = `ep-${e}`;
      const sealedSecret = await seed.secrets.seal(endpointId, secret);
      await seed.endpoint({ type: 'RegisterWebhookEndpoint', endpointId, url: hooksUrl, topics: ['ISSUE_STATUS_CHANGED'], sealedSecret }, { actor: owner, correlationId: randomUUID() });
    }
    const append = (type: string, data: object) =>
      seed.store.appendToStream('issue-x', [{ id: randomUUID(), type, data, metadata: { correlationId: randomUUID(), occurredAt: new Date().toISOString() } }]);
    await append('IssueSubmitted', { issueId: 'issue-x', organizationId: 'org-ngo' });
    for (let i = 0; i < counts.changes; i++) await append('IssueClosed', { issueId: 'issue-x', reason: `r${i}`, meetingId: null, agendaItemId: null });
  } finally {
    await seed.close();
  }
  return { secret, mails: counts.persons * counts.changes, webhooks: counts.endpoints * counts.changes };
}

/** What the log itself says (not a read model): each NotificationDelivered, and how many were recorded. */
export async function logOutcome(admin: Client): Promise<{ recorded: number; delivered: Array<{ notificationId: string; idempotencyKey: string }> }> {
  const recorded = await admin.query<{ n: string }>(`SELECT COUNT(*) AS n FROM events WHERE type = 'NotificationRecorded'`);
  const delivered = await admin.query<{ data: { notificationId: string; idempotencyKey: string } }>(`SELECT data FROM events WHERE type = 'NotificationDelivered' ORDER BY position`);
  return { recorded: Number(recorded.rows[0]!.n), delivered: delivered.rows.map((r) => r.data) };
}

/** The replica whose session holds the delivery lock now (see replicaUrl), or undefined. */
export async function deliveryLockHolder(admin: Client): Promise<number | undefined> {
  const { rows } = await admin.query<{ name: string }>(
    `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.objsubid = 2`,
    [POSTGRES_LOCK_NAMESPACE, NOTIFICATION_DELIVERY_LOCK],
  );
  const match = /^kom-replica-(\d+)$/.exec(rows[0]?.name ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Copies on the wire beyond the first of each id. */
export const copies = (ids: readonly string[]) => ids.length - new Set(ids).size;

/** Polls `probe` until it gives a value (not undefined or false), or gives up with undefined at the deadline. */
export async function until<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, withinMs: number, everyMs = 10): Promise<T | undefined> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

import { SYSTEM_ACTOR, osloDate } from '@kom/kernel';
import type { Clock, CommandMeta } from '@kom/platform';
import { notificationId, type NotificationCommand } from '../domain/notification.decider';
import type { WebhookEndpointCommand } from '../domain/webhook-endpoint.decider';
import type { NotificationRow, NotificationsReadModel } from '../read-models/notifications.queries';
import { renderMail, webhookPayload } from './messages';
import type { MailTransport, RecipientAddresses } from './ports';
import type { WebhookSecrets } from './webhook-secrets';
import { webhookHeaders } from './webhook-signature';
import { webhookTargetProblem, type Resolve } from './webhook-address';

export interface DeliveryOptions {
  /** Attempts per webhook notification before it is abandoned. */
  readonly maxAttempts: number;
  /** Consecutive failed attempts after which an endpoint is disabled (and its organisation told). */
  readonly disableAfterFailures: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly webhookTimeoutMs: number;
  /** Links in e-mails start here (KOM_PUBLIC_ORIGIN). */
  readonly publicOrigin: string;
  /** The right-hand side of Message-IDs. */
  readonly messageIdDomain: string;
  readonly batchSize: number;
  /** Call endpoints on loopback, private and link-local addresses (KOM_WEBHOOK_ALLOW_PRIVATE_ADDRESSES). */
  readonly allowPrivateAddresses: boolean;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  maxAttempts: 8,
  disableAfterFailures: 20,
  backoffBaseMs: 30_000,
  backoffMaxMs: 6 * 3_600_000,
  webhookTimeoutMs: 10_000,
  publicOrigin: 'http://localhost:3000',
  messageIdDomain: 'kom-platform.invalid',
  batchSize: 100,
  allowPrivateAddresses: false,
};

export interface OutboxDeps {
  readonly readModel: NotificationsReadModel;
  readonly clock: Clock;
  /** Appends through the command path and resolves once the read models show it. */
  readonly notification: (command: NotificationCommand, meta: CommandMeta) => Promise<unknown>;
  readonly endpoint: (command: WebhookEndpointCommand, meta: CommandMeta) => Promise<unknown>;
  /** Resolves once the read models show the whole log as it is now. */
  readonly caughtUp: () => Promise<void>;
  /** undefined: no SMTP configured; e-mail notifications stay recorded and listed in the app. */
  readonly mail: MailTransport | undefined;
  readonly addresses: RecipientAddresses;
  readonly secrets: WebhookSecrets;
  readonly options: DeliveryOptions;
  readonly random?: () => number;
  readonly fetch?: typeof fetch;
  readonly resolve?: Resolve;
  /** True once the process is shutting down: the pass ends after the send under way. */
  readonly stopping?: () => boolean;
}

/** Exponential backoff with full jitter between half and the whole of the step. */
export function backoffMs(attempt: number, options: Pick<DeliveryOptions, 'backoffBaseMs' | 'backoffMaxMs'>, random: () => number): number {
  const step = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

const meta = (id: string, step: string): CommandMeta => ({ actor: SYSTEM_ACTOR, correlationId: id, causationId: `${id}/${step}`, deriveEventIds: true });

/**
 * The outbox's back door: sends what is recorded and not settled, then records the outcome. A
 * crash between sending and recording sends again, with the same idempotency key (Message-ID,
 * webhook-id): at least once to the wire, once per key for a receiver that deduplicates.
 * Addresses are looked up at sending time from the sealed personal data and kept nowhere: an
 * erased person's notifications are withheld, never sent. It trusts its read models for what is
 * pending, so it must be the only sender on its log: NotificationsEngine runs it under the
 * cluster-wide delivery lock, with the read models caught up after the lock was granted.
 */
export class OutboxDeliverer {
  private readonly random: () => number;
  private readonly fetch: typeof fetch;

  constructor(private readonly deps: OutboxDeps) {
    this.random = deps.random ?? Math.random;
    this.fetch = deps.fetch ?? globalThis.fetch;
  }

  /** One pass: compile the digests of finished days, then attempt what is due. Returns attempts made. */
  async runOnce(): Promise<number> {
    await this.deps.caughtUp();
    await this.compileDigests();
    const now = this.deps.clock.now();
    let attempts = 0;
    for (const n of this.deps.readModel.dueForDelivery(now.toISOString(), this.deps.options.batchSize)) {
      if (this.deps.stopping?.()) break; // what is left stays pending for the next start
      if (n.recipientKind === 'PERSON' && this.deps.mail === undefined) continue; // listed in the app; sent once SMTP is configured
      attempts += 1;
      await (n.recipientKind === 'PERSON' ? this.sendMail(n) : this.sendWebhook(n));
    }
    return attempts;
  }

  /** One digest per person and finished Oslo day; its id derives from the person, the day and its items. */
  private async compileDigests(): Promise<void> {
    const today = osloDate(this.deps.clock.now());
    const groups = new Map<string, NotificationRow[]>();
    for (const item of this.deps.readModel.awaitingDigest(today)) {
      const key = `${item.organizationId}\u0000${item.userId}\u0000${item.digestDay}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    for (const items of groups.values()) {
      const first = items[0]!;
      const ids = items.map((i) => i.notificationId).sort();
      const digestId = notificationId('digest', first.organizationId, first.userId!, first.digestDay!, ...ids);
      await this.deps.notification(
        {
          type: 'RecordNotification',
          notification: {
            notificationId: digestId,
            topic: 'DIGEST',
            recipient: { kind: 'PERSON', userId: first.userId!, organizationId: first.organizationId },
            subject: { type: 'DIGEST', id: digestId },
            sourceEventId: digestId,
            occurredAt: this.deps.clock.now().toISOString(),
            language: first.language,
            cadence: 'DAILY_DIGEST',
            digestDay: first.digestDay,
            dueDate: null,
            items: ids,
          },
        },
        meta(digestId, 'digest'),
      );
    }
  }

  private async sendMail(n: NotificationRow): Promise<void> {
    const preferences = this.deps.readModel.preferencesOf(n.organizationId, n.userId!);
    const representativeId = preferences?.representativeId ?? null;
    const address = representativeId === null ? undefined : await this.deps.addresses.emailOf(representativeId);
    if (address === undefined || 'erased' in address) {
      const reason = address !== undefined ? 'RECIPIENT_ERASED' : 'NO_ADDRESS';
      await this.deps.notification({ type: 'WithholdNotification', notificationId: n.notificationId, reason }, meta(n.notificationId, 'withheld'));
      return;
    }
    const items = n.topic === 'DIGEST' ? n.items.map((id) => this.deps.readModel.notification(id)).filter((i): i is NotificationRow => i !== undefined) : [];
    const message = renderMail(n, items, address.email, this.deps.options.publicOrigin, this.deps.options.messageIdDomain);
    const attempt = n.attempts + 1;
    try {
      await this.deps.mail!.send(message);
    } catch (error) {
      await this.failed(n, attempt, `SMTP: ${String((error as Error)?.message ?? error).slice(0, 150)}`);
      return;
    }
    await this.deps.notification({ type: 'MarkNotificationDelivered', notificationId: n.notificationId, attempt, idempotencyKey: message.messageId }, meta(n.notificationId, 'delivered'));
  }

  private async sendWebhook(n: NotificationRow): Promise<void> {
    const endpoint = this.deps.readModel.endpoint(n.endpointId!);
    if (!endpoint || endpoint.status !== 'ACTIVE') {
      const reason = endpoint?.status === 'DISABLED' ? 'ENDPOINT_DISABLED' : 'ENDPOINT_REMOVED';
      await this.deps.notification({ type: 'WithholdNotification', notificationId: n.notificationId, reason }, meta(n.notificationId, 'withheld'));
      return;
    }
    const now = this.deps.clock.now();
    const secrets = [await this.deps.secrets.open(endpoint.endpointId, endpoint.sealedSecret)];
    if (endpoint.previousSealedSecret && endpoint.previousValidUntil && endpoint.previousValidUntil > now.toISOString()) {
      secrets.push(await this.deps.secrets.open(endpoint.endpointId, endpoint.previousSealedSecret));
    }
    const valid = secrets.filter((s): s is string => s !== undefined);
    if (valid.length === 0) {
      await this.deps.notification({ type: 'WithholdNotification', notificationId: n.notificationId, reason: 'ENDPOINT_REMOVED' }, meta(n.notificationId, 'withheld'));
      return;
    }
    const body = webhookPayload(n, now);
    const attempt = n.attempts + 1;
    const blocked = await webhookTargetProblem(endpoint.url, this.deps.options.allowPrivateAddresses, this.deps.resolve);
    const problem = blocked !== undefined ? `blocked: ${blocked}` : await this.post(endpoint.url, webhookHeaders(valid, n.notificationId, Math.floor(now.getTime() / 1000), body), body);
    if (problem === undefined) {
      await this.deps.notification({ type: 'MarkNotificationDelivered', notificationId: n.notificationId, attempt, idempotencyKey: n.notificationId }, meta(n.notificationId, 'delivered'));
      return;
    }
    await this.failed(n, attempt, problem);
    const after = this.deps.readModel.endpoint(endpoint.endpointId);
    if (after && after.status === 'ACTIVE' && after.consecutiveFailures >= this.deps.options.disableAfterFailures) {
      await this.deps.endpoint(
        { type: 'DisableWebhookEndpoint', endpointId: endpoint.endpointId, reason: 'REPEATED_FAILURE', consecutiveFailures: after.consecutiveFailures },
        meta(endpoint.endpointId, `disabled-after-${n.notificationId}-${attempt}`),
      );
    }
  }

  /** undefined: accepted (2xx); otherwise what went wrong, without the answer's body. */
  private async post(url: string, headers: Record<string, string>, body: string): Promise<string | undefined> {
    try {
      const response = await this.fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.deps.options.webhookTimeoutMs) });
      await response.arrayBuffer().catch(() => undefined);
      return response.status < 200 || response.status > 299 ? `HTTP ${response.status}` : undefined;
    } catch (error) {
      return `network: ${String((error as Error)?.name ?? 'error')}`;
    }
  }

  private async failed(n: NotificationRow, attempt: number, problem: string): Promise<void> {
    const nextAttemptAt = new Date(this.deps.clock.now().getTime() + backoffMs(attempt, this.deps.options, this.random)).toISOString();
    await this.deps.notification(
      { type: 'RecordDeliveryFailure', notificationId: n.notificationId, attempt, problem, nextAttemptAt, lastAttempt: attempt >= this.deps.options.maxAttempts },
      meta(n.notificationId, `failed-${attempt}`),
    );
  }
}

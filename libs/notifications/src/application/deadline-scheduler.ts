import { SYSTEM_ACTOR, osloDate } from '@kom/kernel';
import type { CommandMeta } from '@kom/platform';
import type { NotificationCommand } from '../domain/notification.decider';
import type { NotificationRecordedData } from '../domain/notification.events';
import { DEFAULT_DAYS_AHEAD, type Topic } from '../domain/topics';
import type { EndpointRow, NotificationsReadModel, PersonPreferences } from '../read-models/notifications.queries';
import { notificationsFor } from './notifications.reactor';

export type RecordNotification = (command: NotificationCommand, meta: CommandMeta) => Promise<unknown>;

/** Whole days from calendar day `from` to calendar day `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Time-based notifications: action items due within the person's N days, overdue ones, agreements
 * in force that expire within N days. Each tick looks at everything as of the clock's Oslo day,
 * so a process that was down catches up on its next tick; each notification's id derives from the
 * item, its date, the kind and the recipient, so catching up (or two replicas ticking) records
 * nothing twice. A due-soon notice whose day has passed is not sent late: overdue replaces it.
 */
export class DeadlineScheduler {
  constructor(
    private readonly readModel: NotificationsReadModel,
    private readonly record: RecordNotification,
  ) {}

  /**
   * The notifications due at `now`, not yet necessarily recorded. Who subscribes to each topic is
   * read once per pass and narrowed per item in memory: a log with thousands of open action items
   * and agreements costs a few queries a pass, not two per item (and nothing when nobody subscribes).
   */
  due(now: Date): NotificationRecordedData[] {
    const today = osloDate(now);
    const at = now.toISOString();
    const out: NotificationRecordedData[] = [];
    const audiences = new Map<Topic, { persons: PersonPreferences[]; endpoints: EndpointRow[] }>();
    const audience = (topic: Topic) => {
      let found = audiences.get(topic);
      if (!found) audiences.set(topic, (found = { persons: this.readModel.subscribersOf(topic), endpoints: this.readModel.endpointsSubscribedTo(topic) }));
      return found;
    };
    const listened = (...topics: Topic[]) => topics.some((topic) => audience(topic).persons.length + audience(topic).endpoints.length > 0);
    const add = (topic: Topic, kind: 'ACTION_ITEM' | 'AGREEMENT', id: string, date: string, organizationIds: readonly string[], within: (p: PersonPreferences | undefined) => boolean) => {
      const { persons: subscribed, endpoints: hooked } = audience(topic);
      const persons = subscribed.filter((p) => organizationIds.includes(p.organizationId) && within(p));
      const endpoints = within(undefined) ? hooked.filter((e) => organizationIds.includes(e.organizationId)) : [];
      if (persons.length + endpoints.length === 0) return;
      const cause = `${topic}:${id}:${date}`;
      out.push(...notificationsFor({ topic, subject: { type: kind, id }, persons, endpoints }, cause, at, date));
    };
    if (listened('ACTION_ITEM_OVERDUE', 'ACTION_ITEM_DUE_SOON')) {
      for (const item of this.readModel.openActionItems()) {
        const left = daysBetween(today, item.dueDate);
        if (left < 0) add('ACTION_ITEM_OVERDUE', 'ACTION_ITEM', item.actionItemId, item.dueDate, [item.organizationId], () => true);
        else add('ACTION_ITEM_DUE_SOON', 'ACTION_ITEM', item.actionItemId, item.dueDate, [item.organizationId], (p) => left <= (p?.dueSoonDays ?? DEFAULT_DAYS_AHEAD));
      }
    }
    if (listened('AGREEMENT_EXPIRING')) {
      for (const agreement of this.readModel.agreementsInForceWithExpiry()) {
        const left = daysBetween(today, agreement.expiresOn);
        if (left < 0) continue;
        add('AGREEMENT_EXPIRING', 'AGREEMENT', agreement.agreementId, agreement.expiresOn, agreement.parties, (p) => left <= (p?.expiringDays ?? DEFAULT_DAYS_AHEAD));
      }
    }
    return out;
  }

  /** Records what is due; returns how many notifications it asked for (recorded now or before). */
  async tick(now: Date): Promise<number> {
    const due = this.due(now);
    for (const notification of due) {
      // Recorded on an earlier pass: asking again would only load its stream to change nothing.
      if (this.readModel.isRecorded(notification.notificationId)) continue;
      const meta: CommandMeta = { actor: SYSTEM_ACTOR, correlationId: notification.notificationId, causationId: notification.notificationId, deriveEventIds: true };
      await this.record({ type: 'RecordNotification', notification }, meta);
    }
    return due.length;
  }
}

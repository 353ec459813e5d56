import { osloDate } from '@kom/kernel';
import type { RecordedEvent } from '@kom/event-store';
import type { Reactor, ReactorCommand } from '@kom/platform';
import { notificationId } from '../domain/notification.decider';
import type { NotificationRecordedData } from '../domain/notification.events';
import type { Topic } from '../domain/topics';
import type { NotificationsReadModel } from '../read-models/notifications.queries';
import { NotificationCommandMessage } from './notification.command';
import { audienceOf, type Audience, type Subject } from './audience';

/** What the reactor reacts to: other contexts' public events, and an endpoint disabled for failing. */
export const REACTS_TO = [
  'AgendaPublished',
  'AgendaItemAdded',
  'AgendaItemUpdated',
  'AgendaItemRemoved',
  'AgendaReordered',
  'IssuePlacedOnAgenda',
  'IssueRemovedFromAgenda',
  'IssueForwarded',
  'IssueResolved',
  'IssueClosed',
  'IssueWithdrawn',
  'ActionItemAssigned',
  'AgreementProposedForSignature',
  'AgreementSigned',
  'WebhookEndpointDisabled',
] as const;

export interface NotificationsReactorDeps {
  readonly readModel: NotificationsReadModel;
  /** Resolves once the read models show the log up to `position` (the audience as of the event). */
  readonly readModelsAt: (position: bigint) => Promise<void>;
}

/**
 * The outbox's front door: a checkpointed reactor (ReactorRunner) over the log that turns each
 * event into one RecordNotification per recipient, with the notification's id derived from the
 * event's id and the recipient. A re-run after a crash derives the same ids, and a notification
 * is recorded once, whoever records it again.
 */
export function notificationsReactor(deps: NotificationsReactorDeps): Reactor {
  return {
    name: 'notifications',
    handles: [...REACTS_TO],
    async react(event: RecordedEvent): Promise<readonly ReactorCommand[]> {
      await deps.readModelsAt(event.position);
      const occurredAt = String((event.metadata as { occurredAt?: string } | undefined)?.occurredAt ?? event.recordedAt);
      return audienceOf(event, deps.readModel).flatMap((audience) => notificationsFor(audience, event.id, occurredAt, null)).map(
        (notification) => (meta) => new NotificationCommandMessage({ type: 'RecordNotification', notification }, meta),
      );
    },
  };
}

/** One notification per person and per endpoint of an audience, ids derived from `cause` and the recipient. */
export function notificationsFor(audience: Audience, cause: string, occurredAt: string, dueDate: string | null): NotificationRecordedData[] {
  const base = (topic: Topic, subject: Subject) => ({ topic, subject, sourceEventId: cause, occurredAt, dueDate, items: [] as string[] });
  return [
    ...audience.persons.map((p): NotificationRecordedData => ({
      ...base(audience.topic, audience.subject),
      notificationId: notificationId(cause, audience.topic, 'person', p.organizationId, p.userId),
      recipient: { kind: 'PERSON', userId: p.userId, organizationId: p.organizationId },
      language: p.language,
      cadence: p.cadence,
      digestDay: p.cadence === 'DAILY_DIGEST' ? osloDate(occurredAt) : null,
    })),
    ...audience.endpoints.map((e): NotificationRecordedData => ({
      ...base(audience.topic, audience.subject),
      notificationId: notificationId(cause, audience.topic, 'endpoint', e.endpointId),
      recipient: { kind: 'ENDPOINT', endpointId: e.endpointId, organizationId: e.organizationId },
      language: 'en',
      cadence: 'IMMEDIATE',
      digestDay: null,
    })),
  ];
}

import { Args, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { CurrentActor } from '@kom/auth';
import type { Actor } from '@kom/kernel';
import { PageArgs, READ_MODELS, cursorPart, decodeCursorPair, pageSize, toConnection, type ConnectionShape } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { NotificationsReadModel, type NotificationRow } from '../read-models/notifications.queries';
import { NotificationPreferences, SentNotification, SentNotificationConnection } from './notifications.types';
import { toPreferences } from './notification-preferences.view';

const toSent = (n: NotificationRow): SentNotification => ({
  id: n.notificationId,
  topic: n.topic,
  subjectType: n.subjectType,
  subjectId: n.subjectId,
  occurredAt: n.occurredAt,
  recordedAt: n.recordedAt,
  dueDate: n.dueDate,
  cadence: n.cadence,
  status: n.status,
  attempts: n.attempts,
  settledAt: n.settledAt,
  problem: n.problem,
  itemCount: n.items.length,
});

/** A person's own preferences and what was recorded for them: always the actor's, never another's. */
@Resolver(() => NotificationPreferences)
export class NotificationPreferencesResolver {
  private readonly readModel: NotificationsReadModel;

  constructor(
    @Inject(READ_MODELS) readModels: ReadModelDatabase,
  ) {
    this.readModel = new NotificationsReadModel(readModels.db);
  }

  @Query(() => NotificationPreferences, { description: 'What you hear about, in which language, how, and at which of your organisation’s addresses.' })
  notificationPreferences(@CurrentActor() actor: Actor): NotificationPreferences {
    return toPreferences(this.readModel.preferencesOf(actor.organizationId, actor.userId));
  }

  @Query(() => SentNotificationConnection, { description: 'What was recorded for you (and whether it went out), newest first.' })
  sentNotifications(@CurrentActor() actor: Actor, @Args() page: PageArgs): ConnectionShape<SentNotification> {
    const size = pageSize(page.first);
    const after = decodeCursorPair(page.after, cursorPart.instant);
    const rows = this.readModel.forPerson(actor.organizationId, actor.userId, size + 1, after && { recordedAt: after[0], notificationId: after[1] });
    return toConnection(rows.map(toSent), size, (n) => JSON.stringify([n.recordedAt, n.id]));
  }
}

import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { CurrentActor, RequestMeta } from '@kom/auth';
import type { Actor } from '@kom/kernel';
import { Lang, PageArgs, READ_MODELS, decodeCursorPair, pageSize, toConnection, type ConnectionShape, type Meta } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { SetPreferencesCommand } from '../application/commands';
import { RECIPIENT_ADDRESSES, type RecipientAddresses } from '../delivery/ports';
import { DEFAULT_DAYS_AHEAD } from '../domain/topics';
import { NotificationsReadModel, type NotificationRow, type PersonPreferences } from '../read-models/notifications.queries';
import { NotificationPreferences, SentNotification, SentNotificationConnection, SetNotificationPreferencesInput } from './notifications.types';

const toPreferences = (p: PersonPreferences | undefined): NotificationPreferences =>
  p
    ? { topics: [...p.topics], language: p.language === 'en' ? Lang.EN : Lang.NB, cadence: p.cadence, dueSoonDays: p.dueSoonDays, expiringDays: p.expiringDays, representativeId: p.representativeId, saved: true }
    : { topics: [], language: Lang.NB, cadence: 'IMMEDIATE', dueSoonDays: DEFAULT_DAYS_AHEAD, expiringDays: DEFAULT_DAYS_AHEAD, representativeId: null, saved: false };

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
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(READ_MODELS) readModels: ReadModelDatabase,
    @Inject(RECIPIENT_ADDRESSES) private readonly addresses: RecipientAddresses,
  ) {
    this.readModel = new NotificationsReadModel(readModels.db);
  }

  @Query(() => NotificationPreferences, { description: 'What you hear about, in which language, how, and at which of your organisation’s addresses.' })
  notificationPreferences(@CurrentActor() actor: Actor): NotificationPreferences {
    return toPreferences(this.readModel.preferencesOf(actor.organizationId, actor.userId));
  }

  @Mutation(() => NotificationPreferences, { description: 'Choose what you hear about. The address is one of your organisation’s representative records (never typed in here).' })
  async setNotificationPreferences(@Args('input') input: SetNotificationPreferencesInput, @RequestMeta() meta: Meta): Promise<NotificationPreferences> {
    const representativeId = input.representativeId ?? null;
    const representativeOrganizationId = representativeId === null ? null : ((await this.addresses.organizationOf(representativeId)) ?? null);
    const { actor } = meta;
    await this.commands.execute(
      new SetPreferencesCommand(
        {
          type: 'SetNotificationPreferences',
          topics: input.topics,
          language: input.language === Lang.EN ? 'en' : 'nb',
          cadence: input.cadence as 'IMMEDIATE' | 'DAILY_DIGEST',
          dueSoonDays: input.dueSoonDays,
          expiringDays: input.expiringDays,
          representativeId,
          representativeOrganizationId,
          for: { organizationId: actor.organizationId, userId: actor.userId },
        },
        meta,
      ),
    );
    return toPreferences(this.readModel.preferencesOf(actor.organizationId, actor.userId));
  }

  @Query(() => SentNotificationConnection, { description: 'What was recorded for you (and whether it went out), newest first.' })
  sentNotifications(@CurrentActor() actor: Actor, @Args() page: PageArgs): ConnectionShape<SentNotification> {
    const size = pageSize(page.first);
    const after = decodeCursorPair(page.after);
    const rows = this.readModel.forPerson(actor.organizationId, actor.userId, size + 1, after && { recordedAt: after[0], notificationId: after[1] });
    return toConnection(rows.map(toSent), size, (n) => JSON.stringify([n.recordedAt, n.id]));
  }
}

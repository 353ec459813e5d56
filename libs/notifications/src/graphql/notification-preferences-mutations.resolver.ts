import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { RequestMeta } from '@kom/auth';
import { Lang, READ_MODELS, type Meta } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { SetPreferencesCommand } from '../application/set-notification-preferences.command';
import { RECIPIENT_ADDRESSES, type RecipientAddresses } from '../delivery/ports';
import { NotificationsReadModel } from '../read-models/notifications.queries';
import { NotificationPreferences, SetNotificationPreferencesInput } from './notifications.types';
import { toPreferences } from './notification-preferences.view';

/** Setting your notification preferences. */
@Resolver(() => NotificationPreferences)
export class NotificationPreferencesMutationsResolver {
  private readonly readModel: NotificationsReadModel;

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(READ_MODELS) readModels: ReadModelDatabase,
    @Inject(RECIPIENT_ADDRESSES) private readonly addresses: RecipientAddresses,
  ) {
    this.readModel = new NotificationsReadModel(readModels.db);
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
}

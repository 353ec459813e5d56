import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CLOCK, KOM_CONFIG, ProjectionsService, READ_MODELS, ReactorRegistry, type Clock, type KomConfig, type PersonalDataKeys } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { DEFAULT_DELIVERY, type DeliveryOptions } from '../delivery/outbox-deliverer';
import { MAIL_TRANSPORT, RECIPIENT_ADDRESSES, WEBHOOK_SECRET_KEYS, type MailTransport, type RecipientAddresses } from '../delivery/ports';
import { WebhookSecrets } from '../delivery/webhook-secrets';
import { NotificationsEngine } from './notifications-engine';
import { NotificationCommandMessage } from './notification.command';
import { WebhookEndpointCommandMessage } from './webhook-endpoint.command';

/** The delivery settings from the configuration (KOM_WEBHOOK_*, KOM_PUBLIC_ORIGIN, KOM_MAIL_FROM). */
export function deliveryOptions(config: KomConfig): DeliveryOptions {
  const origin = config.session.publicOrigin ?? `http://localhost:${config.port}`;
  const fromDomain = /@([^>\s]+)>?\s*$/.exec(config.notifications.mailFrom)?.[1];
  return {
    ...DEFAULT_DELIVERY,
    maxAttempts: config.notifications.webhookMaxAttempts,
    disableAfterFailures: config.notifications.webhookDisableAfterFailures,
    allowPrivateAddresses: config.notifications.allowPrivateAddresses,
    publicOrigin: origin,
    messageIdDomain: fromDomain ?? new URL(origin).hostname,
  };
}

/**
 * Runs the notifications outbox for the life of the process: the reactor that records
 * notifications, the deadline scheduler and the deliverer. Started once the application has
 * bootstrapped (projections run, the command bus is ready); stopped before the shutdown hooks
 * close the store, the read models and the key table, after the pass under way has ended.
 */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  readonly engine: NotificationsEngine;
  readonly secrets: WebhookSecrets;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODELS) readModels: ReadModelDatabase,
    @Inject(CommandBus) commands: CommandBus,
    @Inject(ReactorRegistry) registry: ReactorRegistry,
    @Inject(ProjectionsService) projections: ProjectionsService,
    @Inject(CLOCK) clock: Clock,
    @Inject(KOM_CONFIG) config: KomConfig,
    @Inject(RECIPIENT_ADDRESSES) addresses: RecipientAddresses,
    @Inject(WEBHOOK_SECRET_KEYS) keys: PersonalDataKeys,
    @Inject(MAIL_TRANSPORT) private readonly mail: MailTransport | null,
  ) {
    const logger = { log: (msg: string, ctx?: object) => this.logger.log({ ...ctx, msg }), error: (msg: string, ctx?: object) => this.logger.error({ ...ctx, msg }) };
    this.secrets = new WebhookSecrets(keys);
    this.engine = new NotificationsEngine({
      store,
      db: readModels.db,
      clock,
      dispatch: (command) => commands.execute(command as never),
      notification: (command, meta) => commands.execute(new NotificationCommandMessage(command, meta)),
      endpoint: (command, meta) => commands.execute(new WebhookEndpointCommandMessage(command, meta)),
      readModelsAt: (position) => projections.waitFor(position),
      mail: mail ?? undefined,
      addresses,
      secrets: this.secrets,
      options: deliveryOptions(config),
      pollMs: config.notifications.pollMs,
      logger,
    });
    registry.register(this.engine.runner);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.mail) this.logger.log({ msg: 'No KOM_SMTP_URL: notifications are recorded and listed in the app, no e-mail is sent' });
    for (const endpointId of this.engine.readModel.removedEndpointIds()) await this.secrets.forget(endpointId);
    await this.engine.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.engine.stop();
    await this.mail?.close();
  }
}

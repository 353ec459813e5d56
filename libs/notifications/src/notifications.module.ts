import { Module, type DynamicModule, type ModuleMetadata, type Provider } from '@nestjs/common';
import type { PortBinding } from '@kom/platform';
import { NotificationCommandHandler } from './application/notification.command';
import { SetPreferencesHandler } from './application/set-notification-preferences.command';
import { WebhookEndpointCommandHandler } from './application/webhook-endpoint.command';
import { NotificationsService } from './application/notifications.service';
import { MAIL_TRANSPORT, RECIPIENT_ADDRESSES, WEBHOOK_SECRET_KEYS } from './delivery/ports';
import { NotificationPreferencesResolver } from './graphql/notification-preferences.resolver';
import { NotificationPreferencesMutationsResolver } from './graphql/notification-preferences-mutations.resolver';
import { WebhookEndpointsResolver } from './graphql/webhook-endpoints.resolver';
import { WebhookEndpointsMutationsResolver } from './graphql/webhook-endpoints-mutations.resolver';

export interface NotificationsModuleOptions {
  /** Modules that export what the bindings inject (e.g. OrganizationsModule). */
  readonly imports?: ModuleMetadata['imports'];
  /** RECIPIENT_ADDRESSES: a representative's e-mail address, unsealed when a mail is sent. */
  readonly addresses: PortBinding;
  /** WEBHOOK_SECRET_KEYS: the key table (PersonalDataKeys) that seals webhook secrets. */
  readonly secretKeys: PortBinding;
  /** MAIL_TRANSPORT: a MailTransport, or null when no SMTP server is configured. */
  readonly mail: PortBinding;
}

/**
 * The notifications context: preferences and webhook endpoints (commands, GraphQL), and the outbox
 * (reactor, deadline scheduler, deliverer) running for the life of the process.
 */
@Module({})
export class NotificationsModule {
  static forRoot(options: NotificationsModuleOptions): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [...(options.imports ?? [])],
      providers: [
        { ...options.addresses, provide: RECIPIENT_ADDRESSES } as Provider,
        { ...options.secretKeys, provide: WEBHOOK_SECRET_KEYS } as Provider,
        { ...options.mail, provide: MAIL_TRANSPORT } as Provider,
        NotificationCommandHandler,
        SetPreferencesHandler,
        WebhookEndpointCommandHandler,
        NotificationsService,
        NotificationPreferencesResolver,
        NotificationPreferencesMutationsResolver,
        WebhookEndpointsResolver,
        WebhookEndpointsMutationsResolver,
      ],
      exports: [NotificationsService],
    };
  }
}

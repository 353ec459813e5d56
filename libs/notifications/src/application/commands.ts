import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { notificationDecider, notificationStream, type NotificationCommand } from '../domain/notification.decider';
import { preferencesDecider, preferencesStream, type PreferencesCommand } from '../domain/preferences.decider';
import { webhookEndpointDecider, webhookEndpointStream, type WebhookEndpointCommand } from '../domain/webhook-endpoint.decider';

const notificationIdOf = (c: NotificationCommand) => (c.type === 'RecordNotification' ? c.notification.notificationId : c.notificationId);

/** Every step of a notification's life: recorded by the reactor or the scheduler, settled by the deliverer. */
export class NotificationCommandMessage extends KomCommand<NotificationCommand> {}
@CommandHandler(NotificationCommandMessage)
export class NotificationCommandHandler extends DeciderHandler(notificationDecider, (c: NotificationCommand) => notificationStream(notificationIdOf(c))) {}

/**
 * Preferences for the acting person: the stream is named from the actor, never from input. The
 * resolver builds the command with the actor's ids in `for`, the handler's stream follows them.
 */
export class SetPreferencesCommand extends KomCommand<PreferencesCommand & { for: { organizationId: string; userId: string } }> {}
@CommandHandler(SetPreferencesCommand)
export class SetPreferencesHandler extends DeciderHandler(preferencesDecider, (c: PreferencesCommand & { for: { organizationId: string; userId: string } }) =>
  preferencesStream(c.for.organizationId, c.for.userId),
) {}

export class WebhookEndpointCommandMessage extends KomCommand<WebhookEndpointCommand> {}
@CommandHandler(WebhookEndpointCommandMessage)
export class WebhookEndpointCommandHandler extends DeciderHandler(webhookEndpointDecider, (c: WebhookEndpointCommand) => webhookEndpointStream(c.endpointId)) {}

export { notificationIdOf };

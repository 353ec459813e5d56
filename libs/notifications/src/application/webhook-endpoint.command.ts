import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { webhookEndpointDecider, webhookEndpointStream, type WebhookEndpointCommand } from '../domain/webhook-endpoint.decider';

/** Every step of a webhook endpoint's life: registered, its secret rotated, disabled, enabled, removed. */
export class WebhookEndpointCommandMessage extends KomCommand<WebhookEndpointCommand> {}
@CommandHandler(WebhookEndpointCommandMessage)
export class WebhookEndpointCommandHandler extends DeciderHandler(webhookEndpointDecider, (c: WebhookEndpointCommand) => webhookEndpointStream(c.endpointId)) {}

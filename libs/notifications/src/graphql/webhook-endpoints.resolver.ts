import { Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { CurrentActor } from '@kom/auth';
import { type Actor } from '@kom/kernel';
import { READ_MODELS } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { NotificationsReadModel } from '../read-models/notifications.queries';
import { WebhookEndpoint } from './notifications.types';
import { webhookEndpointView } from './webhook-endpoint.view';

/**
 * An organisation's webhook endpoints: register (the secret is shown once), rotate the secret,
 * disable, enable, remove. Another organisation's endpoint answers NOT_FOUND (the decider).
 */
@Resolver(() => WebhookEndpoint)
export class WebhookEndpointsResolver {
  private readonly readModel: NotificationsReadModel;

  constructor(
    @Inject(READ_MODELS) readModels: ReadModelDatabase,
  ) {
    this.readModel = new NotificationsReadModel(readModels.db);
  }

  @Query(() => [WebhookEndpoint], { description: "Your organisation's webhook endpoints (not removed ones), with their state and latest failures." })
  webhookEndpoints(@CurrentActor() actor: Actor): WebhookEndpoint[] {
    return this.readModel.endpointsOf(actor.organizationId).map((row) => webhookEndpointView(this.readModel, row));
  }
}

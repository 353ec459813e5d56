import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { RequestMeta } from '@kom/auth';
import { InvalidInput, NotFound, type Actor } from '@kom/kernel';
import { KOM_CONFIG, READ_MODELS, newId, type KomConfig, type Meta } from '@kom/platform';
import type { ReadModelDatabase } from '@kom/projections';
import { WebhookEndpointCommandMessage } from '../application/webhook-endpoint.command';
import { NotificationsService } from '../application/notifications.service';
import { webhookTargetProblem } from '../delivery/webhook-address';
import { newWebhookSecret } from '../delivery/webhook-signature';
import { webhookUrlProblem, type WebhookEndpointCommand } from '../domain/webhook-endpoint.decider';
import { NotificationsReadModel } from '../read-models/notifications.queries';
import { NewWebhookSecret, RegisterWebhookEndpointInput, RotateWebhookSecretInput, WebhookEndpoint, WebhookEndpointInput } from './notifications.types';
import { webhookEndpointView } from './webhook-endpoint.view';

/** Your organisation's webhook endpoints: register, rotate the secret, disable, enable, remove. */
@Resolver(() => WebhookEndpoint)
export class WebhookEndpointsMutationsResolver {
  private readonly readModel: NotificationsReadModel;

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(READ_MODELS) readModels: ReadModelDatabase,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(KOM_CONFIG) private readonly config: KomConfig,
  ) {
    this.readModel = new NotificationsReadModel(readModels.db);
  }

  @Mutation(() => NewWebhookSecret, { description: 'Register an endpoint for your organisation; its signing secret is in the answer, and nowhere else.' })
  async registerWebhookEndpoint(@Args('input') input: RegisterWebhookEndpointInput, @RequestMeta() meta: Meta): Promise<NewWebhookSecret> {
    // A malformed URL is the decider's refusal (INVALID_WEBHOOK_URL); only a well-formed one is looked up.
    const problem = webhookUrlProblem(input.url) === undefined ? await webhookTargetProblem(input.url, this.config.notifications.allowPrivateAddresses) : undefined;
    if (problem !== undefined) throw new InvalidInput('WEBHOOK_URL_NOT_PUBLIC', `The URL ${problem}`, 'input.url');
    const endpointId = newId();
    const secret = newWebhookSecret();
    const sealedSecret = await this.notifications.secrets.seal(endpointId, secret);
    try {
      await this.send({ type: 'RegisterWebhookEndpoint', endpointId, url: input.url, topics: input.topics, sealedSecret }, meta);
    } catch (error) {
      await this.notifications.secrets.forget(endpointId); // refused: no key left behind for an endpoint that does not exist
      throw error;
    }
    return { endpoint: this.mustFind(endpointId), secret };
  }

  @Mutation(() => NewWebhookSecret, { description: 'A new signing secret, shown this once; the previous one keeps signing for graceHours.' })
  async rotateWebhookSecret(@Args('input') input: RotateWebhookSecretInput, @RequestMeta() meta: Meta): Promise<NewWebhookSecret> {
    this.ownEndpoint(input.endpointId, meta.actor);
    const secret = newWebhookSecret();
    const sealedSecret = await this.notifications.secrets.seal(input.endpointId, secret);
    await this.send({ type: 'RotateWebhookSecret', endpointId: input.endpointId, sealedSecret, graceHours: input.graceHours }, meta);
    return { endpoint: this.mustFind(input.endpointId), secret };
  }

  @Mutation(() => WebhookEndpoint, { description: 'Stop deliveries to an endpoint (pending ones are withheld).' })
  async disableWebhookEndpoint(@Args('input') input: WebhookEndpointInput, @RequestMeta() meta: Meta): Promise<WebhookEndpoint> {
    await this.send({ type: 'DisableWebhookEndpoint', endpointId: input.endpointId, reason: 'BY_ORGANIZATION', consecutiveFailures: 0 }, meta);
    return this.mustFind(input.endpointId);
  }

  @Mutation(() => WebhookEndpoint, { description: 'Deliver to a disabled endpoint again (its failure count starts over).' })
  async enableWebhookEndpoint(@Args('input') input: WebhookEndpointInput, @RequestMeta() meta: Meta): Promise<WebhookEndpoint> {
    await this.send({ type: 'EnableWebhookEndpoint', endpointId: input.endpointId }, meta);
    return this.mustFind(input.endpointId);
  }

  @Mutation(() => WebhookEndpoint, { description: 'Remove an endpoint for good: its secret key is shredded.' })
  async removeWebhookEndpoint(@Args('input') input: WebhookEndpointInput, @RequestMeta() meta: Meta): Promise<WebhookEndpoint> {
    await this.send({ type: 'RemoveWebhookEndpoint', endpointId: input.endpointId }, meta);
    await this.notifications.secrets.forget(input.endpointId);
    return this.mustFind(input.endpointId);
  }

  private async send(command: WebhookEndpointCommand, meta: Meta): Promise<void> {
    await this.commands.execute(new WebhookEndpointCommandMessage(command, meta));
  }

  /** Before sealing a new secret: another organisation's (or no) endpoint answers as the decider would. */
  private ownEndpoint(endpointId: string, actor: Actor): void {
    const row = this.readModel.endpoint(endpointId);
    if (!row || row.status === 'REMOVED' || row.organizationId !== actor.organizationId) throw new NotFound('webhook endpoint', endpointId);
  }

  private mustFind(endpointId: string): WebhookEndpoint {
    const row = this.readModel.endpoint(endpointId);
    if (!row) throw new NotFound('webhook endpoint', endpointId);
    return webhookEndpointView(this.readModel, row);
  }
}

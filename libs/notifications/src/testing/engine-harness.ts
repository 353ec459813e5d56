import { PostgresEventStore, SqliteEventStore, type EventStore } from '@kom/event-store';
import { EventSchemaRegistry, executeCommand, SqlitePersonalDataKeys, type Clock, type CommandMeta, type PersonalDataKeys } from '@kom/platform';
import { ProjectionRunner, ReadModelDatabase } from '@kom/projections';
import type { Decider, DomainCommand, DomainEvent } from '@kom/kernel';
import { NotificationsEngine } from '../application/notifications-engine';
import { notificationsContext } from '../notifications.context';
import { notificationsProjection } from '../read-models/notifications.projection';
import { notificationDecider, notificationStream, type NotificationCommand } from '../domain/notification.decider';
import { webhookEndpointDecider, webhookEndpointStream, type WebhookEndpointCommand } from '../domain/webhook-endpoint.decider';
import { preferencesDecider, preferencesStream, type PreferencesCommand } from '../domain/preferences.decider';
import { notificationIdOf } from '../application/notification.command';
import { DEFAULT_DELIVERY, type DeliveryOptions } from '../delivery/outbox-deliverer';
import type { MailTransport, RecipientAddresses } from '../delivery/ports';
import { WebhookSecrets } from '../delivery/webhook-secrets';

export interface HarnessOptions {
  readonly logFile?: string;
  /** A shared PostgreSQL log instead of the SQLite file: one harness per replica, each with its own pool (sessions). */
  readonly eventStoreUrl?: string;
  readonly readModelFile?: string;
  readonly keysFile?: string;
  readonly clock: Clock;
  readonly mail: MailTransport | undefined;
  readonly addresses: RecipientAddresses;
  readonly options?: Partial<DeliveryOptions>;
  readonly pollMs?: number;
}

/**
 * The notifications outbox without NestJS, over a SQLite (or PostgreSQL) log and a read-model
 * file: what the integration specs, the SIGKILL test and the replicas test run. Commands go
 * through the same executeCommand as the API's command path, and wait for the projection as the
 * command path does.
 */
export class EngineHarness {
  readonly projections: ProjectionRunner;
  readonly engine: NotificationsEngine;
  readonly secrets: WebhookSecrets;
  private readonly schemas = new EventSchemaRegistry(notificationsContext.eventSchemas);

  private constructor(
    readonly store: EventStore,
    readonly readModels: ReadModelDatabase,
    readonly keys: PersonalDataKeys,
    private readonly clock: Clock,
    options: HarnessOptions,
  ) {
    this.projections = new ProjectionRunner(store, readModels, [notificationsProjection], { liveBatchSize: 50 });
    this.secrets = new WebhookSecrets(keys);
    this.engine = new NotificationsEngine({
      store,
      db: readModels.db,
      clock,
      dispatch: (command) => {
        const { payload, meta } = command as { payload: NotificationCommand; meta: CommandMeta };
        return this.notification(payload, meta);
      },
      notification: (command, meta) => this.notification(command, meta),
      endpoint: (command, meta) => this.execute(webhookEndpointDecider, webhookEndpointStream(command.endpointId), command, meta),
      readModelsAt: (position) => this.projections.waitFor(position),
      mail: options.mail,
      addresses: options.addresses,
      secrets: this.secrets,
      options: { ...DEFAULT_DELIVERY, allowPrivateAddresses: true, ...options.options },
      pollMs: options.pollMs ?? 20,
    });
  }

  static async open(options: HarnessOptions): Promise<EngineHarness> {
    const store = options.eventStoreUrl
      ? await PostgresEventStore.connect(options.eventStoreUrl, { pollIntervalMs: 50 })
      : SqliteEventStore.open(options.logFile ?? ':memory:', { pollIntervalMs: 5 });
    const readModels = ReadModelDatabase.open(options.readModelFile ?? ':memory:');
    const keys = SqlitePersonalDataKeys.open(options.keysFile ?? ':memory:');
    const harness = new EngineHarness(store, readModels, keys, options.clock, options);
    await harness.projections.start();
    return harness;
  }

  notification(command: NotificationCommand, meta: CommandMeta): Promise<unknown> {
    return this.execute(notificationDecider, notificationStream(notificationIdOf(command)), command, meta);
  }

  setPreferences(command: PreferencesCommand, meta: CommandMeta): Promise<unknown> {
    return this.execute(preferencesDecider, preferencesStream(meta.actor.organizationId, meta.actor.userId), command, meta);
  }

  endpoint(command: WebhookEndpointCommand, meta: CommandMeta): Promise<unknown> {
    return this.execute(webhookEndpointDecider, webhookEndpointStream(command.endpointId), command, meta);
  }

  async execute<C extends DomainCommand, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, meta: CommandMeta): Promise<unknown> {
    const outcome = await executeCommand({ store: this.store, clock: this.clock, schemas: this.schemas }, decider, streamId, command, meta);
    if (outcome.position !== undefined) await this.projections.waitFor(outcome.position);
    return outcome;
  }

  /** Everything up to the head of the log handled by the reactor and shown by the read models. */
  async settle(): Promise<void> {
    const head = await this.store.headPosition();
    await this.projections.waitFor(head);
    await this.engine.runner.waitFor(head);
    await this.projections.waitFor(await this.store.headPosition());
  }

  async close(): Promise<void> {
    await this.engine.stop();
    await this.projections.stop();
    await this.store.close();
    this.readModels.close();
    await this.keys.close();
  }
}

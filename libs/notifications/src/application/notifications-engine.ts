import type { EventStore } from '@kom/event-store';
import { ReactorRunner, type Clock, type CommandMeta, type ReactorLogger } from '@kom/platform';
import type { Database } from 'better-sqlite3';
import type { NotificationCommand } from '../domain/notification.decider';
import type { WebhookEndpointCommand } from '../domain/webhook-endpoint.decider';
import { OutboxDeliverer, type DeliveryOptions } from '../delivery/outbox-deliverer';
import type { MailTransport, RecipientAddresses } from '../delivery/ports';
import type { WebhookSecrets } from '../delivery/webhook-secrets';
import { NotificationsReadModel } from '../read-models/notifications.queries';
import { DeadlineScheduler } from './deadline-scheduler';
import { notificationsReactor } from './notifications.reactor';

export interface EngineDeps {
  readonly store: EventStore;
  readonly db: Database;
  readonly clock: Clock;
  /** Sends a command object (a KomCommand) through the command path: the reactor's dispatch. */
  readonly dispatch: (command: object) => Promise<unknown>;
  readonly notification: (command: NotificationCommand, meta: CommandMeta) => Promise<unknown>;
  readonly endpoint: (command: WebhookEndpointCommand, meta: CommandMeta) => Promise<unknown>;
  readonly readModelsAt: (position: bigint) => Promise<void>;
  readonly mail: MailTransport | undefined;
  readonly addresses: RecipientAddresses;
  readonly secrets: WebhookSecrets;
  readonly options: DeliveryOptions;
  /** Between passes of the scheduler and the deliverer. */
  readonly pollMs: number;
  readonly logger?: ReactorLogger;
  readonly random?: () => number;
}

/**
 * The whole outbox in one place, free of NestJS (the module and the crash test both run it): the
 * reactor records notifications from the log; a loop ticks the deadline scheduler and delivers.
 */
export class NotificationsEngine {
  readonly readModel: NotificationsReadModel;
  readonly runner: ReactorRunner;
  readonly scheduler: DeadlineScheduler;
  readonly deliverer: OutboxDeliverer;
  private timer: NodeJS.Timeout | undefined;
  /** The pass under way (or the last one): every pass starts after the one before has ended. */
  private pass: Promise<void> = Promise.resolve();
  private running = false;
  private stopping = false;

  constructor(private readonly deps: EngineDeps) {
    this.readModel = new NotificationsReadModel(deps.db);
    this.runner = new ReactorRunner(deps.store, deps.db, notificationsReactor({ readModel: this.readModel, readModelsAt: deps.readModelsAt }), {
      dispatch: deps.dispatch,
      logger: deps.logger,
    });
    this.scheduler = new DeadlineScheduler(this.readModel, deps.notification);
    this.deliverer = new OutboxDeliverer({
      readModel: this.readModel,
      clock: deps.clock,
      notification: deps.notification,
      endpoint: deps.endpoint,
      caughtUp: async () => deps.readModelsAt(await deps.store.headPosition()),
      mail: deps.mail,
      addresses: deps.addresses,
      secrets: deps.secrets,
      options: deps.options,
      random: deps.random,
      stopping: () => this.stopping,
    });
  }

  async start(): Promise<void> {
    await this.runner.start();
    this.running = true;
    this.schedule(0);
  }

  /**
   * One pass (tests, the loop, a nudge): time-based notifications, then deliveries. Passes never
   * overlap: one asked for while another runs starts after it, so no pending notification has two
   * senders at once in this process.
   */
  runOnce(): Promise<void> {
    const next = this.pass.catch(() => undefined).then(async () => {
      await this.scheduler.tick(this.deps.clock.now());
      await this.deliverer.runOnce();
    });
    this.pass = next;
    return next;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    clearTimeout(this.timer);
    await this.pass.catch(() => undefined);
    await this.runner.stop();
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((error: unknown) => this.deps.logger?.error('Notification pass failed; trying again', { error: String((error as Error)?.message ?? error) }))
        .finally(() => this.schedule(this.deps.pollMs));
    }, delay);
  }
}

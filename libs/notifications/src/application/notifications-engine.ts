import type { EventStore } from '@kom/event-store';
import { ReactorRunner, type Clock, type CommandMeta, type ReactorLogger } from '@kom/platform';
import type { Database } from 'better-sqlite3';
import type { NotificationCommand } from '../domain/notification.decider';
import type { WebhookEndpointCommand } from '../domain/webhook-endpoint.decider';
import { deliveryLockOf, type DeliveryLock } from '../delivery/delivery-lock';
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
  /** The lock one replica at a time runs a pass under; by default the store's own (deliveryLockOf). */
  readonly lock?: DeliveryLock;
}

/**
 * The whole outbox in one place, free of NestJS (the module and the crash test both run it): the
 * reactor records notifications from the log; a loop ticks the deadline scheduler and delivers.
 *
 * Replicas on one log each run the reactor (recording is idempotent: derived ids), but a pass, which
 * sends, runs on one replica at a time, under the store's cluster-wide lock: without it every
 * replica would send every pending notification from its own read models, N replicas N copies.
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
  private readonly lock: DeliveryLock | undefined;

  constructor(private readonly deps: EngineDeps) {
    this.lock = deps.lock ?? deliveryLockOf(deps.store);
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
   * senders at once in this process; nor in the cluster, where the lock lets one replica's pass run
   * at a time. Resolves false when another replica holds the lock: this one did nothing.
   */
  runOnce(): Promise<boolean> {
    const next = this.pass.then(() => this.exclusively(() => this.passUnderLock()));
    // Only for ordering and stop(): its failure is the caller's (the loop logs it), never unhandled here.
    this.pass = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  private async exclusively(work: () => Promise<void>): Promise<boolean> {
    if (this.lock === undefined) {
      await work();
      return true;
    }
    return (await this.lock(work)).acquired;
  }

  private async passUnderLock(): Promise<void> {
    // The head is read after the lock is granted: the replica that held it before recorded the
    // outcome of each send before letting go, so the head now covers them, and read models caught
    // up to it show those notifications settled. Read before the lock, a lagging replica would
    // send again what another had just delivered.
    await this.deps.readModelsAt(await this.deps.store.headPosition());
    await this.scheduler.tick(this.deps.clock.now());
    await this.deliverer.runOnce();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping = true;
    clearTimeout(this.timer);
    await this.pass;
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

import type { Client, ClientConfig } from 'pg';

/** node-postgres's Client class, handed in so that the driver loads only when it is used. */
export type ListenerClient = typeof Client;

/** The channel every append notifies, with the new head position as payload. */
export const EVENTS_CHANNEL = 'kom_events';
/** How the listener's connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = 'kom-event-store-listener';

const MAX_BACKOFF_MS = 5000;

/**
 * One LISTEN connection per store, shared by its subscriptions. A notification is only a
 * doorbell: subscribers then read the log from their own position, so a notification lost while
 * the connection was down costs nothing but time. After every (re)connection the bell rings once,
 * because something may have been committed while nobody was listening.
 */
export class WakeUpListener {
  private client: Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private backoffMs = 50;
  private connecting: Promise<void> | undefined;

  constructor(
    private readonly Client: ListenerClient,
    private readonly config: ClientConfig,
    private readonly ring: () => void,
  ) {}

  /** Starts listening in the background; safe to call again. */
  start(): void {
    if (this.stopped || this.client || this.connecting || this.retry) return;
    this.connecting = this.connect().finally(() => {
      this.connecting = undefined;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new this.Client({ ...this.config, application_name: LISTENER_APPLICATION_NAME });
    client.on('notification', () => this.ring());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoffMs = 50;
    this.ring();
  }

  private lost(client: Client): void {
    if (this.client === client) this.client = undefined;
    client.removeAllListeners('end');
    client.removeAllListeners('notification');
    client.removeAllListeners('error');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.start();
    }, delay);
    this.retry.unref();
  }
}

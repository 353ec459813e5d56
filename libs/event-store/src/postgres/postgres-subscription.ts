import type { Position, RecordedEvent, Subscription, SubscriptionFilter } from '../event-store.port';
import { isConnectionError } from './connection-errors';

/** What a subscription needs from the store: the log, read by position, and a doorbell. */
export interface PostgresLogSource {
  isClosed(): boolean;
  /** A counter incremented on every wake-up (local commit, notification, reconnection, close). */
  changes(): number;
  /** Events strictly after `after`, in order, at most `limit` rows scanned; `last` is the last scanned position. */
  readPage(
    after: Position,
    limit: number,
    filter: SubscriptionFilter | undefined,
  ): Promise<{ events: RecordedEvent[]; last: Position | undefined }>;
  /** Calls `listener` on the next change; returns the deregistration. */
  onChange(listener: () => void): () => void;
}

const PAGE_SIZE = 1000;
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Catch-up and live are one loop: read the log after the cursor; when there is nothing, wait for
 * the doorbell (NOTIFY from any process, or a local commit) or the poll timer. The log is the
 * only source of events and the cursor only moves past what was delivered, so neither the switch
 * from catch-up to live nor a lost connection can drop or repeat an event: a failed read is retried
 * from the same cursor.
 */
export class PostgresSubscription implements Subscription, AsyncIterator<RecordedEvent> {
  private cursor: Position;
  private buffer: RecordedEvent[] = [];
  private index = 0;
  private ended = false;
  private wake: (() => void) | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: PostgresLogSource,
    fromPosition: Position,
    private readonly filter: SubscriptionFilter | undefined,
    private readonly pollIntervalMs: number,
    private readonly onEnd: () => void,
  ) {
    this.cursor = fromPosition;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    // Serialised so that concurrent next() calls cannot read the same page twice.
    const result = this.tail.then(() => this.pull());
    this.tail = result.catch(() => undefined);
    return result;
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.unsubscribe();
    return DONE;
  }

  async unsubscribe(): Promise<void> {
    this.end();
    this.buffer = [];
    this.wake?.();
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.ended) return DONE;
      if (this.index < this.buffer.length) return { done: false, value: this.buffer[this.index++]! };
      if (this.source.isClosed()) return this.end();
      const seen = this.source.changes();
      let page: Awaited<ReturnType<PostgresLogSource['readPage']>>;
      try {
        page = await this.source.readPage(this.cursor, PAGE_SIZE, this.filter);
      } catch (error) {
        if (this.ended || this.source.isClosed()) return this.end();
        if (isConnectionError(error)) {
          // The database is restarting or the connection dropped: try again from the same cursor.
          await this.waitForChange(-1);
          continue;
        }
        this.end();
        throw error;
      }
      if (this.ended) return DONE;
      if (page.last !== undefined) {
        // Filtered-out events still move the cursor, so they are never scanned again.
        this.cursor = page.last;
        this.buffer = page.events;
        this.index = 0;
        continue;
      }
      await this.waitForChange(seen);
    }
  }

  private end(): IteratorReturnResult<undefined> {
    if (!this.ended) {
      this.ended = true;
      this.onEnd();
    }
    return DONE;
  }

  /** Waits for the next change after `seen`, or the poll interval; `-1` waits for the interval. */
  private waitForChange(seen: number): Promise<void> {
    if (seen !== -1 && this.source.changes() !== seen) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        deregister();
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      // The poll is the safety net under NOTIFY; unref(): a forgotten subscription must not keep
      // the process alive.
      const timer = setTimeout(done, this.pollIntervalMs);
      timer.unref();
      const deregister = seen === -1 ? () => undefined : this.source.onChange(done);
      this.wake = done;
    });
  }
}

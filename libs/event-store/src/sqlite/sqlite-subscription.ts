import type { Position, RecordedEvent, Subscription, SubscriptionFilter } from '../event-store.port';

/** What a subscription needs from the store: the log, read by position, and a doorbell. */
export interface LogSource {
  isClosed(): boolean;
  /** A counter incremented after every commit that wrote events, and on close. */
  changes(): number;
  /** Events strictly after `after`, in order, at most `limit` rows scanned; `last` is the last scanned position. */
  readPage(
    after: Position,
    limit: number,
    filter: SubscriptionFilter | undefined,
  ): { events: RecordedEvent[]; last: Position | undefined; scanned: number };
  /** Calls `listener` on the next change; returns the deregistration. */
  onChange(listener: () => void): () => void;
}

const PAGE_SIZE = 1000;
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Catch-up and live are the same loop: read what the table holds after the cursor, and when there is
 * nothing, wait for the store's doorbell or the poll timer. The table is the only source of events,
 * so the switch from catch-up to live can neither drop nor repeat one; the change counter taken
 * before each read closes the window between "read nothing" and "start waiting".
 */
export class SqliteSubscription implements Subscription, AsyncIterator<RecordedEvent> {
  private cursor: Position;
  private buffer: RecordedEvent[] = [];
  private index = 0;
  private ended = false;
  private wake: (() => void) | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  /** The change counter before the last read, and whether that read may have left rows behind. */
  private seenAtRead: number | undefined;
  private pageWasFull = false;

  constructor(
    private readonly source: LogSource,
    fromPosition: Position,
    private readonly filter: SubscriptionFilter | undefined,
    private readonly pollIntervalMs: number,
  ) {
    this.cursor = fromPosition;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    // Serialised so that concurrent next() calls (not for-await, but allowed by the protocol)
    // cannot read the same page twice.
    const result = this.tail.then(() => this.pull());
    this.tail = result.catch(() => undefined);
    return result;
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.unsubscribe();
    return DONE;
  }

  /** False once the buffer is handed out, the last read reached the end of the table and nothing was committed here since. */
  ready(): boolean {
    if (this.ended) return false;
    return this.index < this.buffer.length || this.pageWasFull || this.seenAtRead !== this.source.changes();
  }

  async unsubscribe(): Promise<void> {
    this.ended = true;
    this.buffer = [];
    this.wake?.();
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.ended) return DONE;
      if (this.index < this.buffer.length) return { done: false, value: this.buffer[this.index++] };
      if (this.source.isClosed()) return this.end();
      // Yield to I/O between full pages: a catch-up over millions of events must not starve the
      // server, and it lets queued appends commit. After the doorbell the read is immediate: the
      // batch it starts is what a mutation waiting for its read models waits on.
      if (this.pageWasFull) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.ended) return DONE;
        if (this.source.isClosed()) return this.end();
      }
      const seen = this.source.changes();
      let page: ReturnType<LogSource['readPage']>;
      try {
        page = this.source.readPage(this.cursor, PAGE_SIZE, this.filter);
      } catch (error) {
        if (this.source.isClosed()) return this.end();
        this.ended = true;
        throw error;
      }
      this.seenAtRead = seen;
      this.pageWasFull = page.scanned >= PAGE_SIZE;
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
    this.ended = true;
    return DONE;
  }

  private waitForChange(seen: number): Promise<void> {
    if (this.source.changes() !== seen) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        deregister();
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      // The poll catches commits by other processes on the same file, which ring no bell here.
      // unref(): a forgotten subscription must not keep the process alive.
      const timer = setTimeout(done, this.pollIntervalMs);
      timer.unref();
      const deregister = this.source.onChange(done);
      this.wake = done;
    });
  }
}

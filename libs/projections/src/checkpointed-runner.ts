import type { EventStore, RecordedEvent, Subscription } from '@kom/event-store';

/**
 * What a checkpointed consumer of the log does with the events it is given: a projection writes its
 * rows and its checkpoint in one transaction; a reactor sends each event's commands, then moves its
 * checkpoint. Events come in log order, each once per run, all after the position the run started
 * from. What `handle` throws ends the run.
 */
export interface CheckpointedConsumer {
  handle(events: readonly RecordedEvent[], run: RunControl): void | Promise<void>;
}

export interface RunControl {
  /** True once stop() was called: a consumer that is slow per event checks it between events. */
  readonly stopping: boolean;
}

export interface CheckpointedRunnerOptions {
  /** Events per readAll page while catching up, and so per `handle` call then. */
  readonly catchUpBatchSize: number;
  /** Largest live batch; a live batch is also handled as soon as no further event is ready. */
  readonly liveBatchSize: number;
  /** Called once the catch-up has read the log's head, with its position. */
  readonly onCaughtUp?: (position: bigint) => void;
}

const STOP = Symbol('stop');
const IDLE = Symbol('idle');

/**
 * The one loop that feeds a checkpointed consumer from the global log: catch-up in readAll pages
 * (the next page is requested before the current one is handled), then a live subscription whose
 * events are handed over in batches. Projections and reactors both run on it; they keep their own
 * checkpoints, waiters and failure handling.
 */
export class CheckpointedRunner {
  private subscription: Subscription | undefined;
  private stopRequested = false;
  /** Resolves the promise the loop currently races against (one fresh promise per wait, so no
   * reactions pile up on a long-lived promise). */
  private interrupt: ((value: typeof STOP) => void) | undefined;
  private readonly control: RunControl;

  constructor(
    private readonly store: EventStore,
    private readonly consumer: CheckpointedConsumer,
    private readonly options: CheckpointedRunnerOptions,
  ) {
    const runner = this;
    this.control = {
      get stopping() {
        return runner.stopRequested;
      },
    };
  }

  get stopping(): boolean {
    return this.stopRequested;
  }

  /** Feeds the consumer from `from` (exclusive) until stop(); rejects with what the consumer or the store threw. */
  async run(from: bigint): Promise<void> {
    const position = await this.catchUp(from);
    if (position === undefined) return;
    this.options.onCaughtUp?.(position);
    await this.live(position);
  }

  /** Asks the loop to end and ends the live subscription; the run's promise settles once it has. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.interrupt?.(STOP);
    this.interrupt = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.unsubscribe().catch(() => undefined);
  }

  private async catchUp(from: bigint): Promise<bigint | undefined> {
    const maxCount = this.options.catchUpBatchSize;
    let last = from;
    let next: Promise<RecordedEvent[]> | undefined = this.store.readAll({ fromPosition: from, maxCount });
    while (next !== undefined) {
      const page: RecordedEvent[] | typeof STOP = await Promise.race([next, this.stopSignal()]);
      if (page === STOP || this.stopRequested) {
        next.catch(() => undefined);
        return undefined;
      }
      if (page.length === 0) break;
      const fresh = page.filter((event) => event.position > last);
      last = page[page.length - 1]!.position;
      next = page.length >= maxCount ? this.store.readAll({ fromPosition: last, maxCount }) : undefined;
      next?.catch(() => undefined); // observed by the next iteration; avoid an unhandled rejection meanwhile
      if (fresh.length > 0) await this.consumer.handle(fresh, this.control);
      if (this.stopRequested) {
        next?.catch(() => undefined);
        return undefined;
      }
      // An adapter whose reads complete synchronously (SQLite) would otherwise keep the event loop
      // in microtasks for the whole catch-up: let I/O (HTTP requests, appends) run between pages.
      await yieldToEventLoop();
    }
    return last;
  }

  /**
   * subscribeToAll from the caught-up position. A batch is handled when liveBatchSize events are
   * gathered, or as soon as no further event is immediately available (the subscription says so,
   * or its next event is not ready before the next macrotask): no batch is held back waiting for
   * traffic.
   */
  private async live(from: bigint): Promise<void> {
    const subscription = this.store.subscribeToAll({ fromPosition: from });
    this.subscription = subscription;
    if (this.stopRequested) {
      await subscription.unsubscribe();
      return;
    }
    const iterator = subscription[Symbol.asyncIterator]();
    let batch: RecordedEvent[] = [];
    let last = from;
    let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
    try {
      while (!this.stopRequested) {
        pending ??= iterator.next();
        const result = await Promise.race(
          batch.length === 0 ? [pending, this.stopSignal()] : [pending, this.stopSignal(), nextMacrotask()],
        );
        if (result === STOP || this.stopRequested) break;
        if (result === IDLE) {
          await this.consumer.handle(batch, this.control);
          batch = [];
          continue;
        }
        pending = undefined;
        if (result.done) throw new Error('The event store subscription ended unexpectedly');
        const event = result.value;
        if (event.position <= last) continue; // already seen: never handle twice
        last = event.position;
        batch.push(event);
        // A subscription that can tell that nothing more is at hand saves the turn of the event
        // loop the race above would wait: read-your-writes waits on this batch.
        if (batch.length >= this.options.liveBatchSize || subscription.ready?.() === false) {
          await this.consumer.handle(batch, this.control);
          batch = [];
        }
      }
      // Stopping: what was fully received is still handed over (a consumer that is slow per event
      // sees `stopping` and leaves it for the next run), so stop() leaves no half-done batch.
      if (batch.length > 0) await this.consumer.handle(batch, this.control);
    } finally {
      pending?.catch(() => undefined);
      if (this.subscription === subscription) this.subscription = undefined;
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  private stopSignal(): Promise<typeof STOP> {
    if (this.stopRequested) return Promise.resolve(STOP);
    return new Promise((resolve) => (this.interrupt = resolve));
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function nextMacrotask(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(resolve, IDLE));
}

import { logMarkProblem, type EventStore, type RecordedEvent, type Subscription } from '@kom/event-store';
import type { Projection } from './projection';
import { ProjectionRunnerStoppedError, ProjectionTimeoutError } from './projection-errors';
import { ProjectionSet } from './projection-set';
import type { ReadModelDatabase } from './read-model-database';

export interface ProjectionLogger {
  log(msg: string, ctx?: object): void;
  error(msg: string, ctx?: object): void;
}

export interface ProjectionRunnerOptions {
  /** Events per readAll page, and so per transaction, while catching up. Default 5000. */
  readonly catchUpBatchSize?: number;
  /** Largest live batch; a live batch also commits as soon as no further event is ready. Default 100. */
  readonly liveBatchSize?: number;
  /** Called once when the runner stops because of an error. */
  readonly onError?: (error: unknown) => void;
  readonly logger?: ProjectionLogger;
  /**
   * Called after each committed batch with its events, once the read models show them (GraphQL
   * subscriptions, metrics). An error it throws is logged and otherwise ignored.
   */
  readonly onCommitted?: (events: readonly RecordedEvent[]) => void;
  /**
   * Wraps the commit of each batch (tracing, metrics): must call `commit` exactly once and let
   * what it throws through.
   */
  readonly aroundBatch?: (events: readonly RecordedEvent[], commit: () => void) => void;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  position: bigint;
}

type State = 'new' | 'starting' | 'running' | 'stopped' | 'failed';

interface Waiter {
  readonly position: bigint;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const STOP = Symbol('stop');
const IDLE = Symbol('idle');
const DEFAULT_WAIT_TIMEOUT_MS = 10_000;

/**
 * Feeds a set of projections from the global log through ONE subscription, starting at the lowest
 * checkpoint. Each projection skips the events at or below its own checkpoint.
 *
 * Exactly-once effect: a batch's read-model writes and the checkpoint updates commit in one SQLite
 * transaction (see ProjectionSet.commitBatch); in-memory checkpoints move only after the commit.
 * A crash loses either the whole batch with its checkpoint (it is re-read from the old checkpoint
 * after restart) or nothing.
 */
export class ProjectionRunner {
  private readonly set: ProjectionSet;
  private readonly catchUpBatchSize: number;
  private readonly liveBatchSize: number;
  private state: State = 'new';
  private failure: unknown;
  private loop: Promise<void> | undefined;
  private subscription: Subscription | undefined;
  private waiters: Waiter[] = [];
  private stopping = false;
  /** Resolves the promise the loop currently races against (one fresh promise per wait, so no
   * reactions pile up on a long-lived promise). */
  private interrupt: ((value: typeof STOP) => void) | undefined;

  constructor(
    private readonly store: EventStore,
    readModels: ReadModelDatabase,
    projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.catchUpBatchSize = positiveInteger(options.catchUpBatchSize ?? 5000, 'catchUpBatchSize');
    this.liveBatchSize = positiveInteger(options.liveBatchSize ?? 100, 'liveBatchSize');
    this.set = new ProjectionSet(readModels.db, projections);
  }

  /**
   * Creates the checkpoint table, sets up the projections, resets those whose version changed
   * (tables dropped, checkpoint 0) and those whose checkpoint the log no longer bears out (beyond
   * its head, or on another event than the one recorded: an older or another log restored beside
   * these read models), then feeds them in the background. Resolves once started, not once
   * caught up; rejects when the read models can be neither trusted nor reset.
   */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error(`ProjectionRunner cannot start: it is ${this.state}`);
    this.state = 'starting';
    let reset: string[];
    try {
      reset = this.set.initialise();
      const mismatched = await this.checkpointsNotInLog();
      for (const { name, problem } of mismatched) {
        this.options.logger?.error('Read model does not match the event log: rebuilding it from the log', { projection: name, problem });
      }
      if (mismatched.length > 0) this.set.initialise({ reset: mismatched.map((m) => m.name) });
    } catch (error) {
      this.state = 'failed';
      this.failure = error;
      this.rejectWaiters(this.stoppedError());
      throw error;
    }
    for (const name of reset) this.options.logger?.log('Projection version changed: rebuilding', { projection: name });
    this.state = 'running';
    this.resolveWaiters();
    this.loop = this.run().catch((error: unknown) => this.fail(error));
  }

  /** Ends the subscription and waits for the in-flight batch to commit or roll back. */
  async stop(): Promise<void> {
    if (this.state !== 'failed') this.state = 'stopped';
    this.signalStop();
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.unsubscribe().catch(() => undefined);
    await this.loop;
    this.rejectWaiters(new ProjectionRunnerStoppedError('ProjectionRunner stopped'));
  }

  /**
   * Resolves once every projection has committed up to `position` or beyond (read-your-writes
   * after a mutation). Rejects on timeout (default 10 s) and when the runner stops or fails.
   */
  waitFor(position: bigint, options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.state === 'failed') return Promise.reject(this.stoppedError());
    if (this.state === 'stopped') return Promise.reject(new ProjectionRunnerStoppedError('ProjectionRunner stopped'));
    if (this.state === 'running' && this.reached(position)) return Promise.resolve();
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.removeWaiter(waiter);
          const behind = this.set.status().filter((p) => p.position < position);
          reject(new ProjectionTimeoutError(position, timeoutMs, behind));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Projections whose stored checkpoint does not stand on the event the log has at that position. */
  private async checkpointsNotInLog(): Promise<Array<{ name: string; problem: string }>> {
    const problems = new Map<string, string | undefined>();
    const found: Array<{ name: string; problem: string }> = [];
    for (const [index, projection] of this.set.projections.entries()) {
      const position = this.set.checkpoints[index]!;
      if (position === 0n) continue;
      const mark = this.set.marks[index];
      if (mark === undefined) {
        found.push({ name: projection.name, problem: `the checkpoint at position ${position} records no event to check against the log` });
        continue;
      }
      const key = `${mark.position}:${mark.eventId}:${mark.hash}`;
      if (!problems.has(key)) problems.set(key, await logMarkProblem(this.store, mark));
      const problem = problems.get(key);
      if (problem !== undefined) found.push({ name: projection.name, problem });
    }
    return found;
  }

  status(): ProjectionStatus[] {
    return this.set.status();
  }

  /** True when every checkpoint is at or after the store's head. */
  async isCaughtUp(): Promise<boolean> {
    const head = await this.store.headPosition();
    return this.set.checkpoints.every((checkpoint) => checkpoint >= head);
  }

  private async run(): Promise<void> {
    const from = this.set.minCheckpoint();
    if (from === undefined) return; // no projections: nothing to feed
    const position = await this.catchUp(from);
    if (position === undefined) return;
    this.options.logger?.log('Projections caught up', { position: String(position) });
    await this.live(position);
  }

  /** readAll in large pages, one transaction per page; the next page is requested before applying. */
  private async catchUp(from: bigint): Promise<bigint | undefined> {
    const maxCount = this.catchUpBatchSize;
    let next: Promise<RecordedEvent[]> | undefined = this.store.readAll({ fromPosition: from, maxCount });
    while (next !== undefined) {
      const page: RecordedEvent[] | typeof STOP = await Promise.race([next, this.stopSignal()]);
      if (page === STOP || this.state !== 'running') {
        next.catch(() => undefined);
        return undefined;
      }
      if (page.length === 0) break;
      from = page[page.length - 1]!.position;
      next = page.length >= maxCount ? this.store.readAll({ fromPosition: from, maxCount }) : undefined;
      next?.catch(() => undefined); // observed by the next iteration; avoid an unhandled rejection meanwhile
      this.commit(page);
      // An adapter whose reads complete synchronously (SQLite) would otherwise keep the event loop
      // in microtasks for the whole catch-up: let I/O (HTTP requests, appends) run between pages.
      await yieldToEventLoop();
    }
    return from;
  }

  /**
   * subscribeToAll from the caught-up position. A batch commits when liveBatchSize events are
   * gathered, or as soon as no further event is immediately available (the subscription's next
   * event is not ready before the next macrotask): no batch is held back waiting for traffic.
   */
  private async live(from: bigint): Promise<void> {
    const subscription = this.store.subscribeToAll({ fromPosition: from });
    this.subscription = subscription;
    if (this.state !== 'running') {
      await subscription.unsubscribe();
      return;
    }
    const iterator = subscription[Symbol.asyncIterator]();
    let batch: RecordedEvent[] = [];
    let last = from;
    let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
    try {
      while (this.state === 'running') {
        pending ??= iterator.next();
        const result = await Promise.race(
          batch.length === 0 ? [pending, this.stopSignal()] : [pending, this.stopSignal(), nextMacrotask()],
        );
        if (result === STOP || this.state !== 'running') break;
        if (result === IDLE) {
          this.commit(batch);
          batch = [];
          continue;
        }
        pending = undefined;
        if (result.done) {
          throw new Error('The event store subscription ended unexpectedly');
        }
        const event = result.value;
        if (event.position <= last) continue; // already seen: never apply twice
        last = event.position;
        batch.push(event);
        if (batch.length >= this.liveBatchSize) {
          this.commit(batch);
          batch = [];
        }
      }
      // Stopping: what was fully received still commits, so stop() leaves no half-done work.
      if (batch.length > 0 && this.stopping && (this.state as State) !== 'failed') this.commit(batch);
    } finally {
      pending?.catch(() => undefined);
      if (this.subscription === subscription) this.subscription = undefined;
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  private commit(events: readonly RecordedEvent[]): void {
    // commitBatch throws (after rolling back) when a projection throws
    if (this.options.aroundBatch) this.options.aroundBatch(events, () => this.set.commitBatch(events));
    else this.set.commitBatch(events);
    this.resolveWaiters();
    if (this.options.onCommitted) {
      try {
        this.options.onCommitted(events);
      } catch (error) {
        this.options.logger?.error('onCommitted listener failed', { error: String(error) });
      }
    }
  }

  private resolveWaiters(): void {
    if (this.waiters.length === 0) return;
    const waiting: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (this.reached(waiter.position)) {
        clearTimeout(waiter.timer);
        waiter.resolve();
      } else {
        waiting.push(waiter);
      }
    }
    this.waiters = waiting;
  }

  /** Every projection has committed `position` or beyond. */
  private reached(position: bigint): boolean {
    const min = this.set.minCheckpoint();
    return min === undefined || min >= position;
  }

  private rejectWaiters(error: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
  }

  private removeWaiter(waiter: Waiter): void {
    this.waiters = this.waiters.filter((w) => w !== waiter);
  }

  private fail(error: unknown): void {
    if (this.state === 'failed') return;
    this.state = 'failed';
    this.failure = error;
    this.signalStop();
    const subscription = this.subscription;
    this.subscription = undefined;
    subscription?.unsubscribe().catch(() => undefined);
    this.rejectWaiters(this.stoppedError());
    const message = error instanceof Error ? error.message : String(error);
    this.options.logger?.error('Projection runner stopped on an error', { error: message, status: this.statusContext() });
    if (this.options.onError) {
      try {
        this.options.onError(error);
      } catch {
        // reporting must not throw out of the runner
      }
    } else if (!this.options.logger) {
      console.error('Projection runner stopped on an error', error);
    }
  }

  private stopSignal(): Promise<typeof STOP> {
    if (this.stopping) return Promise.resolve(STOP);
    return new Promise((resolve) => (this.interrupt = resolve));
  }

  private signalStop(): void {
    this.stopping = true;
    this.interrupt?.(STOP);
    this.interrupt = undefined;
  }

  private stoppedError(): ProjectionRunnerStoppedError {
    const cause = this.failure;
    const message = cause instanceof Error ? cause.message : String(cause);
    return new ProjectionRunnerStoppedError(`ProjectionRunner failed: ${message}`, { cause });
  }

  private statusContext(): Array<{ name: string; position: string }> {
    return this.set.status().map((p) => ({ name: p.name, position: String(p.position) }));
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function nextMacrotask(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(resolve, IDLE));
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

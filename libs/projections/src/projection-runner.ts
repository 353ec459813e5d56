import { logMarkProblem, type EventStore, type RecordedEvent } from '@kom/event-store';
import { CheckpointedRunner } from './checkpointed-runner';
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

const DEFAULT_WAIT_TIMEOUT_MS = 10_000;

/**
 * Feeds a set of projections from the global log through ONE subscription, starting at the lowest
 * checkpoint, on the CheckpointedRunner that reactors run on too. Each projection skips the events
 * at or below its own checkpoint.
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
  private readonly runner: CheckpointedRunner;
  private waiters: Waiter[] = [];

  constructor(
    private readonly store: EventStore,
    readModels: ReadModelDatabase,
    projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.catchUpBatchSize = positiveInteger(options.catchUpBatchSize ?? 5000, 'catchUpBatchSize');
    this.liveBatchSize = positiveInteger(options.liveBatchSize ?? 100, 'liveBatchSize');
    this.set = new ProjectionSet(readModels.db, projections);
    this.runner = new CheckpointedRunner(
      store,
      // A failed runner commits nothing more; a stopping one still commits what it fully received.
      { handle: (events) => (this.state === 'failed' || events.length === 0 ? undefined : this.commit(events)) },
      {
        catchUpBatchSize: this.catchUpBatchSize,
        liveBatchSize: this.liveBatchSize,
        onCaughtUp: (position) => {
          this.createDeferredQueryIndexes();
          this.options.logger?.log('Projections caught up', { position: String(position) });
        },
      },
    );
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
      // A projection that starts from position 0 gets its query indexes once caught up (one sorted
      // pass each, as rebuildAll does); not ready before that, so no query misses them for long.
      reset = this.set.initialise({ deferQueryIndexes: 'reset' });
      const mismatched = await this.checkpointsNotInLog();
      for (const { name, problem } of mismatched) {
        this.options.logger?.error('Read model does not match the event log: rebuilding it from the log', { projection: name, problem });
      }
      if (mismatched.length > 0) this.set.initialise({ reset: mismatched.map((m) => m.name), deferQueryIndexes: 'reset' });
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
    await this.runner.stop();
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

  /** True when every checkpoint is at or after the store's head and the query indexes exist. */
  async isCaughtUp(): Promise<boolean> {
    if (this.set.queryIndexesPending) return false;
    const head = await this.store.headPosition();
    return this.set.checkpoints.every((checkpoint) => checkpoint >= head);
  }

  private createDeferredQueryIndexes(): void {
    if (this.state !== 'running' || !this.set.queryIndexesPending) return;
    try {
      this.set.createQueryIndexes();
    } catch (error) {
      this.fail(error);
    }
  }

  private async run(): Promise<void> {
    const from = this.set.minCheckpoint();
    if (from === undefined) return; // no projections: nothing to feed
    await this.runner.run(from);
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
    void this.runner.stop();
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

  private stoppedError(): ProjectionRunnerStoppedError {
    const cause = this.failure;
    const message = cause instanceof Error ? cause.message : String(cause);
    return new ProjectionRunnerStoppedError(`ProjectionRunner failed: ${message}`, { cause });
  }

  private statusContext(): Array<{ name: string; position: string }> {
    return this.set.status().map((p) => ({ name: p.name, position: String(p.position) }));
  }
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

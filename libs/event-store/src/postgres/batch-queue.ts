import type { Outcome } from '../sqlite/group-commit';

interface Waiting<Job, Result> {
  readonly job: Job;
  readonly resolve: (value: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit over an asynchronous connection: one batch is in flight at a time, and every append
 * that arrives meanwhile waits for the next one. Under load a batch therefore holds all the appends
 * that came during one commit's round trips and fsync, which is what makes many concurrent writers
 * cheaper than one transaction each. Promises settle after `commitBatch` resolves (after COMMIT);
 * if it rejects, every job of the batch is rejected with `failure(error)`.
 */
export class BatchQueue<Job, Result> {
  private queue: Waiting<Job, Result>[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly commitBatch: (jobs: readonly Job[]) => Promise<readonly Outcome<Result>[]>,
    private readonly maxBatchSize: number,
    private readonly failure: (error: unknown) => unknown,
  ) {
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new RangeError('maxBatchSize must be a positive integer');
  }

  enqueue(job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.running ??= this.run();
    });
  }

  /** Resolves once every job enqueued so far has settled. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    // setImmediate: callers that await a read before appending reach the queue in later
    // microtasks of the same turn; the first batch of a burst should hold them too.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatchSize);
      let outcomes: readonly Outcome<Result>[];
      try {
        outcomes = await this.commitBatch(batch.map((waiting) => waiting.job));
      } catch (error) {
        const reason = this.failure(error);
        for (const waiting of batch) waiting.reject(reason);
        continue;
      }
      batch.forEach((waiting, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome ? outcome.error : new Error('The batch returned no outcome for this job'));
      });
    }
    this.running = undefined;
  }
}

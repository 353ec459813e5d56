/** What became of one job of a committed batch: its own refusal does not fail the batch. */
export type Outcome<Result> =
  | { readonly ok: true; readonly value: Result }
  | { readonly ok: false; readonly error: unknown };

interface Waiting<Job, Result> {
  readonly job: Job;
  readonly resolve: (value: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: jobs enqueued by many async callers during one turn of the event loop are handed
 * to `commitBatch` together, so a burst of appends costs one transaction and one fsync instead of
 * one each. Promises settle only after `commitBatch` returns, that is after COMMIT; if it throws
 * (BEGIN or COMMIT failed), every job of the batch is rejected with `failure(error)`.
 */
export class GroupCommitQueue<Job, Result> {
  private queue: Waiting<Job, Result>[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly commitBatch: (jobs: readonly Job[]) => readonly Outcome<Result>[],
    private readonly maxBatchSize: number,
    private readonly failure: (error: unknown) => unknown,
  ) {
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new RangeError('maxBatchSize must be a positive integer');
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      // setImmediate rather than a microtask: callers that await a read before appending (the
      // usual load-decide-append) reach the queue in later microtasks of the same turn.
      this.scheduled ??= setImmediate(() => this.flushScheduled());
    });
  }

  /** Commits everything queued now, synchronously; close() uses it so accepted appends are not lost. */
  drain(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.queue.length > 0) this.flushOne();
  }

  private flushScheduled(): void {
    this.scheduled = undefined;
    this.flushOne();
    // The cap bounds the latency of a batch; the rest goes in the next turn, after pending I/O.
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.flushScheduled());
  }

  private flushOne(): void {
    const batch = this.queue.splice(0, this.maxBatchSize);
    let outcomes: readonly Outcome<Result>[];
    try {
      outcomes = this.commitBatch(batch.map((waiting) => waiting.job));
    } catch (error) {
      const reason = this.failure(error);
      for (const waiting of batch) waiting.reject(reason);
      return;
    }
    batch.forEach((waiting, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome ? outcome.error : new Error('The batch returned no outcome for this job'));
    });
  }
}

/** A budget of attempts per key per window, e.g. 20 sign-ins per client address per minute. */
export interface RateLimitPolicy {
  /** Names the budget; two policies with different names never share a count. */
  readonly name: string;
  readonly points: number;
  readonly durationSeconds: number;
}

/**
 * Counts attempts against a RateLimitPolicy: in this process's memory (one process), or in the
 * shared PostgreSQL database, where every replica draws on the same count.
 */
export interface RateLimiter {
  readonly policy: RateLimitPolicy;
  /** Counts one attempt for `key`; undefined when allowed, else the whole seconds (≥ 1) until one is. */
  consume(key: string): Promise<number | undefined>;
}

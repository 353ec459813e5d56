import type { Pool } from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sha256 } from '../idempotency/idempotency-key';
import type { RateLimitPolicy, RateLimiter } from './rate-limiter.port';

/**
 * A RateLimiter on rate-limiter-flexible, whose stores count with one atomic statement (an upsert
 * that restarts an expired window) so that replicas racing on one key never lose a count. Keys are
 * hashed: a client address is not kept in the table, and any key fits its column.
 */
export class FlexibleRateLimiter implements RateLimiter {
  private constructor(
    readonly policy: RateLimitPolicy,
    private readonly limiter: RateLimiterAbstract,
  ) {}

  /** This process only: N replicas allow up to N times the budget. */
  static inMemory(policy: RateLimitPolicy): FlexibleRateLimiter {
    return new FlexibleRateLimiter(policy, new RateLimiterMemory(options(policy)));
  }

  /**
   * Counted in the shared table `rate_limits` (created by the shared-state migrations). Should the
   * database not answer, the count falls back to this process's memory rather than refusing
   * everyone or letting everything through.
   */
  static inPostgres(policy: RateLimitPolicy, pool: Pool): FlexibleRateLimiter {
    return new FlexibleRateLimiter(
      policy,
      new RateLimiterPostgres({
        ...options(policy),
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        insuranceLimiter: new RateLimiterMemory(options(policy)),
      }),
    );
  }

  async consume(key: string): Promise<number | undefined> {
    try {
      await this.limiter.consume(sha256(key), 1);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }
}

function options(policy: RateLimitPolicy) {
  return { keyPrefix: `kom-${policy.name}`, points: policy.points, duration: policy.durationSeconds };
}

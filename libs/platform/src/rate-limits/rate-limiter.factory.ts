import type { SharedStatePostgres } from '../shared-state/shared-state-postgres';
import { FlexibleRateLimiter } from './flexible-rate-limiter';
import type { RateLimitPolicy, RateLimiter } from './rate-limiter.port';

/** Counted in the shared database when there is one (every replica draws on one budget), else in memory. */
export function createRateLimiter(policy: RateLimitPolicy, shared: SharedStatePostgres | null): RateLimiter {
  return shared ? FlexibleRateLimiter.inPostgres(policy, shared.pool) : FlexibleRateLimiter.inMemory(policy);
}

import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Actor } from '@kom/kernel';

export const MUTATION_RATE_LIMIT = Symbol.for('kom.MutationRateLimit');

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many changes: at most the configured number of mutations per minute; retry in ${retryAfterSeconds} s`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429 } },
  });
}

/**
 * Per-user budget of mutations (each mutation field counts, so aliases do not multiply it), in this
 * replica's memory: N replicas allow up to N times the budget, which still bounds a runaway client.
 */
export class MutationRateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(readonly perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: 'kom-mutations' });
  }

  async consume(actor: Actor): Promise<void> {
    try {
      await this.limiter.consume(`${actor.organizationId}\u0000${actor.userId}`, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw rejection;
    }
  }
}

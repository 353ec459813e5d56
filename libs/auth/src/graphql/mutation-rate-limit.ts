import { GraphQLError } from 'graphql';
import type { Actor } from '@kom/kernel';
import type { RateLimitPolicy, RateLimiter } from '@kom/platform';

export const MUTATION_RATE_LIMIT = Symbol.for('kom.MutationRateLimit');

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many changes: at most the configured number of mutations per minute; retry in ${retryAfterSeconds} s`, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds, http: { status: 429 } },
  });
}

/**
 * Per-user budget of mutations (each mutation field counts, so aliases do not multiply it). With
 * shared state in PostgreSQL every replica draws on the one budget; in memory (one process, or
 * SQLite) N replicas would allow up to N times the budget, which still bounds a runaway client.
 */
export class MutationRateLimit {
  static policy(perMinute: number): RateLimitPolicy {
    return { name: 'mutations', points: perMinute, durationSeconds: 60 };
  }

  constructor(private readonly limiter: RateLimiter) {}

  get perMinute(): number {
    return this.limiter.policy.points;
  }

  async consume(actor: Actor): Promise<void> {
    const wait = await this.limiter.consume(`${actor.organizationId}\u0000${actor.userId}`);
    if (wait !== undefined) throw rateLimited(wait);
  }
}

import type { RateLimitPolicy, RateLimiter } from '@kom/platform';

/**
 * Sign-in attempts per client address per minute: slows down guessing and floods of half-finished
 * sign-ins at the provider. Counted across replicas when shared state is in PostgreSQL.
 */
export class SignInRateLimit {
  static policy(perMinute: number): RateLimitPolicy {
    return { name: 'sign-in', points: perMinute, durationSeconds: 60 };
  }

  constructor(private readonly limiter: RateLimiter) {}

  /** undefined when allowed; otherwise the seconds to wait. */
  consume(clientAddress: string): Promise<number | undefined> {
    return this.limiter.consume(clientAddress || 'unknown');
  }
}

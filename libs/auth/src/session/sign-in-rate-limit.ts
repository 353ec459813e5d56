import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Sign-in attempts per client address per minute, in this replica's memory (as the mutation
 * budget): slows down guessing and floods of half-finished sign-ins at the provider.
 */
export class SignInRateLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: 'kom-sign-in' });
  }

  /** undefined when allowed; otherwise the seconds to wait. */
  async consume(clientAddress: string): Promise<number | undefined> {
    try {
      await this.limiter.consume(clientAddress || 'unknown', 1);
      return undefined;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }
}

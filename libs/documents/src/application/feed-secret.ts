import { createHash, randomBytes } from 'node:crypto';

/** A feed URL's secret: 256 random bits, base64url. Only its SHA-256 is ever stored. */
export function newFeedSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: feedSecretHash(secret) };
}

export function feedSecretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export const FEED_SECRET = /^[A-Za-z0-9_-]{43}$/;

import { createHash } from 'node:crypto';
import { InvalidInput, canonicalJson } from '@kom/kernel';

/** Long enough for a UUID or ULID, short enough to index; no spaces, no personal text. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

/** GraphQL field options for the `idempotencyKey` of a creating mutation's input. */
export const IDEMPOTENCY_KEY_FIELD = {
  nullable: true,
  description:
    'A key you choose (8-128 of A-Z a-z 0-9 _ . : -, e.g. a UUID) so that retrying the same request never creates twice: ' +
    'within 24 hours the same key from you answers with the first result and changes nothing.',
} as const;

export function assertIdempotencyKey(key: string): void {
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new InvalidInput('INVALID_IDEMPOTENCY_KEY', 'An idempotency key is 8 to 128 characters of A-Z, a-z, 0-9, _ . : -');
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The request's identity: its input as JSON, key left out, field order and absent fields irrelevant. */
export function requestFingerprint(input: unknown): string {
  const plain = JSON.parse(JSON.stringify(input ?? null)) as unknown;
  if (plain !== null && typeof plain === 'object' && !Array.isArray(plain)) delete (plain as Record<string, unknown>).idempotencyKey;
  return sha256(canonicalJson(plain));
}

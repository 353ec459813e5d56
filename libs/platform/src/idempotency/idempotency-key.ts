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

/** The input as plain JSON data, the key left out. */
function plainInput(input: unknown): unknown {
  const plain = JSON.parse(JSON.stringify(input ?? null)) as unknown;
  if (plain !== null && typeof plain === 'object' && !Array.isArray(plain)) delete (plain as Record<string, unknown>).idempotencyKey;
  return plain;
}

/**
 * A field sent as null is a field left out: GraphQL hands a resolver both as "no value", and every
 * mutation that takes a key reads them alike. At every depth of an object; in a list a null is an
 * element ([null] is not []), though objects inside a list lose their nulls too.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

/**
 * The request's identity: its input as JSON, key left out; field order, absent fields and fields
 * sent as null do not count.
 */
export function requestFingerprint(input: unknown): string {
  return sha256(canonicalJson(withoutNulls(plainInput(input))));
}

/**
 * The fingerprint as made before nulls were dropped (nulls kept). Keys claimed then stay in the
 * store for 24 hours after a deploy with this hash. For an input without a null it is the same hash
 * as requestFingerprint's, so almost every stored claim matches either way; for one that sent a null
 * only this hash matches an identical retry. So a claim matches when its fingerprint is either
 * (acceptedFingerprints). What stays as before for such old claims only: a retry that leaves out the
 * null the first request sent is another request. (During a rolling deploy a replica still on the
 * old code compares only the old hash: an identical retry with a null, whose first attempt a new
 * replica took, can be refused there as IDEMPOTENCY_KEY_REUSED until the deploy is done.) This can
 * go once every replica has run this code for longer than the 24 hours a key is kept.
 */
export function legacyRequestFingerprint(input: unknown): string {
  return sha256(canonicalJson(plainInput(input)));
}

/** The fingerprints a stored claim of this request may carry: made now, or before nulls were dropped. */
export function acceptedFingerprints(input: unknown): ReadonlySet<string> {
  return new Set([requestFingerprint(input), legacyRequestFingerprint(input)]);
}

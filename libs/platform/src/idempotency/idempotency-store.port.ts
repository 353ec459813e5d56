/**
 * Where client idempotency keys are kept, shared by every API process that serves the same data
 * (SQLite in the data directory; a PostgreSQL adapter for several processes). The protocol works
 * across processes: a caller claims a key atomically (a pending row), executes, then completes the
 * row with its result; other callers with the same key find the row and wait for the result
 * instead of executing. Whoever holds a claim is named by its claimId, so a late caller cannot
 * complete or release someone else's claim.
 */

/** Who asked, for what operation, under which key. Keys are per actor: two users never share one. */
export interface IdempotencyScope {
  readonly userId: string;
  readonly organizationId: string;
  /** The mutation's name, e.g. `submitIssue`. */
  readonly operation: string;
  /** SHA-256 (hex) of the client's key: the key itself is never stored. */
  readonly keyHash: string;
}

export type IdempotencyRecord =
  | { readonly state: 'pending'; readonly fingerprint: string; readonly claimedAt: Date }
  | { readonly state: 'completed'; readonly fingerprint: string; readonly claimedAt: Date; readonly result: string };

export type ClaimOutcome =
  | { readonly claimed: true; readonly claimId: string }
  | { readonly claimed: false; readonly record: IdempotencyRecord };

export interface ClaimOptions {
  readonly now: Date;
  /** A completed row claimed at or before this instant is expired: the key is free again. */
  readonly expiredBefore: Date;
  /** A pending row claimed at or before this instant was abandoned (its process died): take it over. */
  readonly abandonedBefore: Date;
}

export interface IdempotencyStore {
  /**
   * Atomically: when the scope has no live row, records a pending one (with `fingerprint`, the
   * hash of the request) and returns a fresh claimId; otherwise returns the live row untouched.
   */
  claim(scope: IdempotencyScope, fingerprint: string, options: ClaimOptions): Promise<ClaimOutcome>;
  /** Stores the result of a claim and marks it completed; false when the claim is no longer held. */
  complete(scope: IdempotencyScope, claimId: string, result: string): Promise<boolean>;
  /** Drops a claim whose request was refused or failed, so the key may be used again. */
  release(scope: IdempotencyScope, claimId: string): Promise<void>;
  /** The row as it stands, expired or not. */
  get(scope: IdempotencyScope): Promise<IdempotencyRecord | undefined>;
  /** Deletes rows claimed at or before `before`; returns how many. */
  purge(before: Date): Promise<number>;
  close(): Promise<void>;
}

/** Injection token for the IdempotencyStore port. */
export const IDEMPOTENCY_STORE = Symbol.for('kom.IdempotencyStore');

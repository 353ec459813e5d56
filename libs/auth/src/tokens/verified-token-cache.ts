import type { Actor } from '@kom/kernel';
import type { TokenVerifier } from './token-verifier';

/** What a verifier knows about a token it has just verified, for a cache to keep it no longer than allowed. */
export interface VerifiedToken {
  readonly actor: Actor;
  /** Epoch ms after which the verifier would no longer take it as valid on its own (its `exp`, or sooner). */
  readonly validUntilMs: number;
  /** The key that verified it; undefined when the key set named none (such a token is not cached). */
  readonly keyId: string | undefined;
}

/** A verifier whose verifications a cache may keep: it says until when and with which key. */
export interface CacheableTokenVerifier extends TokenVerifier {
  verifyToken(token: string): Promise<VerifiedToken>;
  /**
   * Whether a key still belongs to the key set as the verifier knows it now. `undefined`: the
   * verifier cannot say without verifying again (a key set due to be fetched again): no cache hit then.
   */
  trustsKey(keyId: string): boolean | undefined;
}

export interface VerifiedTokenCacheOptions {
  /** How many tokens are kept; the least recently used goes first (default 10,000). */
  readonly maxEntries?: number;
  /** Injected time (tests); the system clock otherwise. */
  readonly now?: () => number;
}

interface Entry {
  readonly actor: Actor;
  readonly validUntilMs: number;
  readonly keyId: string;
}

/**
 * Verifies a token once and answers from memory until the token's own `exp` (or the verifier's
 * earlier limit, such as the maximum token age): the signature check costs far more than a GraphQL
 * read. The key is the whole token, so a token can only match itself. An entry is dropped, and the
 * token verified again, once it has expired (the verifier then applies its clock tolerance and
 * refuses it), or when its signing key has left the key set (a rotated or revoked key), or when the
 * verifier's key set is due to be fetched again. Refusals are never cached. Bounded, LRU.
 */
export class VerifiedTokenCache implements TokenVerifier {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly verifier: CacheableTokenVerifier,
    options: VerifiedTokenCacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async verify(token: string): Promise<Actor> {
    const entry = this.entries.get(token);
    if (entry !== undefined) {
      this.entries.delete(token);
      if (entry.validUntilMs > this.now() && this.verifier.trustsKey(entry.keyId) === true) {
        this.entries.set(token, entry); // most recently used last
        return entry.actor;
      }
    }
    const verified = await this.verifier.verifyToken(token);
    if (verified.keyId !== undefined && verified.validUntilMs > this.now()) {
      this.entries.set(token, { actor: verified.actor, validUntilMs: verified.validUntilMs, keyId: verified.keyId });
      if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return verified.actor;
  }
}

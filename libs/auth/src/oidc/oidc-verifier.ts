import { Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWSHeaderParameters } from 'jose';
import type { Actor } from '@kom/kernel';
import { IdentityProviderUnavailableError } from '../tokens/claims';
import { refuseFutureIssuedAt, tokenRefusal } from '../tokens/token-refusal';
import type { CacheableTokenVerifier, VerifiedToken } from '../tokens/verified-token-cache';
import { claimMapper, type ClaimMapping, type ClaimsToActor } from './claim-mapping';

/** Asymmetric algorithms only: an HS* token "signed" with a public key, or `alg: none`, never verifies. */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

export interface OidcVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  readonly algorithms: readonly string[];
  readonly clockToleranceSeconds: number;
  /** A token issued (`iat`) longer ago than this is refused, whatever its `exp` says. */
  readonly maxTokenAgeSeconds?: number;
  readonly mapping: ClaimMapping;
  /** How long after a fetch an unknown `kid` may trigger another (jose's default 30 s). */
  readonly jwksCooldownMs?: number;
  /** How long fetched keys are trusted before being fetched again (jose's default 10 min). */
  readonly jwksCacheMaxAgeMs?: number;
  readonly jwksTimeoutMs?: number;
  /** Injected time (tests). */
  readonly now?: () => Date;
}

/**
 * Production identity: bearer JWTs from an OIDC provider, verified against its JWKS with a pinned
 * issuer, audience and algorithm list, a clock tolerance, `exp` required, `iat` neither in the future
 * nor older than the maximum token age. Key rotation is the
 * remote key set's job: a token with an unknown `kid` makes it fetch the set again (at most once per
 * cooldown), so a provider that publishes its next key before using it is followed without restarts.
 */
export class OidcVerifier implements CacheableTokenVerifier {
  private readonly logger = new Logger('OidcVerifier');
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  private readonly toActor: ClaimsToActor;

  constructor(private readonly options: OidcVerifierOptions) {
    const refused = options.algorithms.filter((a) => !(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(a));
    if (options.algorithms.length === 0 || refused.length > 0) {
      throw new Error(`OIDC algorithms must be asymmetric (${ASYMMETRIC_ALGORITHMS.join(', ')}); refused: ${refused.join(', ') || 'none given'}`);
    }
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), {
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
      timeoutDuration: options.jwksTimeoutMs ?? 5_000,
    });
    this.toActor = claimMapper(options.mapping);
  }

  async verify(token: string): Promise<Actor> {
    return (await this.verifyToken(token)).actor;
  }

  async verifyToken(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    let protectedHeader: JWSHeaderParameters;
    const maxAge = this.options.maxTokenAgeSeconds;
    try {
      ({ payload, protectedHeader } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [...this.options.algorithms],
        clockTolerance: this.options.clockToleranceSeconds,
        requiredClaims: maxAge === undefined ? ['exp'] : ['exp', 'iat'],
        maxTokenAge: maxAge,
        currentDate: this.options.now?.(),
      }));
    } catch (error) {
      if (keySetUnavailable(error)) {
        // Fail closed, and say why in the log: the caller's token may well be fine.
        this.logger.error(`identity provider key set unavailable (${this.options.jwksUrl}): ${(error as Error)?.message ?? String(error)}`);
        throw new IdentityProviderUnavailableError('identity provider keys unavailable');
      }
      throw tokenRefusal(error as InstanceType<typeof joseErrors.JOSEError>);
    }
    refuseFutureIssuedAt(payload, this.options.now?.() ?? new Date(), this.options.clockToleranceSeconds);
    const actor = this.toActor(payload);
    const expiresMs = payload.exp! * 1000;
    const tooOldMs = maxAge === undefined ? Infinity : (payload.iat! + maxAge) * 1000;
    return { actor, validUntilMs: Math.min(expiresMs, tooOldMs), keyId: protectedHeader.kid };
  }

  /**
   * Whether the key set, as last fetched, still holds the key; `undefined` once it is due to be
   * fetched again (a cache then verifies afresh, which fetches it), so a key the provider withdrew
   * is noticed as soon as without a cache.
   */
  trustsKey(keyId: string): boolean | undefined {
    if (!this.keys.fresh) return undefined;
    const keys = this.keys.jwks()?.keys;
    return keys === undefined ? undefined : keys.some((key) => key.kid === keyId);
  }
}

/**
 * The key set could not be fetched or read: a timeout, a network error, an error status or a
 * body that is no key set (jose reports the last two as its generic error).
 */
function keySetUnavailable(error: unknown): boolean {
  if (!(error instanceof joseErrors.JOSEError)) return true;
  return error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid || error.code === 'ERR_JOSE_GENERIC';
}

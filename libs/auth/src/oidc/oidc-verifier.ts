import { Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Actor } from '@kom/kernel';
import { InvalidTokenError } from '../tokens/claims';
import type { TokenVerifier } from '../tokens/token-verifier';
import { claimMapper, type ClaimMapping, type ClaimsToActor } from './claim-mapping';

/** Asymmetric algorithms only: an HS* token "signed" with a public key, or `alg: none`, never verifies. */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

export interface OidcVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  readonly algorithms: readonly string[];
  readonly clockToleranceSeconds: number;
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
 * issuer, audience and algorithm list, a clock tolerance, and `exp` required. Key rotation is the
 * remote key set's job: a token with an unknown `kid` makes it fetch the set again (at most once per
 * cooldown), so a provider that publishes its next key before using it is followed without restarts.
 */
export class OidcVerifier implements TokenVerifier {
  private readonly logger = new Logger('OidcVerifier');
  private readonly keys: JWTVerifyGetKey;
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
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [...this.options.algorithms],
        clockTolerance: this.options.clockToleranceSeconds,
        requiredClaims: ['exp'],
        currentDate: this.options.now?.(),
      }));
    } catch (error) {
      throw new InvalidTokenError(this.describe(error));
    }
    return this.toActor(payload);
  }

  private describe(error: unknown): string {
    if (error instanceof joseErrors.JWTExpired) return 'token expired';
    if (error instanceof joseErrors.JWTClaimValidationFailed) return `token claim "${error.claim}" is not accepted`;
    if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'token algorithm is not accepted';
    if (error instanceof joseErrors.JWKSNoMatchingKey) return 'token is not signed by a key of the identity provider';
    if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
      // Fail closed, but say why in the log: the provider's key set could not be fetched.
      this.logger.error(`identity provider key set unavailable: ${(error as Error)?.message ?? error}`);
      return 'identity provider keys unavailable';
    }
    return 'token signature or format is not valid';
  }
}

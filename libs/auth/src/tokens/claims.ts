import { isRole, type Actor } from '@kom/kernel';

/** Claim names the platform's own tokens carry; OIDC tokens are mapped onto the same Actor. */
export const CLAIMS = { organization: 'kom_org', role: 'kom_role' } as const;

/** Why a token is refused: a stable key a client can act on (sign in again, fix its clock). */
export type TokenRefusal =
  | 'TOKEN_MISSING'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_NOT_YET_VALID'
  | 'TOKEN_ISSUED_IN_FUTURE'
  | 'TOKEN_TOO_OLD'
  | 'TOKEN_CLAIMS_REFUSED';

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
  constructor(
    message: string,
    readonly reason: TokenRefusal = 'TOKEN_CLAIMS_REFUSED',
  ) {
    super(message);
  }
}

/**
 * The identity provider's keys could not be had (unreachable, an error status, not a key set):
 * a fault of the platform's surroundings, not of the caller's token.
 */
export class IdentityProviderUnavailableError extends Error {
  override readonly name = 'IdentityProviderUnavailableError';
}

export function actorFromClaims(claims: Record<string, unknown>): Actor {
  const userId = claims.sub;
  const organizationId = claims[CLAIMS.organization];
  const role = claims[CLAIMS.role];
  if (typeof userId !== 'string' || userId === '') throw new InvalidTokenError('token has no subject');
  if (typeof organizationId !== 'string' || organizationId === '') {
    throw new InvalidTokenError(`token has no ${CLAIMS.organization} claim`);
  }
  if (!isRole(role)) throw new InvalidTokenError(`token's ${CLAIMS.role} claim is not a platform role`);
  return { userId, organizationId, role };
}

import { isRole, type Actor } from '@kom/kernel';

/** Claim names the platform's own tokens carry; OIDC tokens are mapped onto the same Actor. */
export const CLAIMS = { organization: 'kom_org', role: 'kom_role' } as const;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
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

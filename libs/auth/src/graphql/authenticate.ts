import { GraphQLError } from 'graphql';
import type { Actor } from '@kom/kernel';
import { IdentityProviderUnavailableError, InvalidTokenError, type TokenRefusal } from '../tokens/claims';
import type { TokenVerifier } from '../tokens/token-verifier';

export function unauthenticated(message: string, reason: TokenRefusal = 'TOKEN_MISSING'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', reason, http: { status: 401 } } });
}

/** Not the caller's fault: the identity provider cannot be asked; try again later. */
export function identityProviderUnavailable(): GraphQLError {
  return new GraphQLError('The identity provider cannot be reached; try again later', {
    extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'IDENTITY_PROVIDER_UNAVAILABLE', http: { status: 503 } },
  });
}

/** Reads "Bearer <token>" from an Authorization header or a graphql-ws connection parameter. */
export function bearerToken(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match?.[1];
}

/**
 * The actor of an Authorization value ("Bearer <token>"), for HTTP and graphql-ws alike; a refusal
 * is UNAUTHENTICATED with the reason (TOKEN_MISSING, TOKEN_EXPIRED, TOKEN_TOO_OLD, …).
 */
export async function authenticateBearer(verifier: TokenVerifier, authorization: unknown): Promise<Actor> {
  const token = bearerToken(authorization);
  if (!token) throw unauthenticated('Authentication required: send Authorization: Bearer <token>', 'TOKEN_MISSING');
  try {
    return await verifier.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated(`Invalid token: ${error.message}`, error.reason);
    if (error instanceof IdentityProviderUnavailableError) throw identityProviderUnavailable();
    throw error;
  }
}

import type { Actor } from '@kom/kernel';

/** Turns a bearer token into the verified Actor, or throws InvalidTokenError. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor>;
}

export const TOKEN_VERIFIER = Symbol.for('kom.TokenVerifier');

import type { Actor } from '@kom/kernel';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/**
 * The actor of a request authenticated by the session cookie and its CSRF token. Returns undefined
 * when the request carries no session cookie; throws a typed GraphQL error when the cookie is
 * unknown, the session expired, or the CSRF token is missing or wrong.
 */
export interface SessionAuthenticator {
  authenticate(headers: Headers): Promise<Actor | undefined>;
}

export const SESSION_AUTHENTICATOR = Symbol.for('kom.SessionAuthenticator');

import type { Actor } from '@kom/kernel';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/**
 * The actor of a request authenticated by the session cookie and its CSRF token. Returns undefined
 * when the request carries no session cookie; throws a typed GraphQL error when the cookie is
 * unknown, the session expired, or the CSRF token is missing or wrong.
 */
export interface SessionAuthenticator {
  authenticate(headers: Headers, options?: SessionAuthenticationOptions): Promise<Actor | undefined>;
}

export interface SessionAuthenticationOptions {
  /**
   * A safe read over plain HTTP (GET or HEAD of a route, e.g. a document or an evidence bundle the
   * browser downloads through a link): no CSRF token is asked for. A cross-site page can make the
   * browser send such a request but never read its answer (same-origin policy), and the routes that
   * answer GET change nothing the user did not ask for. GraphQL always needs the token.
   */
  readonly safeRead?: boolean;
}

export const SESSION_AUTHENTICATOR = Symbol.for('kom.SessionAuthenticator');

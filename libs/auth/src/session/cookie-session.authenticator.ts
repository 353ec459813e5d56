import type { Actor } from '@kom/kernel';
import type { SessionAuthenticationOptions, SessionAuthenticator } from './session-authenticator';
import { readCookie, SESSION_COOKIE } from './session-cookie';
import { csrfTokenInvalid, sessionExpired, sessionUnknown } from './session-errors';
import { sameSecret } from './session-secrets';
import { actorOf, type Sessions } from './sessions';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * GraphQL over HTTP with the session cookie: the session must be active and the request must
 * carry its CSRF token (a cross-site page can make the browser send the cookie, never the header);
 * a safe read of a plain HTTP route (a download through a link) needs only the active session.
 * Only a request that passes both counts as activity.
 */
export class CookieSessionAuthenticator implements SessionAuthenticator {
  constructor(private readonly sessions: Sessions) {}

  async authenticate(headers: Readonly<Record<string, string | string[] | undefined>>, options: SessionAuthenticationOptions = {}): Promise<Actor | undefined> {
    const id = readCookie(headers, SESSION_COOKIE);
    if (!id) return undefined;
    const found = await this.sessions.lookup(id);
    if (found.status === 'unknown') throw sessionUnknown();
    if (found.status === 'expired') throw sessionExpired();
    if (!options.safeRead && !sameSecret(headers[CSRF_HEADER], found.session.csrfToken)) throw csrfTokenInvalid();
    await this.sessions.touch(found.session);
    return actorOf(found.session);
  }
}

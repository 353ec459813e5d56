/** The browser's view of its server-side session (GET /auth/session); it never holds a token. */
export type Role = 'SECRETARIAT' | 'AGENCY_MEMBER' | 'NGO_REPRESENTATIVE' | 'AUDITOR';
export type SignInMode = 'embedded' | 'oidc';

export interface SessionUser {
  readonly userId: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly role: Role;
}

export type Session =
  | { readonly authenticated: false; readonly mode: SignInMode }
  | {
      readonly authenticated: true;
      readonly mode: SignInMode;
      readonly user: SessionUser;
      readonly csrfToken: string;
      readonly expiresAt: string;
    };

export interface DemoPerson {
  readonly userId: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organizationId: string;
  readonly organizationName: string;
}

export class SignInUnavailable extends Error {
  override readonly name = 'SignInUnavailable';
}

let current: Session | undefined;

/** The CSRF token every GraphQL request and the live-update socket carry. */
export function csrfToken(): string | undefined {
  return current?.authenticated ? current.csrfToken : undefined;
}

/** Who is signed in, as the session last read said. */
export function sessionUser(): SessionUser | undefined {
  return current?.authenticated ? current.user : undefined;
}

export async function loadSession(): Promise<Session> {
  const response = await fetch('/auth/session', { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new SignInUnavailable(`GET /auth/session answered ${response.status}`);
  current = (await response.json()) as Session;
  return current;
}

export async function demoPeople(): Promise<DemoPerson[]> {
  const response = await fetch('/auth/embedded/people', { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) throw new SignInUnavailable(`GET /auth/embedded/people answered ${response.status}`);
  return (await response.json()) as DemoPerson[];
}

export async function signInAs(userId: string): Promise<void> {
  const response = await fetch('/auth/embedded/sign-in', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  if (response.status !== 204 && !response.ok) throw new SignInUnavailable(`sign-in answered ${response.status}`);
}

export class SignOutFailed extends Error {
  override readonly name = 'SignOutFailed';
}

/**
 * Ends the session on the server; the identity provider's end-session URL, when there is one.
 * Throws SignOutFailed when the server did not end it (its database down, say): the session is
 * still good, and a person at a shared computer must not be told they are out.
 */
export async function signOut(): Promise<string | null> {
  const logout = () =>
    fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken() ?? '' } }).catch(() => undefined);
  let response = await logout();
  // A token gone stale (the session was signed in again in another tab): read it again, once.
  if (response?.status === 403) response = await loadSession().then(logout, () => response);
  if (!response?.ok) throw new SignOutFailed(`POST /auth/logout answered ${response?.status ?? 'nothing'}`);
  current = undefined;
  const body = (await response.json()) as { redirectTo?: string | null };
  return body.redirectTo ?? null;
}

/** Only same-origin relative paths are followed after sign-in; anything else goes home. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

export function signInPath(returnTo: string): string {
  return `/sign-in?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}

import { fastifyCookie } from '@fastify/cookie';

const { parse, serialize } = fastifyCookie;

export const SESSION_COOKIE = 'kom_session';
/** Binds an OIDC sign-in in progress to the browser that started it (the `state`). */
export const SIGN_IN_COOKIE = 'kom_sign_in';
export const SIGN_IN_COOKIE_PATH = '/auth';

type Headers = Readonly<Record<string, string | string[] | undefined>> | undefined;

export function readCookie(headers: Headers, name: string): string | undefined {
  const header = headers?.cookie;
  const text = Array.isArray(header) ? header.join('; ') : header;
  if (!text) return undefined;
  const value = parse(text)[name];
  return value ? value : undefined;
}

export interface CookieOptions {
  readonly secure: boolean;
  readonly path?: string;
  readonly maxAgeSeconds?: number;
}

/** httpOnly (no script reads it), SameSite=Lax (not sent on cross-site subrequests or POSTs). */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  return serialize(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: options.path ?? '/',
    secure: options.secure,
    ...(options.maxAgeSeconds !== undefined ? { maxAge: options.maxAgeSeconds } : {}),
  });
}

export function clearCookie(name: string, options: CookieOptions): string {
  return serialize(name, '', {
    httpOnly: true,
    sameSite: 'lax',
    path: options.path ?? '/',
    secure: options.secure,
    maxAge: 0,
    expires: new Date(0),
  });
}

const LOOPBACK_HOSTS = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

/**
 * Secure always, with one exception: embedded mode outside production, reached over plain http at
 * a host other than localhost (a demo on a LAN address), where a browser would refuse a Secure
 * cookie. Browsers accept Secure cookies from http://localhost.
 */
export function cookieIsSecure(request: { protocol?: string; hostname?: string }, embeddedOutsideProduction: boolean): boolean {
  if (!embeddedOutsideProduction) return true;
  if (request.protocol !== 'http') return true;
  const host = (request.hostname ?? '').replace(/:\d+$/, '');
  return LOOPBACK_HOSTS.test(host);
}

/**
 * Connection strings for KurrentDB / EventStoreDB. The client (v1.x) parses these schemes itself;
 * `esdb` and `esdb+discover` still work there but print a deprecation warning on every connect, so
 * they are rewritten to the equivalent `kurrentdb` schemes before reaching the client.
 */

/** Every scheme accepted, in the order shown in error messages. `+discover` means DNS/gossip cluster discovery. */
export const KURRENTDB_URL_SCHEMES = [
  'kurrentdb',
  'kurrentdb+discover',
  'kurrent',
  'kurrent+discover',
  'kdb',
  'kdb+discover',
  'esdb',
  'esdb+discover',
] as const;

export type KurrentDbUrlScheme = (typeof KURRENTDB_URL_SCHEMES)[number];

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;

/** The URL's scheme in lower case, or undefined when it has none. */
export function urlScheme(url: string): string | undefined {
  return SCHEME.exec(url.trim())?.[1]?.toLowerCase();
}

export function isKurrentDbUrl(url: string | undefined): boolean {
  if (!url) return false;
  const scheme = urlScheme(url);
  return scheme !== undefined && (KURRENTDB_URL_SCHEMES as readonly string[]).includes(scheme);
}

/** "kurrentdb://, kurrentdb+discover://, ... or esdb+discover://" */
export function describeAcceptedSchemes(): string {
  const all = KURRENTDB_URL_SCHEMES.map((s) => `${s}://`);
  return `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}`;
}

/** The string handed to the client: trimmed, scheme in lower case, esdb[+discover] → kurrentdb[+discover]. */
export function toClientConnectionString(url: string): string {
  const trimmed = url.trim();
  const scheme = urlScheme(trimmed);
  if (scheme === undefined || !isKurrentDbUrl(trimmed)) {
    throw new Error(`Not a KurrentDB connection string: expected ${describeAcceptedSchemes()}`);
  }
  const clientScheme = scheme.startsWith('esdb') ? `kurrentdb${scheme.slice('esdb'.length)}` : scheme;
  return `${clientScheme}://${trimmed.replace(SCHEME, '')}`;
}

/**
 * Replaces the credentials of a URL by `***`, so that it can be logged. Everything between the
 * scheme and the last '@' is hidden: a password may itself contain '@', ':', '/' or '?' (the
 * client reads `[^:]+:[^@]+@` after the scheme), and hiding too much is better than leaking.
 */
export function redactConnectionString(url: string): string {
  const trimmed = url.trim();
  const match = SCHEME.exec(trimmed);
  const prefix = match ? match[0] : '';
  const rest = trimmed.slice(prefix.length);
  const at = rest.lastIndexOf('@');
  if (at < 0) return trimmed;
  return `${prefix}***@${rest.slice(at + 1)}`;
}

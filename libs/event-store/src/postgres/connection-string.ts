import { urlScheme } from '../kurrentdb/connection-string';

/** The schemes node-postgres reads; either selects the PostgreSQL event store. */
export const POSTGRES_URL_SCHEMES = ['postgres', 'postgresql'] as const;

export function isPostgresUrl(url: string | undefined): boolean {
  if (!url) return false;
  const scheme = urlScheme(url);
  return scheme !== undefined && (POSTGRES_URL_SCHEMES as readonly string[]).includes(scheme);
}

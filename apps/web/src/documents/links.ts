import type { Language } from '../i18n/language';

/** Where the platform serves a document over plain HTTP (the session cookie is enough for a GET). */
export function documentHref(kind: 'agenda' | 'minutes' | 'decision-register' | 'annual-report', format: string, params: Record<string, string | number | undefined>, language: Language): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  query.set('lang', language);
  return `/documents/${kind}.${format}?${query.toString()}`;
}

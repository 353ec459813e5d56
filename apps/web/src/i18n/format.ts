import type { Language } from './language';

// KOM works in Norway: every instant is shown as Oslo sees it, whatever the browser's zone.
const TIME_ZONE = 'Europe/Oslo';
const LOCALES: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) or an instant, as a date in Oslo. */
export function formatDate(isoOrDate: string, language: Language): string {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? `${isoOrDate}T12:00:00Z` : isoOrDate;
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, dateStyle: 'long' }).format(new Date(value));
}

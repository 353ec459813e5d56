import type { Language } from './language';

// KOM works in Norway: every instant is shown as Oslo sees it, whatever the browser's zone.
const TIME_ZONE = 'Europe/Oslo';
const LOCALES: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The time of day (hours, minutes, seconds) of an instant in Oslo: when something was last updated. */
export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, timeStyle: 'medium' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) or an instant, as a date in Oslo. */
export function formatDate(isoOrDate: string, language: Language): string {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate) ? `${isoOrDate}T12:00:00Z` : isoOrDate;
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, dateStyle: 'long' }).format(new Date(value));
}

/**
 * Whether a string names a day the calendar has (YYYY-MM-DD): not 2026-13-01, and not 2026-02-30,
 * which Date would silently read as 2 March.
 */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const noon = Date.parse(`${value}T12:00:00Z`);
  return !Number.isNaN(noon) && new Date(noon).toISOString().slice(0, 10) === value;
}

const osloClock = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** The instant (ISO 8601) an Oslo calendar day (YYYY-MM-DD) begins: 23:00 or 22:00 UTC the day before. */
export function osloStartOfDay(day: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  for (const hours of [1, 2]) {
    const candidate = new Date(midnightUtc - hours * 3600_000);
    if (osloClock.format(candidate) === `${day}, 00:00`) return candidate.toISOString();
  }
  return new Date(midnightUtc).toISOString();
}

/** The day after an Oslo calendar day (YYYY-MM-DD). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + 24 * 3600_000).toISOString().slice(0, 10);
}

/** The last instant of an Oslo calendar day: "as it stood on" that day. */
export function osloEndOfDay(day: string): string {
  return new Date(Date.parse(osloStartOfDay(nextDay(day))) - 1).toISOString();
}

/** Today's date in Oslo (YYYY-MM-DD). */
export function osloToday(now = new Date()): string {
  return osloClock.format(now).slice(0, 10);
}

/** The instant Oslo's clocks show `day` at `time` (HH:MM); a time in the spring gap moves on by the gap. */
export function osloInstant(day: string, time: string): string {
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  for (const hours of [1, 2]) {
    const candidate = new Date(asUtc - hours * 3600_000);
    if (osloClock.format(candidate) === `${day}, ${time}`) return candidate.toISOString();
  }
  return new Date(asUtc - 3600_000).toISOString();
}

/** An instant as Oslo's calendar date and wall-clock time. */
export function osloParts(iso: string): { day: string; time: string } {
  const [day, time] = osloClock.format(new Date(iso)).split(', ') as [string, string];
  return { day, time };
}

import type { DocumentLang } from './document-labels';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function osloParts(iso: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(PARTS.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
}

/**
 * Dates and times in Europe/Oslo, written from numeric parts only, so the bytes do not depend on
 * the ICU version's month names: "03.12.2026 kl. 10:00" (nb), "2026-12-03 10:00" (en).
 */
export function osloDateTime(iso: string, lang: DocumentLang): string {
  const p = osloParts(iso);
  return lang === 'nb' ? `${p.day}.${p.month}.${p.year} kl. ${p.hour}:${p.minute}` : `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function osloDay(iso: string, lang: DocumentLang): string {
  const p = osloParts(iso);
  return lang === 'nb' ? `${p.day}.${p.month}.${p.year}` : `${p.year}-${p.month}-${p.day}`;
}

/** A calendar date (YYYY-MM-DD) as the language writes it. */
export function calendarDate(date: string, lang: DocumentLang): string {
  const [y, m, d] = date.split('-');
  return lang === 'nb' ? `${d}.${m}.${y}` : date;
}

/** The Oslo wall-clock time of an instant, without a zone ("2027-01-12T09:00:00"), for iCalendar's TZID form. */
export function osloLocal(iso: string): string {
  const p = osloParts(iso);
  const seconds = String(new Date(iso).getUTCSeconds()).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${seconds}`;
}

const HOUR_MS = 3_600_000;

/**
 * Whether an instant's Oslo wall-clock time names two instants: in the hour the clocks go back
 * (the last Sunday of October, 02:00–02:59 happens twice), a time with a TZID cannot say which.
 */
export function osloLocalIsAmbiguous(iso: string): boolean {
  const at = new Date(iso).getTime();
  const local = osloLocal(iso);
  return osloLocal(new Date(at - HOUR_MS).toISOString()) === local || osloLocal(new Date(at + HOUR_MS).toISOString()) === local;
}

import { KOM_TIME_ZONE, isCalendarDate } from '@kom/kernel';

/** Words for the audit trail's summaries, shared by every context: dates and enum values as people read them. */
export type AuditLang = 'nb' | 'en';

const LOCALE: Record<AuditLang, string> = { nb: 'nb-NO', en: 'en-GB' };

/** A calendar day (YYYY-MM-DD) as people read it: "1. januar 2001", "1 January 2001". Anything else as it is. */
export function auditDay(value: unknown, lang: AuditLang): string {
  const text = String(value ?? '');
  if (!isCalendarDate(text)) return text;
  // Noon UTC is the same day in Oslo all year.
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: KOM_TIME_ZONE, dateStyle: 'long' }).format(new Date(`${text}T12:00:00Z`));
}

/** An instant (ISO 8601) in Oslo time: "5. desember 2026 kl. 10:30", "5 December 2026 at 10:30". Anything else as it is. */
export function auditInstant(value: unknown, lang: AuditLang): string {
  const text = String(value ?? '');
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return text;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return text;
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: KOM_TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(new Date(time));
}

/** An enum value by the label the GraphQL API gives it, lower-cased inside a sentence ("Etat" → "etat"; "NGO" stays); the value itself when it has none. */
export function auditLabel(labels: Readonly<Record<string, { nb: string; en: string }>>, value: unknown, lang: AuditLang): string {
  const key = typeof value === 'string' ? value : '';
  const label = key ? labels[key]?.[lang] : undefined;
  if (!label) return String(value ?? '');
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

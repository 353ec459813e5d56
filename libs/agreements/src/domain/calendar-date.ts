import { InvalidInput } from '@kom/kernel';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Agreements take effect, expire and end on calendar days in Norway. */
export const AGREEMENT_TIME_ZONE = 'Europe/Oslo';

/** True for a real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function requireCalendarDate(field: string, value: string): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new InvalidInput('INVALID_DATE', `${field} must be a date written YYYY-MM-DD`);
  }
  return value;
}

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: AGREEMENT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in Oslo at an instant: the day against which effective, expiry and termination
 * dates are compared, so a status changes at Norwegian midnight.
 */
export function osloDate(instant: Date): string {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}`;
}

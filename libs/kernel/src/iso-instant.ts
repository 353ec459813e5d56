import { isCalendarDate } from './calendar-date';
import { InvalidInput } from './errors';
import { osloDate } from './oslo-date';

/** YYYY-MM-DDThh:mm, seconds and a fraction optional, and a zone: Z or ±hh:mm. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The instant an ISO 8601 text with a zone names, or undefined when it is none the platform can
 * hold. Every date the platform keeps (an agreement's effective date, a meeting's start in a read
 * model, "today in Oslo") is compared as text, which is right only while every year has four
 * digits: "10000-01-01" sorts before "2019-06-01". So an instant is held only when its day in UTC
 * and its day in Oslo are both calendar dates YYYY-MM-DD (years 0100 to 9999: isCalendarDate
 * refuses 0000-0099, which JavaScript's Date reads as 19xx). 9999-12-31T23:00Z is already
 * 10000-01-01 in Oslo, and 9999-12-31T23:30-01:00 is in year 10000 in UTC; both are refused.
 */
export function parseIsoInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || !isCalendarDate(value.slice(0, 10))) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  const at = new Date(ms);
  return isCalendarDate(at.toISOString().slice(0, 10)) && isCalendarDate(osloDate(at)) ? at : undefined;
}

/** The instant, or BAD_USER_INPUT at the field (INVALID_INSTANT, or the field's own established reason). */
export function requireIsoInstant(value: unknown, field: string, reason = 'INVALID_INSTANT'): Date {
  const at = parseIsoInstant(value);
  if (at === undefined) throw new InvalidInput(reason, `${field} is an ISO 8601 date and time with a zone, in the years 0100 to 9999`, field);
  return at;
}

/** A time filter's bound: an instant as above, or a bare date standing for its first instant in UTC. */
export function parseIsoInstantOrDate(value: unknown): Date | undefined {
  return typeof value === 'string' && isCalendarDate(value) ? new Date(`${value}T00:00:00.000Z`) : parseIsoInstant(value);
}

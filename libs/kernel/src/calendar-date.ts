import { InvalidInput } from './errors';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The value, when it is a calendar date; else BAD_USER_INPUT naming the field. */
export function requireCalendarDate(field: string, value: string): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new InvalidInput('INVALID_DATE', `${field} must be a date written YYYY-MM-DD`);
  }
  return value;
}

import { InvalidInput, isCalendarDate, osloDate, parseIsoInstant } from '@kom/kernel';

// Membership dates are Norwegian days.
export { osloDate };

/**
 * `asOf` as a calendar day: a date (YYYY-MM-DD) as it is, an ISO 8601 instant as the day it fell on
 * in Norway, nothing as today.
 */
export function asOfDate(asOf: string | null | undefined, now: Date, field = 'asOf'): string {
  if (asOf === undefined || asOf === null || asOf === '') return osloDate(now);
  if (isCalendarDate(asOf)) return asOf;
  const instant = parseIsoInstant(asOf);
  if (instant === undefined) {
    throw new InvalidInput('INVALID_DATE', `${field} must be a date (YYYY-MM-DD) or an ISO 8601 instant with a zone (years 0100 to 9999)`);
  }
  return osloDate(instant);
}

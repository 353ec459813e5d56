import { InvalidInput, isCalendarDate, osloDate } from '@kom/kernel';

// Membership dates are Norwegian days.
export { osloDate };

/**
 * `asOf` as a calendar day: a date (YYYY-MM-DD) as it is, an ISO 8601 instant as the day it fell on
 * in Norway, nothing as today.
 */
export function asOfDate(asOf: string | null | undefined, now: Date, field = 'asOf'): string {
  if (asOf === undefined || asOf === null || asOf === '') return osloDate(now);
  if (isCalendarDate(asOf)) return asOf;
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(asOf) ? new Date(asOf) : undefined;
  if (instant === undefined || Number.isNaN(instant.getTime())) {
    throw new InvalidInput('INVALID_DATE', `${field} must be a date (YYYY-MM-DD) or an ISO 8601 instant`);
  }
  return osloDate(instant);
}

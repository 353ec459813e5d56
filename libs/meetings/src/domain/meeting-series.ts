import { InvalidInput, instantOf, wallClockAt } from '@kom/kernel';
import type { MeetingKind } from './meeting.events';

/**
 * A series of meetings of one body: monthly for the project group and the reference group,
 * half-yearly for the joint meeting. Pure date arithmetic; the application turns each
 * occurrence into a ScheduleMeeting command.
 *
 * Rules (decided and documented here):
 * - Occurrence i is the first meeting's Oslo calendar date plus i × step months, computed from
 *   the FIRST date every time (never chained), clamped to the month's last day: a series that
 *   starts on 31 January meets on 28 (29) February, 31 March, 30 April, 31 May ...
 * - The Oslo wall-clock start time is kept across daylight-saving changes (a 10:00 meeting stays
 *   at 10:00 local time, so its UTC instant moves by an hour between winter and summer). A local
 *   time that falls in the spring gap moves forward by the gap; one that happens twice (autumn)
 *   is the earlier instant.
 * - Each meeting lasts as long as the first one (elapsed time).
 * - 1 to 24 meetings (SERIES_COUNT_OUT_OF_RANGE): two years of monthly meetings, twelve of joint ones.
 */
export const MAX_SERIES_MEETINGS = 24;

export const seriesStepMonths = (kind: MeetingKind): number => (kind === 'JOINT' ? 6 : 1);

export interface Occurrence {
  readonly index: number;
  readonly startsAt: string;
  readonly endsAt: string;
}

export function seriesOccurrences(kind: MeetingKind, firstStartsAt: string, firstEndsAt: string, count: number): Occurrence[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SERIES_MEETINGS) {
    throw new InvalidInput('SERIES_COUNT_OUT_OF_RANGE', `A series has 1 to ${MAX_SERIES_MEETINGS} meetings`);
  }
  const start = Date.parse(firstStartsAt);
  const end = Date.parse(firstEndsAt);
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw new InvalidInput('INVALID_INSTANT', 'A series starts and ends at ISO 8601 dates and times with a zone');
  }
  if (end <= start) throw new InvalidInput('END_NOT_AFTER_START', 'A meeting ends after it starts');
  const duration = end - start;
  const first = wallClockAt(new Date(start));
  const step = seriesStepMonths(kind);
  return Array.from({ length: count }, (_, index) => {
    const startsAt = instantOf({ ...first, ...addMonths(first.year, first.month, first.day, index * step) });
    return { index, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + duration).toISOString() };
  });
}

/** The calendar date `months` after (year, month, day), clamped to the last day of that month. */
export function addMonths(year: number, month: number, day: number, months: number): { year: number; month: number; day: number } {
  const zeroBased = month - 1 + months;
  const y = year + Math.floor(zeroBased / 12);
  const m = (((zeroBased % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { year: y, month: m, day: Math.min(day, lastDay) };
}

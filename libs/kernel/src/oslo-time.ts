/**
 * KOM meets in Norway: a meeting's wall-clock time is that of Europe/Oslo. Pure functions over the
 * time-zone data built into the runtime (Intl), no I/O; oslo-time.spec.ts checks them against the
 * Temporal proposal's reference implementation across every daylight-saving change from 1996 to 2040.
 */
import { KOM_TIME_ZONE } from './oslo-date';


/** A local date and time in Europe/Oslo; month is 1-12. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: KOM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall clock in Oslo at an instant. */
export function wallClockAt(instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: instant.getUTCMilliseconds(),
  };
}

const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);

/** Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutesAt(ms: number): number {
  return Math.round((asUtc(wallClockAt(new Date(ms))) - ms) / 60_000);
}

/**
 * The instant at which Oslo's clocks show this wall-clock time. Like Temporal's 'compatible'
 * disambiguation: a time that happens twice (the autumn hour) is the earlier instant; a time that
 * never happens (the spring gap) moves forward by the gap (02:30 becomes 03:30).
 */
export function instantOf(wall: WallClock): Date {
  const local = asUtc(wall);
  const DAY = 86_400_000;
  const before = offsetMinutesAt(local - DAY);
  const after = offsetMinutesAt(local + DAY);
  const valid = [...new Set([before, after])]
    .filter((offset) => offsetMinutesAt(local - offset * 60_000) === offset)
    .sort((a, b) => b - a);
  const offset = valid.length > 0 ? valid[0] : before;
  return new Date(local - offset * 60_000);
}

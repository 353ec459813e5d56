import { Temporal } from '@js-temporal/polyfill';
import { instantOf, wallClockAt } from './oslo-time';
import { osloDate } from './oslo-date';

// The hand-written Oslo arithmetic checked against the Temporal proposal's reference implementation
// (the polyfill, a test dependency only): the platform keeps its twenty lines over Intl because
// they agree with Temporal everywhere below, and need no 200 KB library in the domain.
const ZONE = 'Europe/Oslo';
const HALF_HOUR = 30 * 60_000;

/** Every half hour of the two days around each daylight-saving change from 1996 to 2040. */
function aroundEveryChange(): number[] {
  const instants: number[] = [];
  for (let year = 1996; year <= 2040; year++) {
    for (const month of [3, 10]) {
      // The change is on the last Sunday of March and of October.
      const lastDay = new Date(Date.UTC(year, month, 0));
      const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
      const start = Date.UTC(year, month - 1, sunday - 1);
      for (let t = start; t < start + 2 * 86_400_000; t += HALF_HOUR) instants.push(t);
    }
  }
  return instants;
}

describe('Oslo wall-clock time, checked against Temporal', () => {
  it('reads the same wall clock and calendar date as Temporal at every half hour around every daylight-saving change', () => {
    const differences: string[] = [];
    for (const ms of aroundEveryChange()) {
      const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(ZONE);
      const wall = wallClockAt(new Date(ms));
      const expected = { year: zoned.year, month: zoned.month, day: zoned.day, hour: zoned.hour, minute: zoned.minute, second: zoned.second };
      const { millisecond: _ms, ...actual } = wall;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push(new Date(ms).toISOString());
      if (osloDate(new Date(ms)) !== zoned.toPlainDate().toString()) differences.push(`date ${new Date(ms).toISOString()}`);
    }
    expect(differences).toEqual([]);
  });

  it("finds the same instant for every wall-clock time as Temporal's 'compatible' rule, the hour that happens twice and the hour that never happens included", () => {
    const differences: string[] = [];
    for (const ms of aroundEveryChange()) {
      // Every half hour of the local day, read as a wall-clock time (so the gap and the overlap come up).
      const d = new Date(ms);
      const wall = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0, millisecond: 0 };
      const expected = Temporal.PlainDateTime.from({ ...wall }).toZonedDateTime(ZONE, { disambiguation: 'compatible' }).epochMilliseconds;
      const actual = instantOf(wall).getTime();
      if (actual !== expected) differences.push(`${JSON.stringify(wall)}: ${new Date(actual).toISOString()} ≠ ${new Date(expected).toISOString()}`);
    }
    expect(differences).toEqual([]);
  });

  it('agrees on ordinary days across the years, with milliseconds', () => {
    let seed = 20261204;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const ms = Date.UTC(1990, 0, 1) + Math.floor(next() * 60 * 365 * 86_400_000);
      const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(ZONE);
      expect(wallClockAt(new Date(ms))).toEqual({
        year: zoned.year, month: zoned.month, day: zoned.day, hour: zoned.hour, minute: zoned.minute, second: zoned.second, millisecond: zoned.millisecond,
      });
      expect(instantOf(wallClockAt(new Date(ms))).getTime()).toBe(zoned.toPlainDateTime().toZonedDateTime(ZONE, { disambiguation: 'compatible' }).epochMilliseconds);
    }
  });
});

/// <reference lib="dom" />
// format.ts names the language type, whose module reads the browser's storage.
import { isCalendarDay, nextDay, osloEndOfDay, osloInstant, osloParts, osloStartOfDay, osloToday } from './format';

describe('Oslo calendar days as instants', () => {
  it('begin at 23:00 UTC in winter and 22:00 UTC in summer', () => {
    expect(osloStartOfDay('2027-01-15')).toBe('2027-01-14T23:00:00.000Z');
    expect(osloStartOfDay('2027-07-15')).toBe('2027-07-14T22:00:00.000Z');
  });

  it('get the days the clocks change right (midnight is before the change)', () => {
    // 28 March 2027: clocks go forward at 02:00; midnight was still winter time.
    expect(osloStartOfDay('2027-03-28')).toBe('2027-03-27T23:00:00.000Z');
    expect(osloStartOfDay('2027-03-29')).toBe('2027-03-28T22:00:00.000Z');
    // 31 October 2027: back at 03:00; midnight was still summer time.
    expect(osloStartOfDay('2027-10-31')).toBe('2027-10-30T22:00:00.000Z');
    expect(osloEndOfDay('2027-10-31')).toBe('2027-10-31T22:59:59.999Z');
  });

  it('end a millisecond before the next day begins, across a month and a year', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(osloEndOfDay('2026-12-31')).toBe('2026-12-31T22:59:59.999Z');
  });

  it('say which day it is in Oslo, not in UTC', () => {
    expect(osloToday(new Date('2027-01-14T23:30:00Z'))).toBe('2027-01-15');
    expect(osloToday(new Date('2027-07-14T21:30:00Z'))).toBe('2027-07-14');
  });

  it('turn an Oslo date and time into an instant and back, in winter and summer', () => {
    expect(osloInstant('2027-01-12', '09:00')).toBe('2027-01-12T08:00:00.000Z');
    expect(osloInstant('2027-06-08', '09:00')).toBe('2027-06-08T07:00:00.000Z');
    expect(osloParts('2027-06-08T07:00:00.000Z')).toEqual({ day: '2027-06-08', time: '09:00' });
    expect(osloParts(osloInstant('2027-10-31', '12:30'))).toEqual({ day: '2027-10-31', time: '12:30' });
  });
});

describe('days named in a link', () => {
  it('are days the calendar has', () => {
    expect(['2026-01-31', '2024-02-29', '2026-12-31'].filter(isCalendarDay)).toEqual(['2026-01-31', '2024-02-29', '2026-12-31']);
  });

  it('are not months past twelve, day zero, 30 February or anything but YYYY-MM-DD', () => {
    expect(['2026-13-01', '2026-00-10', '2026-02-30', '2025-02-29', '9999-99-99', '2026-1-01', 'i dag', ''].filter(isCalendarDay)).toEqual([]);
  });
});

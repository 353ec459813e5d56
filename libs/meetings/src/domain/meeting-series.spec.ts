import { InvalidInput, instantOf, osloDate, wallClockAt } from '@kom/kernel';
import { addMonths, seriesOccurrences } from './meeting-series';

const starts = (kind: Parameters<typeof seriesOccurrences>[0], first: string, count: number, end?: string) =>
  seriesOccurrences(kind, first, end ?? new Date(Date.parse(first) + 2 * 3_600_000).toISOString(), count).map((o) => o.startsAt);

describe('meeting series', () => {
  it('adds calendar months, clamping to the last day of shorter months', () => {
    expect(addMonths(2027, 1, 31, 1)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonths(2028, 1, 31, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonths(2027, 8, 31, 6)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonths(2027, 12, 15, 1)).toEqual({ year: 2028, month: 1, day: 15 });
    expect(addMonths(2027, 7, 10, 18)).toEqual({ year: 2029, month: 1, day: 10 });
  });

  it('meets monthly for a group, counting from the first date each time (31 Jan → 28 Feb → 31 Mar)', () => {
    // 31 January 2027, 10:00 in Oslo (09:00 UTC, winter time).
    const dates = starts('PROJECT_GROUP', '2027-01-31T09:00:00.000Z', 4).map(osloDate);
    expect(dates).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('keeps the Oslo wall-clock time across daylight saving (10:00 stays 10:00)', () => {
    const series = starts('REFERENCE_GROUP', '2027-02-10T09:00:00.000Z', 3);
    expect(series).toEqual(['2027-02-10T09:00:00.000Z', '2027-03-10T09:00:00.000Z', '2027-04-10T08:00:00.000Z']);
    for (const at of series) expect(wallClockAt(new Date(at))).toMatchObject({ hour: 10, minute: 0 });
  });

  it('meets every six months for a joint meeting', () => {
    const series = starts('JOINT', '2027-05-20T10:00:00.000Z', 3);
    expect(series).toEqual(['2027-05-20T10:00:00.000Z', '2027-11-20T11:00:00.000Z', '2028-05-20T10:00:00.000Z']);
  });

  it('keeps each meeting as long as the first', () => {
    const [a, b] = seriesOccurrences('PROJECT_GROUP', '2027-03-01T09:00:00Z', '2027-03-01T11:30:00Z', 2);
    expect(a).toEqual({ index: 0, startsAt: '2027-03-01T09:00:00.000Z', endsAt: '2027-03-01T11:30:00.000Z' });
    expect(b).toEqual({ index: 1, startsAt: '2027-04-01T08:00:00.000Z', endsAt: '2027-04-01T10:30:00.000Z' });
  });

  it('moves a local time in the spring gap forward and takes the earlier of a doubled autumn hour', () => {
    // 02:30 local on 28 March 2027 does not exist (clocks jump 02:00 → 03:00): 03:30 CEST.
    expect(instantOf({ year: 2027, month: 3, day: 28, hour: 2, minute: 30, second: 0, millisecond: 0 }).toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
    // 02:30 local on 31 October 2027 happens twice: the first, in summer time.
    expect(instantOf({ year: 2027, month: 10, day: 31, hour: 2, minute: 30, second: 0, millisecond: 0 }).toISOString()).toBe(
      '2027-10-31T00:30:00.000Z',
    );
    expect(starts('PROJECT_GROUP', '2027-02-28T01:30:00Z', 2)).toEqual(['2027-02-28T01:30:00.000Z', '2027-03-28T01:30:00.000Z']);
  });

  it('plans 1 to 24 meetings', () => {
    expect(starts('PROJECT_GROUP', '2027-01-05T09:00:00Z', 24)).toHaveLength(24);
    for (const count of [0, 25, 1.5]) {
      expect(() => starts('PROJECT_GROUP', '2027-01-05T09:00:00Z', count)).toThrow(InvalidInput);
    }
  });

  it('refuses a first meeting that ends before it starts, or bad instants', () => {
    expect(() => seriesOccurrences('JOINT', '2027-01-05T09:00:00Z', '2027-01-05T09:00:00Z', 2)).toThrow(
      expect.objectContaining({ reason: 'END_NOT_AFTER_START' }),
    );
    expect(() => seriesOccurrences('JOINT', 'soon', '2027-01-05T09:00:00Z', 2)).toThrow(expect.objectContaining({ reason: 'INVALID_INSTANT' }));
  });
});

import { KOM_TIME_ZONE, osloDate } from './oslo-date';

const reference = new Intl.DateTimeFormat('en-CA', { timeZone: KOM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

describe('osloDate', () => {
  it('changes at Norwegian midnight, in winter (UTC+1) and in summer (UTC+2)', () => {
    expect(osloDate('2026-01-15T22:59:59.999Z')).toBe('2026-01-15');
    expect(osloDate('2026-01-15T23:00:00Z')).toBe('2026-01-16');
    expect(osloDate('2026-07-15T21:59:59.999Z')).toBe('2026-07-15');
    expect(osloDate('2026-07-15T22:00:00Z')).toBe('2026-07-16');
    expect(osloDate(new Date('2026-07-15T22:30:00Z'))).toBe('2026-07-16');
  });

  it('agrees with the time zone database at every quarter hour of a year, the clock changes included, asked in any order', () => {
    const start = Date.UTC(2026, 0, 1);
    const instants = Array.from({ length: 366 * 96 }, (_, i) => start + i * 900_000 + (i % 7) * 60_000);
    // Mismatches collected, then one assertion: 70,000 calls of expect would take seconds.
    const wrong: string[] = [];
    for (const order of [instants, [...instants].reverse()]) {
      for (const ms of order) {
        const [ours, theirs] = [osloDate(new Date(ms)), reference.format(new Date(ms))];
        if (ours !== theirs) wrong.push(`${new Date(ms).toISOString()}: ${ours}, not ${theirs}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses an instant that is not one, as before', () => {
    expect(() => osloDate('not a date')).toThrow(RangeError);
  });

  it('writes every year with four digits, so that dates compare as text', () => {
    expect(osloDate('0999-06-01T12:00:00Z')).toBe('0999-06-01');
    expect(osloDate('0100-01-01T00:00:00Z')).toBe('0100-01-01');
    expect(osloDate('0999-06-01T12:00:00Z') < osloDate('2019-06-01T12:00:00Z')).toBe(true);
  });

  it('dates before whole-hour offsets from the database itself (local mean time, +0:43)', () => {
    expect(osloDate('1890-06-01T23:20:00Z')).toBe(reference.format(new Date('1890-06-01T23:20:00Z')));
  });
});

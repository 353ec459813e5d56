import { InvalidInput } from './errors';
import { parseIsoInstant, parseIsoInstantOrDate, requireIsoInstant } from './iso-instant';
import { osloDate } from './oslo-date';

describe('ISO 8601 instants the platform can hold', () => {
  it('reads an instant with a zone, to the millisecond', () => {
    expect(parseIsoInstant('2027-03-28T10:00:00+02:00')?.toISOString()).toBe('2027-03-28T08:00:00.000Z');
    expect(parseIsoInstant('2027-03-28T10:00Z')?.toISOString()).toBe('2027-03-28T10:00:00.000Z');
    expect(parseIsoInstant('2027-03-28T10:00:00.123456789Z')?.toISOString()).toBe('2027-03-28T10:00:00.123Z');
  });

  it.each(['1', 'March 7', '2026', '2026-03-07', '2026-03-07T10:00', '2026-03-07 10:00Z', '2026-02-30T10:00:00Z', ' 2026-03-07T10:00Z', '+002026-03-07T10:00:00Z'])(
    'refuses %j: not a date and time with a zone',
    (text) => expect(parseIsoInstant(text)).toBeUndefined(),
  );

  it('refuses what is not text', () => {
    for (const value of [undefined, null, 0, Date.now(), new Date(), {}]) expect(parseIsoInstant(value)).toBeUndefined();
  });

  it('holds the years 0100 to 9999, in UTC and in Oslo, so that every date it yields sorts as text', () => {
    // The last instant whose Oslo day is in 9999 (Oslo is at +01:00 in winter).
    expect(parseIsoInstant('9999-12-31T22:59:59.999Z')).toEqual(new Date('9999-12-31T22:59:59.999Z'));
    expect(parseIsoInstant('9999-12-31T23:00:00Z')).toBeUndefined(); // 10000-01-01 in Oslo
    expect(parseIsoInstant('9999-12-31T23:30:00-01:00')).toBeUndefined(); // year 10000 in UTC
    expect(parseIsoInstant('0100-01-01T00:00:00Z')).toEqual(new Date('0100-01-01T00:00:00Z'));
    expect(parseIsoInstant('0100-01-01T00:30:00+01:00')).toBeUndefined(); // 0099 in UTC
    expect(parseIsoInstant('0099-12-31T12:00:00Z')).toBeUndefined();
    expect(osloDate(parseIsoInstant('0999-06-01T12:00:00Z')!)).toBe('0999-06-01');
    expect(osloDate(parseIsoInstant('0999-06-01T12:00:00Z')!) < '2019-06-01').toBe(true);
  });

  it('refuses with a typed reason at the field, the established one where a field has its own', () => {
    expect(() => requireIsoInstant('yesterday', 'asOf')).toThrow(expect.objectContaining({ reason: 'INVALID_INSTANT', field: 'asOf' }));
    expect(() => requireIsoInstant('yesterday', 'asOf', 'INVALID_AS_OF')).toThrow(InvalidInput);
    expect(() => requireIsoInstant('yesterday', 'asOf', 'INVALID_AS_OF')).toThrow(expect.objectContaining({ reason: 'INVALID_AS_OF' }));
    expect(requireIsoInstant('2027-01-12T09:00:00+01:00', 'asOf').toISOString()).toBe('2027-01-12T08:00:00.000Z');
  });

  it('takes a bare date as its first instant in UTC where a filter allows dates', () => {
    expect(parseIsoInstantOrDate('2027-01-12')?.toISOString()).toBe('2027-01-12T00:00:00.000Z');
    expect(parseIsoInstantOrDate('2027-01-12T09:00:00+01:00')?.toISOString()).toBe('2027-01-12T08:00:00.000Z');
    expect(parseIsoInstantOrDate('2027-02-30')).toBeUndefined();
    expect(parseIsoInstantOrDate('2027')).toBeUndefined();
  });
});

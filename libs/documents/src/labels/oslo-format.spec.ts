import { osloLocal, osloLocalIsAmbiguous } from './oslo-format';

describe('Oslo wall-clock times', () => {
  it('tells the hour the clocks go back from every other hour', () => {
    // 2027-10-31: 03:00 CEST becomes 02:00 CET, so 02:30 happens at 00:30Z and at 01:30Z.
    expect(osloLocal('2027-10-31T00:30:00Z')).toBe('2027-10-31T02:30:00');
    expect(osloLocal('2027-10-31T01:30:00Z')).toBe('2027-10-31T02:30:00');
    expect(osloLocalIsAmbiguous('2027-10-31T00:30:00Z')).toBe(true);
    expect(osloLocalIsAmbiguous('2027-10-31T01:30:00Z')).toBe(true);
    expect(osloLocalIsAmbiguous('2027-10-31T00:00:00Z')).toBe(true); // 02:00 CEST, and 02:00 CET at 01:00Z
    expect(osloLocalIsAmbiguous('2027-10-31T02:00:00Z')).toBe(false); // 03:00 CET happens once
    expect(osloLocalIsAmbiguous('2027-10-30T23:59:00Z')).toBe(false); // 01:59 CEST
    // The spring change skips an hour: nothing there is ambiguous, and an ordinary day is not either.
    expect(osloLocalIsAmbiguous('2027-03-28T01:30:00Z')).toBe(false);
    expect(osloLocalIsAmbiguous('2027-01-12T08:00:00Z')).toBe(false);
  });
});

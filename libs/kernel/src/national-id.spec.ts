import { isNationalIdNumber } from './national-id';
import { nationalIdNumber, sampleNumbers, withWrongCheckDigit } from './testing';

describe('national identity numbers', () => {
  it('recognises generated fødselsnumre, D-numbers and H-numbers', () => {
    for (const kind of ['fødselsnummer', 'D-number', 'H-number'] as const) {
      for (const n of sampleNumbers(200, kind)) expect([kind, n, isNationalIdNumber(n)]).toEqual([kind, n, true]);
    }
  });

  it('recognises numbers whose first check digit follows the rule in force from 2032', () => {
    for (const residue of [1, 2, 3] as const) {
      for (const n of sampleNumbers(50, 'fødselsnummer', residue)) expect([n, isNationalIdNumber(n)]).toEqual([n, true]);
    }
  });

  it('rejects numbers whose second check digit fails', () => {
    for (const n of sampleNumbers(200, 'fødselsnummer')) expect(isNationalIdNumber(withWrongCheckDigit(n))).toBe(false);
  });

  it('rejects dates that do not exist, whatever the check digits', () => {
    const on = (day: number, month: number, year: number) =>
      [...Array(1000).keys()].map((individual) => nationalIdNumber({ kind: 'fødselsnummer', day, month, year, individual })).find(Boolean)!;
    expect(isNationalIdNumber(on(30, 4, 85))).toBe(true);
    expect(isNationalIdNumber(on(29, 2, 84))).toBe(true);
    expect(isNationalIdNumber(on(31, 4, 85))).toBe(false);
    expect(isNationalIdNumber(on(29, 2, 85))).toBe(false);
    expect(isNationalIdNumber(on(1, 13, 85))).toBe(false);
    expect(isNationalIdNumber(on(0, 1, 85))).toBe(false);
  });

  it('takes exactly eleven ASCII digits', () => {
    const [n] = sampleNumbers(1, 'fødselsnummer');
    expect(isNationalIdNumber(n.slice(1))).toBe(false);
    expect(isNationalIdNumber(`${n}0`)).toBe(false);
    expect(isNationalIdNumber(`${n.slice(0, 6)} ${n.slice(6)}`)).toBe(false);
  });
});

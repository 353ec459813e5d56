const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Residues of the first check sum that count as valid. Until 2032 only 0 is issued; from 2032 the
 * tax administration also issues numbers whose first check digit leaves 1, 2 or 3, and a number
 * written down then must be refused as surely as one written today.
 */
const K1_RESIDUES = new Set([0, 1, 2, 3]);

/**
 * True when the 11 digits form a Norwegian national identity number: a fødselsnummer, a D-number
 * (4 added to the first digit of the day), an H-number (4 added to the first digit of the month)
 * or both, with a calendar date (29 February only in a year ending in a multiple of 4) and both
 * mod-11 check digits right, the first under the rules in force before or after 2032.
 */
export function isNationalIdNumber(elevenDigits: string): boolean {
  if (!/^\d{11}$/.test(elevenDigits)) return false;
  const d = [...elevenDigits].map(Number);
  const rawDay = d[0] * 10 + d[1];
  const rawMonth = d[2] * 10 + d[3];
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const month = rawMonth > 40 ? rawMonth - 40 : rawMonth;
  if (!isDayOfMonth(day, month, d[4] * 10 + d[5])) return false;
  const sum1 = W1.reduce((acc, w, i) => acc + w * d[i], 0) + d[9];
  if (!K1_RESIDUES.has(sum1 % 11)) return false;
  const sum2 = W2.reduce((acc, w, i) => acc + w * d[i], 0) + d[10];
  return sum2 % 11 === 0;
}

/** A day that exists in the month; the two-digit year leaves the century open, so 00 may be a leap year. */
export function isDayOfMonth(day: number, month: number, twoDigitYear: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return twoDigitYear % 4 === 0;
  return day <= DAYS_IN_MONTH[month - 1];
}

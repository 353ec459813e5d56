import { InvalidInput } from './errors';

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

// Eleven digits not part of a longer number, with or without one space after the date part.
const CANDIDATE = /(?<!\d)(\d{6}) ?(\d{5})(?!\d)/g;

function checkDigit(digits: number[], weights: number[]): number | undefined {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i], 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  return k === 10 ? undefined : k;
}

/**
 * True when the 11 digits form a Norwegian fødselsnummer or D-number: a plausible day and month
 * (a D-number adds 4 to the first digit of the day) and both mod-11 check digits right.
 */
export function isNationalIdNumber(elevenDigits: string): boolean {
  if (!/^\d{11}$/.test(elevenDigits)) return false;
  const d = [...elevenDigits].map(Number);
  const rawDay = d[0] * 10 + d[1];
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const month = d[2] * 10 + d[3];
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  const k1 = checkDigit(d, W1);
  if (k1 === undefined || k1 !== d[9]) return false;
  const k2 = checkDigit(d, W2);
  return k2 !== undefined && k2 === d[10];
}

export function containsNationalIdNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    if (isNationalIdNumber(match[1] + match[2])) return true;
  }
  return false;
}

/**
 * The platform coordinates organisations, not cases: free text that holds a national identity
 * number is refused before anything is stored. The message says why, never the number.
 */
export function refuseNationalIdNumbers(fields: Record<string, string | null | undefined>): void {
  for (const [field, text] of Object.entries(fields)) {
    if (text && containsNationalIdNumber(text)) {
      throw new InvalidInput(
        'PERSONAL_ID_NUMBER_NOT_ALLOWED',
        `${field} seems to contain a Norwegian national identity number (fødselsnummer or D-number). ` +
          'KOM Platform must not store personal data about individuals; remove it and try again.',
        field,
      );
    }
  }
}

import { isDayOfMonth, isNationalIdNumber } from './national-id';

/**
 * Finding a national identity number in text however it is written: "010190 12345",
 * "01.01.90-123 45", "1.1.1990 12345", full-width or Arabic-Indic digits, a zero-width space or
 * joiner inside, a no-break space or a line break between the parts.
 *
 * 1. `normaliseForScan`: Unicode NFKC (full-width and other compatibility digits and spaces become
 *    plain ones), format characters (\p{Cf}: zero-width space, joiners, soft hyphen, BOM) and
 *    combining marks dropped, then every decimal digit of any script (\p{Nd}) written as 0-9.
 * 2. Digits separated by at most MAX_SEPARATORS separator characters (white space, dashes, dots,
 *    slashes, ...) are one run of digit groups; a date with a four-digit year or in ISO order
 *    counts as its six fødselsnummer digits (ddmmyy).
 * 3. Any consecutive groups that hold exactly 11 digits together are a candidate, refused when
 *    they form a valid number (isNationalIdNumber). A group of more than 11 digits is another kind
 *    of number (an account, a long reference) and is left alone, as is a UUID or a long hex digest.
 */

const MAX_SEPARATORS = 5;
const SEPARATOR_CLASS = String.raw`[\s\p{Z}\p{Pd}\p{Cc}\u2212\u2044\u2215./\\_·•'’+|]`;
const RUN = new RegExp(String.raw`\d+(?:${SEPARATOR_CLASS}{1,${MAX_SEPARATORS}}\d+)*`, 'gu');
const SEPARATORS = new RegExp(`(${SEPARATOR_CLASS}+)`, 'u');
const DROPPED = /[\p{Cf}\p{M}]/gu;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
// Identifiers the platform and its clients make (UUIDs, hash digests) are not numbers people write.
const IDENTIFIER = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[0-9a-f]*[a-f])[0-9a-f]{32,}/gi;
const PERCENT_ESCAPE = /%[0-9a-f]{2}/i;
const DATE_SEPARATORS = new Set(['.', '/', '-']);

const digitValue = new Map<number, string>();

/**
 * The value of a decimal digit of any script. Unicode assigns \p{Nd} only in contiguous runs of
 * ten, 0 to 9 in order, so the value is the distance from the start of the run, modulo 10.
 */
function asciiDigit(digit: string): string {
  const codePoint = digit.codePointAt(0)!;
  let value = digitValue.get(codePoint);
  if (value === undefined) {
    let start = codePoint;
    while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = String((codePoint - start) % 10);
    digitValue.set(codePoint, value);
  }
  return value;
}

export function normaliseForScan(text: string): string {
  return text.normalize('NFKC').replace(DROPPED, '').replace(NON_ASCII_DIGIT, asciiDigit);
}

/** True when the text holds a valid fødselsnummer, D-number or H-number, in any of the ways above. */
export function containsNationalIdNumber(text: string): boolean {
  // Superscript, circled and other compatibility digits (\p{No}) become digits under NFKC.
  if (!/\p{N}/u.test(text)) return false;
  const normalised = normaliseForScan(text);
  if (scan(normalised)) return true;
  // A link or a query string may carry the number percent-encoded ("010190%2012345").
  return PERCENT_ESCAPE.test(normalised) && scan(normaliseForScan(percentDecoded(normalised)));
}

function scan(text: string): boolean {
  for (const [run] of text.replace(IDENTIFIER, ' # ').matchAll(RUN)) {
    if (runHoldsNumber(run)) return true;
  }
  return false;
}

function runHoldsNumber(run: string): boolean {
  const parts = run.split(SEPARATORS);
  const groups: string[] = [];
  const separators: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    groups.push(parts[i]);
    separators.push(i === 0 ? '' : parts[i - 1]);
  }
  const merged = mergeDates(groups, separators);
  for (let start = 0; start < merged.length; start++) {
    let digits = '';
    for (let end = start; end < merged.length && digits.length < 11; end++) digits += merged[end];
    if (digits.length === 11 && isNationalIdNumber(digits)) return true;
  }
  return false;
}

/** Dates written as dates ("1.1.1990", "1990-01-01", "01011990") become their six digits, ddmmyy. */
function mergeDates(groups: readonly string[], separators: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < groups.length; i++) {
    const date = i + 2 < groups.length ? writtenDate(groups[i], groups[i + 1], groups[i + 2], separators[i + 1], separators[i + 2]) : undefined;
    if (date) {
      out.push(date);
      i += 2;
    } else {
      out.push(groups[i].length === 8 ? (compactDate(groups[i]) ?? groups[i]) : groups[i]);
    }
  }
  return out;
}

function writtenDate(a: string, b: string, c: string, sep1: string, sep2: string): string | undefined {
  const s1 = dateSeparator(sep1);
  if (s1 === undefined || s1 !== dateSeparator(sep2)) return undefined;
  if (a.length <= 2 && b.length <= 2 && (c.length === 2 || c.length === 4)) return ddmmyy(a, b, c);
  if (a.length === 4 && b.length <= 2 && c.length <= 2) return ddmmyy(c, b, a);
  return undefined;
}

/** One dot, slash or dash, with or without spaces around it ("01. 01. 90", "01 - 01 - 90"). */
function dateSeparator(separator: string): string | undefined {
  const s = separator.trim().replace(/[\p{Pd}\u2212]/u, '-').replace(/[\u2044\u2215]/u, '/');
  return s.length === 1 && DATE_SEPARATORS.has(s) ? s : undefined;
}

function compactDate(eight: string): string | undefined {
  return ddmmyy(eight.slice(0, 2), eight.slice(2, 4), eight.slice(4)) ?? ddmmyy(eight.slice(6), eight.slice(4, 6), eight.slice(0, 4));
}

/** Day (a D-number's day too) and month (an H-number's too) of a plausible birth date, as ddmmyy. */
function ddmmyy(day: string, month: string, year: string): string | undefined {
  const d = Number(day);
  const m = Number(month);
  if (year.length === 4 && (year < '1800' || year > '2099')) return undefined;
  const yy = year.slice(-2);
  if (!isDayOfMonth(d > 40 ? d - 40 : d, m > 40 ? m - 40 : m, Number(yy))) return undefined;
  return `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${yy}`;
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

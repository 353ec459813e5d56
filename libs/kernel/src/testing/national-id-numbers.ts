/**
 * Generated national identity numbers and the ways people write them, for tests and for the
 * false-positive measurement. Every number is computed (both check digits), so none is a real
 * person's by intent.
 */

export type NationalIdKind = 'fødselsnummer' | 'D-number' | 'H-number';

export interface NumberSpec {
  readonly kind: NationalIdKind;
  readonly day: number;
  readonly month: number;
  /** Two digits. */
  readonly year: number;
  /** 0-999. */
  readonly individual: number;
  /** 0 for numbers issued until 2032; 1-3 for the first check digits also issued from 2032. */
  readonly k1Residue?: 0 | 1 | 2 | 3;
}

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The 11 digits, or undefined when no check digit fits (a number never issued). */
export function nationalIdNumber(spec: NumberSpec): string | undefined {
  const day = spec.kind === 'D-number' ? spec.day + 40 : spec.day;
  const month = spec.kind === 'H-number' ? spec.month + 40 : spec.month;
  const base = [...`${pad(day)}${pad(month)}${pad(spec.year)}${pad(spec.individual, 3)}`].map(Number);
  const s1 = W1.reduce((acc, w, i) => acc + w * base[i], 0);
  const k1 = (((spec.k1Residue ?? 0) - s1) % 11 + 11) % 11;
  if (k1 === 10) return undefined;
  const s2 = W2.reduce((acc, w, i) => acc + w * [...base, k1][i], 0);
  const k2 = (11 - (s2 % 11)) % 11;
  if (k2 === 10) return undefined;
  return `${base.join('')}${k1}${k2}`;
}

/** The same digits with the last check digit changed: no longer a valid number. */
export function withWrongCheckDigit(valid: string): string {
  return valid.slice(0, 10) + String((Number(valid[10]) + 1) % 10);
}

/** `count` valid numbers of each kind, spread over dates and individual numbers, deterministically. */
export function sampleNumbers(count: number, kind: NationalIdKind, k1Residue: 0 | 1 | 2 | 3 = 0): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const n = nationalIdNumber({ kind, day: (i % 28) + 1, month: (i % 12) + 1, year: (i * 7) % 100, individual: (i * 37) % 1000, k1Residue });
    if (n) out.push(n);
  }
  return out;
}

/** Decimal digit systems of other scripts, by the code point of their zero. */
export const DIGIT_ZEROS: Readonly<Record<string, number>> = {
  'full-width': 0xff10,
  'Arabic-Indic': 0x0660,
  'Extended Arabic-Indic (Persian)': 0x06f0,
  Devanagari: 0x0966,
  Bengali: 0x09e6,
  Thai: 0x0e50,
  'Myanmar': 0x1040,
  'mathematical bold': 0x1d7ce,
  'mathematical monospace': 0x1d7f6,
  NKo: 0x07c0,
  Adlam: 0x1e950,
};

export function inScript(text: string, zero: number): string {
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** Puts `insert` between every two digits (a zero-width space, a joiner, a combining mark). */
export function between(text: string, insert: string): string {
  return text.replace(/(?<=[0-9])(?=[0-9])/g, insert);
}

/** Splits 11 digits into groups of the given sizes, joined by the separator. */
export function grouped(digits: string, sizes: readonly number[], separator: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(separator);
}

/** A seeded generator (mulberry32): the same seed, the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first valid number of the kind for the birth date. */
export function numberOn(kind: NationalIdKind, day: number, month: number, year: number): string {
  for (let individual = 100; individual < 1000; individual++) {
    const n = nationalIdNumber({ kind, day, month, year, individual });
    if (n) return n;
  }
  throw new Error('no valid number for that date');
}

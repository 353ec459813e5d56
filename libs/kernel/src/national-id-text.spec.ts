import fc from 'fast-check';
import { containsNationalIdNumber, normaliseForScan } from './national-id-text';
import {
  DIGIT_ZEROS,
  ORDINARY_KINDS,
  ORDINARY_TEXT,
  between,
  grouped,
  inScript,
  nationalIdNumber,
  numberOn,
  ordinaryNumberText,
  seededRandom,
  withWrongCheckDigit,
  type NationalIdKind,
} from './testing';

// Generated, not any real person's: a fødselsnummer, a D-number and an H-number.
const NUMBERS: ReadonlyArray<[string, string]> = [
  ['fødselsnummer', numberOn('fødselsnummer', 1, 1, 90)],
  ['D-number', numberOn('D-number', 17, 5, 78)],
  ['H-number', numberOn('H-number', 9, 11, 3)],
];

const parts = (n: string) => ({ dd: n.slice(0, 2), mm: n.slice(2, 4), yy: n.slice(4, 6), rest: n.slice(6) });

/** The corpus: ways people (and attackers) write a number, each as a function of its 11 digits. */
const WRITTEN: ReadonlyArray<[string, (n: string) => string]> = [
  ['plain', (n) => `Person ${n}`],
  ['as in the report from outside', (n) => `Person ${grouped(n, [6, 5], '-')}`],
  ['space after the date', (n) => `fnr ${grouped(n, [6, 5], ' ')}`],
  ['en dash with spaces', (n) => grouped(n, [6, 5], ' – ')],
  ['dot', (n) => grouped(n, [6, 5], '.')],
  ['slash', (n) => grouped(n, [6, 5], '/')],
  ['dotted date', (n) => { const p = parts(n); return `${p.dd}.${p.mm}.${p.yy} ${p.rest}`; }],
  ['dotted date with a four-digit year', (n) => { const p = parts(n); return `født ${p.dd}.${p.mm}.19${p.yy} ${p.rest}`; }],
  ['date without leading zeros', (n) => { const p = parts(n); return `${Number(p.dd)}.${Number(p.mm)}.${p.yy} ${p.rest}`; }],
  ['ISO date and personal number', (n) => { const p = parts(n); return `19${p.yy}-${p.mm}-${p.dd} ${p.rest}`; }],
  ['eight-digit date', (n) => { const p = parts(n); return `${p.dd}${p.mm}19${p.yy} ${p.rest}`; }],
  ['slashed date', (n) => { const p = parts(n); return `${p.dd}/${p.mm}/${p.yy}-${p.rest}`; }],
  ['groups of three', (n) => grouped(n, [3, 3, 3, 2], ' ')],
  ['groups of four', (n) => grouped(n, [4, 4, 3], '-')],
  ['every digit apart', (n) => grouped(n, Array(11).fill(1), ' ')],
  ['personal number split', (n) => grouped(n, [6, 3, 2], ' ')],
  ['no-break space', (n) => grouped(n, [6, 5], '\u00a0')],
  ['narrow no-break space', (n) => grouped(n, [6, 5], '\u202f')],
  ['ideographic space', (n) => grouped(n, [6, 5], '\u3000')],
  ['line break', (n) => grouped(n, [6, 5], '\n')],
  ['CRLF', (n) => grouped(n, [6, 5], '\r\n')],
  ['tab', (n) => grouped(n, [6, 5], '\t')],
  ['double space', (n) => grouped(n, [6, 5], '  ')],
  ['minus sign', (n) => grouped(n, [6, 5], '\u2212')],
  ['non-breaking hyphen', (n) => grouped(n, [6, 5], '\u2011')],
  ['full-width digits', (n) => inScript(n, DIGIT_ZEROS['full-width'])],
  ['full-width digits and hyphen', (n) => inScript(grouped(n, [6, 5], '\uff0d'), DIGIT_ZEROS['full-width'])],
  ['Arabic-Indic digits', (n) => inScript(n, DIGIT_ZEROS['Arabic-Indic'])],
  ['Persian digits', (n) => inScript(grouped(n, [6, 5], ' '), DIGIT_ZEROS['Extended Arabic-Indic (Persian)'])],
  ['Devanagari digits', (n) => inScript(n, DIGIT_ZEROS.Devanagari)],
  ['mathematical bold digits', (n) => inScript(n, DIGIT_ZEROS['mathematical bold'])],
  ['mixed scripts', (n) => inScript(n.slice(0, 6), DIGIT_ZEROS.Thai) + inScript(n.slice(6), DIGIT_ZEROS.Bengali)],
  ['superscript digits', (n) => n.replace(/[0-9]/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)])],
  ['zero-width spaces', (n) => between(n, '\u200b')],
  ['zero-width non-joiners', (n) => between(n, '\u200c')],
  ['zero-width joiners', (n) => between(n, '\u200d')],
  ['word joiners', (n) => between(n, '\u2060')],
  ['byte-order marks', (n) => between(n, '\ufeff')],
  ['soft hyphens', (n) => between(n, '\u00ad')],
  ['combining underline', (n) => between(n, '\u0332')],
  ['zero-width space inside a spaced group', (n) => `${n.slice(0, 4)}\u200b${n.slice(4, 6)} ${n.slice(6)}`],
  ['in a link', (n) => `https://meet.example.no/j/${n}?pwd=abc`],
  ['percent-encoded space in a link', (n) => `https://meet.example.no/j/${grouped(n, [6, 5], '%20')}`],
  ['in a correlation id', (n) => `req-${n}`],
  ['in an e-mail address', (n) => `kari.${n}@rosa.example`],
  ['in brackets', (n) => `(${n})`],
  ['second in a list', (n) => `99${n.slice(2)} ${grouped(n, [6, 5], ' ')}`],
];

describe('finding national identity numbers in text', () => {
  describe.each(NUMBERS)('a %s', (_kind, n) => {
    it.each(WRITTEN)('is found written %s', (_how, write) => {
      expect(containsNationalIdNumber(write(n))).toBe(true);
    });

    it.each(WRITTEN)('is not found written %s with a wrong check digit', (_how, write) => {
      expect(containsNationalIdNumber(write(withWrongCheckDigit(n)))).toBe(false);
    });
  });

  it('normalises every decimal digit of any script to ASCII and drops format characters', () => {
    expect(normaliseForScan('\u0661\u0662\u200b\uff13\u{1d7d2}\u0e55')).toBe('12345');
    // Every \p{Nd} digit Unicode knows, by its place in its run of ten.
    for (let cp = 0; cp <= 0x1ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (!/\p{Nd}/u.test(ch)) continue;
      expect(normaliseForScan(ch)).toMatch(/^[0-9]$/);
    }
    expect(normaliseForScan(String.fromCodePoint(0x1e950 + 7))).toBe('7');
  });

  it('ignores numbers of other lengths and ordinary text', () => {
    const [[, n]] = NUMBERS;
    expect(containsNationalIdNumber(`konto 1${n}`)).toBe(false);
    expect(containsNationalIdNumber(`${n}7`)).toBe(false);
    for (const text of ORDINARY_TEXT) expect([text, containsNationalIdNumber(text)]).toEqual([text, false]);
  });

  it('ignores UUIDs and digests, which are not numbers people write', () => {
    const [[, n]] = NUMBERS;
    expect(containsNationalIdNumber(`d7c1e3a0-1b2c-4d5e-8f90-${n}0`)).toBe(false);
    expect(containsNationalIdNumber(`sha256 ab${n}${'c'.repeat(30)}`)).toBe(false);
  });
});

// Property tests: any number of each kind, in any combination of disguises, is found; the same
// digits with a wrong check digit are not; everyday ordinary text is never refused.
const kinds: NationalIdKind[] = ['fødselsnummer', 'D-number', 'H-number'];
const validNumber = fc
  .record({
    kind: fc.constantFrom(...kinds),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 0, max: 99 }),
    individual: fc.integer({ min: 0, max: 999 }),
    k1Residue: fc.constantFrom(0 as const, 0 as const, 1 as const, 2 as const, 3 as const),
  })
  .map(nationalIdNumber)
  .filter((n): n is string => n !== undefined);

const SEPARATORS = [' ', '-', '.', '/', ' - ', '\u00a0', '\n', '  ', '\t', '\u2013', '\u2009', '\u3000', '_'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];
const GROUPINGS = [[11], [6, 5], [2, 2, 2, 5], [2, 2, 2, 3, 2], [3, 3, 3, 2], [4, 4, 3], [6, 3, 2], [3, 3, 5], [2, 2, 7]];

const disguise = fc.record({
  grouping: fc.constantFrom(...GROUPINGS),
  separator: fc.constantFrom(...SEPARATORS),
  invisible: fc.option(fc.constantFrom(...INVISIBLE)),
  script: fc.option(fc.constantFrom(...Object.values(DIGIT_ZEROS))),
  before: fc.constantFrom('', 'Person ', 'fnr: ', '(', 'https://x.example/j/', 'Gjelder kvinne, '),
  after: fc.constantFrom('', '.', ')', ', se vedlegg', '?pwd=1', ' og barn'),
});

type Disguise = { grouping: number[]; separator: string; invisible: string | null; script: number | null; before: string; after: string };

function disguised(n: string, d: Disguise): string {
  let text = grouped(n, d.grouping, d.separator);
  if (d.invisible) text = between(text, d.invisible);
  if (d.script !== null) text = inScript(text, d.script);
  return `${d.before}${text}${d.after}`;
}

describe('finding national identity numbers in text (properties)', () => {
  it('finds any valid number in any disguise', () => {
    fc.assert(fc.property(validNumber, disguise, (n, d) => containsNationalIdNumber(disguised(n, d))), { numRuns: 5000 });
  });

  it('finds nothing when the same digits carry a wrong check digit', () => {
    fc.assert(fc.property(validNumber, disguise, (n, d) => !containsNationalIdNumber(disguised(withWrongCheckDigit(n), d))), { numRuns: 5000 });
  });

  it('never refuses everyday text: dates, timestamps, phone, case and organisation numbers, amounts', () => {
    const everyday = ORDINARY_KINDS.slice(0, 7);
    fc.assert(
      fc.property(fc.constantFrom(...everyday), fc.integer(), (kind, seed) => !containsNationalIdNumber(ordinaryNumberText(kind, seededRandom(seed)))),
      { numRuns: 5000 },
    );
  });
});

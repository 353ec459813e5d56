import { InvalidInput } from './errors';
import { input, parseInput } from './index';
import { TEXT_NOT_ALLOWED, checkText, cleanText, isBlank, wellFormed } from './text-policy';

const refusal = (f: () => unknown): InvalidInput => {
  try {
    f();
  } catch (error) {
    if (error instanceof InvalidInput) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('the text policy', () => {
  it.each([
    ['a lone high surrogate', 'Lone\uD800X', 'U+D800'],
    ['a lone low surrogate', 'x\uDC00', 'U+DC00'],
    ['NUL', 'A\u0000B', 'U+0000'],
    ['BEL', 'A\u0007B', 'U+0007'],
    ['ESC', '\u001B[31mred', 'U+001B'],
    ['a vertical tab', 'a\u000Bb', 'U+000B'],
    ['DEL', 'a\u007F', 'U+007F'],
    ['a C1 control (NEL)', 'a\u0085b', 'U+0085'],
    ['a right-to-left override', 'invoice\u202Etxt.exe', 'U+202E'],
    ['a left-to-right embedding', '\u202Aabc', 'U+202A'],
    ['a first-strong isolate', 'a\u2068b\u2069', 'U+2068'],
    ['U+FFFE', 'Vedtak\uFFFE', 'U+FFFE'],
    ['U+FFFF', '\uFFFF', 'U+FFFF'],
    ['a noncharacter of the Arabic block', 'a\uFDD0', 'U+FDD0'],
    ['a supplementary noncharacter', 'a\u{10FFFF}', 'U+10FFFF'],
  ])('refuses %s, naming the character and the field, never echoing the text', (_what, raw, label) => {
    for (const lines of ['one', 'many'] as const) {
      const refused = refusal(() => cleanText(raw, 'title', lines));
      expect(refused).toMatchObject({ reason: TEXT_NOT_ALLOWED, field: 'title' });
      expect(refused.message).toContain(label);
      expect(refused.message).not.toContain(raw);
    }
  });

  it('stores NFC: a name typed decomposed is stored as the precomposed one', () => {
    expect(cleanText('Gru\u0308nerløkka sosialsenter', 'name', 'one')).toBe('Grünerløkka sosialsenter');
  });

  it('treats text made only of white space and invisible characters as empty', () => {
    for (const raw of ['', '   ', '\u200B\u2060\u200D', '\uFEFF', '\u00AD\u00AD', '\u3164\u115F', '\u2800 \u2800', '\uFE0F', '\u200E\u200F', '\u{E0020}\u{E007F}']) {
      expect(cleanText(raw, 'title', 'one')).toBe('');
      expect(cleanText(raw, 'title', 'many')).toBe('');
      expect(isBlank(raw)).toBe(true);
    }
    expect(isBlank('\u0301')).toBe(false); // a combining accent shows
  });

  it('trims white space and joining characters at the ends, keeping those that finish an emoji', () => {
    expect(cleanText('\u200B ROSA \u200D\u2060', 'name', 'one')).toBe('ROSA');
    expect(cleanText('Bra ❤️', 'text')).toBe('Bra ❤️'); // ❤ + VS16 at the end
    expect(cleanText('Flagg 🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'text')).toBe('Flagg 🏴󠁧󠁢󠁳󠁣󠁴󠁿'); // a flag ends in tag characters
  });

  it('keeps invisible characters that do a job inside text: emoji sequences, Persian, soft hyphens', () => {
    expect(cleanText('Helse 👩‍⚕️ og 👨‍👩‍👧', 'text')).toBe('Helse 👩‍⚕️ og 👨‍👩‍👧');
    expect(cleanText('می\u200Cخواهم', 'text')).toBe('می\u200Cخواهم');
    expect(cleanText('Arbeids\u00ADtilsynet', 'name', 'one')).toBe('Arbeids\u00ADtilsynet');
  });

  it('one line: tabs, line breaks and other white space runs become one space; many lines: line ends become \\n', () => {
    expect(cleanText('  Møte\r\n om\t\u00A0tiltak \u2028 34 ', 'title', 'one')).toBe('Møte om tiltak 34');
    expect(cleanText('Punkt 1\r\nPunkt 2\rPunkt 3\u2029\tinnrykk', 'text', 'many')).toBe('Punkt 1\nPunkt 2\nPunkt 3\n\tinnrykk');
  });

  it('answers without throwing for schemas', () => {
    expect(checkText(' x ', 'f')).toEqual({ text: 'x' });
    expect(checkText('x\u0000', 'f')).toMatchObject({ refused: '\u0000' });
  });
});

describe('the command input schemas apply the policy', () => {
  const title = input.requiredText('title', 20, 'TITLE_REQUIRED', 'TITLE_TOO_LONG', 'one');

  it('refuses a refused character at its field, and text of invisible characters as missing', () => {
    expect(refusal(() => parseInput(title, 'Møte\u0000', 'title'))).toMatchObject({ reason: TEXT_NOT_ALLOWED, field: 'title' });
    expect(refusal(() => parseInput(title, '\u200B\u2060\u200D', 'title'))).toMatchObject({ reason: 'TITLE_REQUIRED', field: 'title' });
    expect(parseInput(input.optionalText('note', 5, 'TEXT_TOO_LONG'), '\u200B')).toBeNull();
    expect(refusal(() => parseInput(input.text('reason'), 'a\u202Eb', 'reason'))).toMatchObject({ reason: TEXT_NOT_ALLOWED, field: 'reason' });
  });

  it('stores what the policy stores: NFC, one line for a title', () => {
    expect(parseInput(title, ' Gru\u0308nerløkka\n møte ')).toBe('Grünerløkka møte');
    expect(parseInput(input.requiredText('text', 50, 'TEXT_REQUIRED', 'TEXT_TOO_LONG'), 'a\r\nb')).toBe('a\nb');
  });
});

describe('wellFormed: old events with a lone surrogate read alike everywhere', () => {
  it('replaces each lone surrogate by one U+FFFD, deep in objects and arrays, and keeps pairs', () => {
    expect(wellFormed({ title: 'Lone\uD800X', items: ['\uDC00', '😀'], n: 1, none: null })).toEqual({ title: 'Lone\uFFFDX', items: ['\uFFFD', '😀'], n: 1, none: null });
  });

  it('gives the same object back when there is nothing to repair', () => {
    const data = { title: 'Vedtak', items: ['a', { b: 'c' }] };
    expect(wellFormed(data)).toBe(data);
  });
});

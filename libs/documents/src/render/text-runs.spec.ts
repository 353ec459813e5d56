import { fontFaces } from './fonts';
import { drawnChars, faceRuns, placeText, REPLACEMENT_CHARACTER, SOFT_HYPHEN, type GlyphCoverage } from './text-runs';

// Three faces as Noto Sans is split: Latin (with U+FFFD), Latin Extended, Cyrillic; each has a space.
const range = (from: number, to: number): GlyphCoverage => ({ has: (c) => c === 0x20 || (c >= from && c <= to) });
const LATIN: GlyphCoverage = { has: (c) => (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || c === 0xfffd };
const FACES = [LATIN, range(0x100, 0x24f), range(0x400, 0x4ff)];

const runsOf = (text: string) => placeText(text, FACES).map((line) => faceRuns(line));

describe('placing each character of a PDF text in a face that has its glyph', () => {
  it('switches face inside a word, and keeps a space in the face before it', () => {
    expect(runsOf('i Łódź Пловдив')).toEqual([
      [
        { face: 0, text: 'i ' },
        { face: 1, text: 'Ł' },
        { face: 0, text: 'ód' },
        { face: 1, text: 'ź ' },
        { face: 2, text: 'Пловдив' },
      ],
    ]);
  });

  it('writes a character no face has as U+FFFD, one for each code point, never as a missing glyph', () => {
    expect(runsOf('Møte مرحبا 👍🏽')).toEqual([[{ face: 0, text: `Møte ${REPLACEMENT_CHARACTER.repeat(5)} ${REPLACEMENT_CHARACTER.repeat(2)}` }]]);
  });

  it('drops what shows nothing (joiners, variation selectors, direction marks) and keeps a space as a space', () => {
    expect(runsOf('👩\u200D⚕\uFE0F a\u200Eb\u2003c')).toEqual([[{ face: 0, text: `${REPLACEMENT_CHARACTER.repeat(2)} ab c` }]]);
    expect(runsOf('10\u202F000')).toEqual([[{ face: 0, text: '10\u00A0000' }]]);
  });

  it('composes a letter typed as base and combining mark (NFC), so its precomposed glyph draws it', () => {
    expect(runsOf('Bras\u0326ov')).toEqual([[{ face: 0, text: 'Bra' }, { face: 1, text: 'ș' }, { face: 0, text: 'ov' }]]);
  });

  it('breaks lines at every line break, however it is written', () => {
    expect(runsOf('a\r\nb\rc\u2028d\ne').map((line) => line.map((r) => r.text).join(''))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('shows a soft hyphen only where a line ends on it', () => {
    const [line] = placeText(`Arbeids${SOFT_HYPHEN}liv`, FACES);
    expect(drawnChars(line!, false).map((c) => c.text).join('')).toBe('Arbeidsliv');
    const [head] = placeText(`Arbeids${SOFT_HYPHEN}`, FACES);
    expect(drawnChars(head!, true).map((c) => c.text).join('')).toBe('Arbeids-');
  });

  it('with the embedded Noto Sans files: Polish, Romanian, Lithuanian, Cyrillic and Greek letters all have a glyph', () => {
    const text = 'Utnyttelse i Łódź, Brașov og Šiauliai; Пловдив. Fundația Ușa Deschisă. Ελλάδα. Ґанок';
    const placed = placeText(text, fontFaces('body')).flat();
    expect(placed.map((c) => c.text).join('')).toBe(text);
    expect(new Set(placed.map((c) => fontFaces('body')[c.face]!.name))).toEqual(new Set(['body-latin', 'body-latin-ext', 'body-cyrillic', 'body-greek']));
    expect(placeText('שלום 😀', fontFaces('bold')).flat().map((c) => c.text).join('')).toBe(`${REPLACEMENT_CHARACTER.repeat(4)} ${REPLACEMENT_CHARACTER}`);
  });
});

/** A face as text-runs needs it: whether it has a glyph for a character. */
export interface GlyphCoverage {
  has(codePoint: number): boolean;
}

/** One character of a PDF's text and the face (index in its family) whose glyph draws it. */
export interface PlacedChar {
  readonly text: string;
  readonly face: number;
}

export const REPLACEMENT_CHARACTER = '\uFFFD';
/** Where a long word may break, shown as a hyphen only when a line breaks there. */
export const SOFT_HYPHEN = '\u00AD';

const LINE_BREAKS = /\r\n|[\r\u000B\u000C\u0085\u2028\u2029]/g;
// Characters with no visible form (Unicode's default-ignorables, as the kernel's text policy reads
// them: zero-width spaces and joiners, direction marks, word joiners, variation selectors, fillers,
// the byte order mark, tags): a face without them would draw a missing glyph, and they carry nothing
// a reader of the page could see. The soft hyphen is one too, but is kept: it marks where a word may break.
const INVISIBLE = /(?!\u00AD)\p{Default_Ignorable_Code_Point}/gu;
const NO_BREAK_SPACES = /[\u2007\u202F]/;
const SPACES = /[\t\u1680\u2000-\u200A\u205F\u3000]/;

/**
 * The lines of `text` with a face for every character: the face of the character before if it has
 * the glyph (fewer switches), otherwise the first face that has it. A space no face has is written
 * as a plain (or no-break) space; any other character no face has (Arabic, Hebrew, emoji, control
 * characters...) as U+FFFD, visibly and searchably, never as a missing glyph whose text is NUL.
 * NFC first, so a letter typed as base and combining mark is drawn as its precomposed glyph.
 * Uses no locale data: the same text gives the same result on every machine.
 */
export function placeText(text: string, faces: readonly GlyphCoverage[]): PlacedChar[][] {
  const firstWith = (codePoint: number) => faces.findIndex((f) => f.has(codePoint));
  const replacementFace = Math.max(0, firstWith(REPLACEMENT_CHARACTER.codePointAt(0)!));
  const hyphenFace = Math.max(0, firstWith(0x2d));
  const lines: PlacedChar[][] = [];
  let line: PlacedChar[] = [];
  let previous = -1;
  const normalised = text.replace(LINE_BREAKS, '\n').normalize('NFC').replace(INVISIBLE, '');
  for (const ch of normalised) {
    if (ch === '\n') {
      lines.push(line);
      line = [];
      continue;
    }
    if (ch === SOFT_HYPHEN) {
      line.push({ text: SOFT_HYPHEN, face: hyphenFace });
      continue;
    }
    const place = (c: string): PlacedChar | undefined => {
      const codePoint = c.codePointAt(0)!;
      const face = previous >= 0 && faces[previous]!.has(codePoint) ? previous : firstWith(codePoint);
      return face >= 0 ? { text: c, face } : undefined;
    };
    const placed =
      place(ch) ??
      (NO_BREAK_SPACES.test(ch) ? place('\u00A0') : SPACES.test(ch) ? place(' ') : undefined) ??
      { text: REPLACEMENT_CHARACTER, face: replacementFace };
    line.push(placed);
    previous = placed.face;
  }
  lines.push(line);
  return lines;
}

/** What a line draws of `chars`: soft hyphens show nothing, but a hyphen where the line ends. */
export function drawnChars(chars: readonly PlacedChar[], endsLine: boolean): PlacedChar[] {
  return chars.flatMap((c, i) => (c.text !== SOFT_HYPHEN ? [c] : endsLine && i === chars.length - 1 ? [{ text: '-', face: c.face }] : []));
}

/** Consecutive characters of one face as one string: what a PDF text operator draws. */
export function faceRuns(chars: readonly PlacedChar[]): { face: number; text: string }[] {
  const runs: { face: number; text: string }[] = [];
  for (const c of chars) {
    const last = runs[runs.length - 1];
    if (last && last.face === c.face) last.text += c.text;
    else runs.push({ face: c.face, text: c.text });
  }
  return runs;
}

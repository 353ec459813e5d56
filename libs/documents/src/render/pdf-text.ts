import { fontFaces, type FontFamily } from './fonts';
import { SOFT_HYPHEN, drawnChars, faceRuns, placeText, type PlacedChar } from './text-runs';

type Doc = PDFKit.PDFDocument;

export interface TextPlacement {
  readonly x?: number;
  readonly y?: number;
  /** Wrap at this width and continue on a new page; without it, one line as it comes. */
  readonly width?: number;
  readonly lineGap?: number;
}

export function registerFonts(doc: Doc): void {
  for (const family of ['body', 'bold'] as const) for (const face of fontFaces(family)) doc.registerFont(face.name, face.file);
}

/** The width `chars` take, drawn at the end of a line (a soft hyphen last shows) or inside one. */
function widthOf(doc: Doc, family: FontFamily, chars: readonly PlacedChar[], endsLine: boolean): number {
  const faces = fontFaces(family);
  return faceRuns(drawnChars(chars, endsLine)).reduce((sum, run) => sum + doc.font(faces[run.face]!.name).widthOfString(run.text), 0);
}

const isDigit = (c: PlacedChar | undefined) => c !== undefined && c.text >= '0' && c.text <= '9';

/** Where a line may break: after spaces, a soft hyphen, or a hyphen inside a word (not "2011-2014"), as pdfkit broke. */
function words(line: readonly PlacedChar[]): PlacedChar[][] {
  const list: PlacedChar[][] = [];
  let word: PlacedChar[] = [];
  line.forEach((c, i) => {
    word.push(c);
    const next = line[i + 1];
    const afterSpaces = c.text === ' ' && next?.text !== ' ';
    const afterHyphen = c.text === '-' && word.length > 1 && next !== undefined && next.text !== ' ' && !isDigit(next);
    if (afterSpaces || afterHyphen || c.text === SOFT_HYPHEN) {
      list.push(word);
      word = [];
    }
  });
  if (word.length > 0) list.push(word);
  return list;
}

/**
 * Our own line breaking rather than pdfkit's: pdfkit wraps each font's text on its own, so a word
 * drawn with two faces (Ł in Latin Extended, ódź in Latin) could break where the face changes.
 */
function wrap(doc: Doc, family: FontFamily, line: readonly PlacedChar[], width: number): PlacedChar[][] {
  const lines: PlacedChar[][] = [];
  let current: PlacedChar[] = [];
  let used = 0;
  for (let word of words(line)) {
    let visible = word.length;
    while (visible > 0 && word[visible - 1]!.text === ' ') visible--;
    // Trailing spaces may hang past the edge; what is seen must fit, with the hyphen a soft one may show.
    if (current.length > 0 && used + widthOf(doc, family, word.slice(0, visible), true) > width) {
      lines.push(current);
      current = [];
      used = 0;
    }
    // A word longer than a line (a hash, an address) is cut where the line is full.
    while (current.length === 0 && word.length > 1 && widthOf(doc, family, word.slice(0, visible), true) > width) {
      let fits = 1;
      while (fits < word.length && widthOf(doc, family, word.slice(0, fits + 1), true) <= width) fits++;
      lines.push(word.slice(0, fits));
      word = word.slice(fits);
      visible = Math.max(0, visible - fits);
    }
    current.push(...word);
    used += widthOf(doc, family, word, false);
  }
  lines.push(current);
  return lines;
}

function layout(doc: Doc, family: FontFamily, text: string, width: number | undefined): PlacedChar[][] {
  if (text === '') return [];
  const lines = placeText(text, fontFaces(family));
  if (lines.length > 1 && lines[lines.length - 1]!.length === 0) lines.pop();
  return width === undefined ? lines : lines.flatMap((line) => wrap(doc, family, line, width));
}

function lineHeight(doc: Doc, family: FontFamily): number {
  // Every face of the family has the same vertical metrics (one font split by script).
  return doc.font(fontFaces(family)[0]!.name).currentLineHeight(true);
}

/**
 * Writes `text` at the current font size, each character with a face of `family` that has its
 * glyph (text-runs.ts), and leaves the position below it as pdfkit's text() does.
 */
export function writeText(doc: Doc, family: FontFamily, text: string, at: TextPlacement = {}): void {
  const x = at.x ?? doc.x;
  let y = at.y ?? doc.y;
  const step = lineHeight(doc, family) + (at.lineGap ?? 0);
  const faces = fontFaces(family);
  for (const line of layout(doc, family, text, at.width)) {
    if (at.width !== undefined && y + lineHeight(doc, family) > doc.page.maxY()) {
      doc.continueOnNewPage();
      y = doc.y;
    }
    doc.x = x;
    for (const run of faceRuns(drawnChars(line, true))) doc.font(faces[run.face]!.name).text(run.text, doc.x, y, { lineBreak: false });
    y += step;
  }
  doc.font(faces[0]!.name);
  doc.x = x;
  doc.y = y;
}

/** The height writeText takes for `text` at `width` (no page break). */
export function heightOfText(doc: Doc, family: FontFamily, text: string, width: number, lineGap = 0): number {
  return layout(doc, family, text, width).length * (lineHeight(doc, family) + lineGap);
}

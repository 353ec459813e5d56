import { createRequire } from 'node:module';
import { openSync, type Font } from 'fontkit';

/**
 * Noto Sans (SIL Open Font License) from @fontsource, embedded in every PDF: the same glyphs on
 * every machine and the same bytes for the same document. Fontsource publishes it as one file per
 * script; a character is drawn with the first of these files that has a glyph for it
 * (text-runs.ts), and only the files a document uses are embedded.
 */
export const FONT_SCRIPTS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;

export type FontFamily = 'body' | 'bold';

export interface FontFace {
  /** The name the face is registered under in a PDF document. */
  readonly name: string;
  readonly file: string;
  has(codePoint: number): boolean;
}

// Node resolves from this file at run time. A bare require.resolve is compiled by nest build's
// webpack into a module id, and dirname() of a number failed every PDF of the built server.
const resolveInstalled = createRequire(__filename).resolve;

const faces = new Map<FontFamily, readonly FontFace[]>();

function face(family: FontFamily, script: string): FontFace {
  const file = resolveInstalled(`@fontsource/noto-sans/files/noto-sans-${script}-${family === 'bold' ? 700 : 400}-normal.woff`);
  let font: Font | undefined;
  return {
    name: `${family}-${script}`,
    file,
    has: (codePoint) => (font ??= openSync(file)).hasGlyphForCodePoint(codePoint),
  };
}

/** The faces of a family in fallback order; the first draws the replacement character (U+FFFD). */
export function fontFaces(family: FontFamily): readonly FontFace[] {
  let list = faces.get(family);
  if (!list) {
    list = FONT_SCRIPTS.map((script) => face(family, script));
    faces.set(family, list);
  }
  return list;
}

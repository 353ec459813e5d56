import { createHash } from 'node:crypto';
import { CONFUSABLE } from './confusables';

/**
 * Two names a person cannot tell apart have the same key. Used for the uniqueness of organisation
 * names: "ROSA-prosjektet" typed with a Cyrillic А, decomposed ü, a non-breaking hyphen (U+2011),
 * a zero-width space inside, in other case or with doubled spaces is the same name.
 *
 * 1. NFKC: compatibility forms become their plain letters (full-width, mathematical, circled
 *    letters, ligatures, no-break spaces).
 * 2. Invisible characters dropped (every default-ignorable code point: zero-width space and
 *    joiners, soft hyphen, variation selectors, direction marks, BOM, Hangul fillers).
 * 3. Canonical decomposition, then letters of other scripts that look like a Latin letter or digit
 *    become it, in the case they are written (confusables.ts), and overlaid letters (ø) become base
 *    + overlay (so o + U+0338 is ø).
 * 4. Case folded (lower case; Greek final sigma as sigma), then step 3 again: a capital of another
 *    script whose small letter looks Latin (Σ → σ → o) folds too.
 * 5. Every dash (hyphen, non-breaking hyphen, en and em dash, minus) is "-", every apostrophe "'",
 *    every double quote '"'; white space runs are one space; trimmed.
 *
 * Not folded: diacritics (Grünerløkka and Grunerløkka are told apart), æ/ae, ASCII look-alikes
 * within ASCII (0/O, I/l, rn/m). See confusables.ts for why.
 */
export function nameKey(name: string): string {
  const folded = lookalikes(
    lookalikes(name.normalize('NFKC').replace(INVISIBLE, '').normalize('NFD'))
      .toLowerCase()
      .replace(/ς/g, 'σ'),
  );
  return folded.replace(DASH, '-').replace(APOSTROPHE, "'").replace(QUOTE, '"').replace(WHITE_SPACE_RUN, ' ').trim().normalize('NFC');
}

/**
 * The version of the key's rules: it is part of the name-claim stream's id, so rules that change
 * start a new set of claim streams (names claimed under the old rules are still found through the
 * register's read model, which recomputes its keys when rebuilt).
 */
export const NAME_KEY_VERSION = 1;

/** The key as a short digest: names a stream without spelling the name. */
export function nameKeyDigest(name: string): string {
  return createHash('sha256').update(`v${NAME_KEY_VERSION}:${nameKey(name)}`, 'utf8').digest('hex').slice(0, 32);
}

const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// \p{Pd} holds the hyphen, non-breaking hyphen, figure, en and em dashes, the horizontal bar, small
// and full-width hyphen-minus; the minus sign (U+2212) and hyphen bullet (U+2043) are symbols.
const DASH = /[\p{Pd}\u2212\u2043]/gu;
const APOSTROPHE = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02B9\u02BB\u02BC\u02BD\u02C8\u00B4\u0060\uA78C]/g;
const QUOTE = /[\u201C\u201D\u201E\u201F\u2033\u2036\u02BA\u02DD\u02EE]/g;
// The blank braille pattern shows as a space (the text policy trims it at the ends like one).
const WHITE_SPACE_RUN = /[\p{White_Space}\u2800]+/gu;

function lookalikes(text: string): string {
  let out = '';
  for (const character of text) out += CONFUSABLE.get(character) ?? character;
  return out;
}

import { InvalidInput } from './errors';

/**
 * The one policy for free text and names a person types (titles, descriptions, reasons, names,
 * comments, decisions, minutes, clauses): what the platform stores, what it refuses, and what it
 * treats as empty. Deciders call it on commands; events already in the log are never re-checked
 * (they keep what was recorded, and readers cope: see `wellFormed`).
 *
 * Refused (TEXT_NOT_ALLOWED, at the field), never silently removed, because each one makes the text
 * show something other than what is stored, or breaks a format the text goes into, and removing it
 * would change what the author saw while typing:
 * - a lone surrogate (not Unicode at all: stores, XML and JSON readers each repair it differently);
 * - C0 and C1 control characters and DEL, except tab and line breaks (which a one-line text turns
 *   into a space, like any other white space);
 * - text-direction overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what
 *   follows them on screen ("Trojan Source"), so a reader sees another text than the one stored;
 * - noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane): never meant for interchange;
 *   XML (XLSX, the decision register) forbids U+FFFE and U+FFFF.
 *
 * Kept inside text: the invisible characters that do a job there. A zero-width joiner makes one
 * emoji of several (👩‍⚕️) and shapes Indic scripts; a zero-width non-joiner is spelling in Persian;
 * variation selectors pick emoji or text style; tag characters make subdivision flags; a soft
 * hyphen marks where a long Norwegian compound may break; LRM/RLM set the direction of neutral
 * characters in right-to-left text. Stripping them would break legitimate text. They cannot hide a
 * text: a text made only of white space and invisible characters is empty (so *_REQUIRED), and at
 * the ends of a text, where they join nothing, the invisible ones are trimmed with the white space.
 * They cannot make a name look like another either: organisation names are compared on a key
 * without them (name-key.ts).
 *
 * What is stored is NFC: the same letters typed decomposed (u + ¨) or precomposed (ü) are stored
 * alike, so they compare, search and sort alike.
 */

/** `one`: a name or title, one line (white space runs become one space); `many`: line breaks and tabs kept. */
export type TextLines = 'one' | 'many';

export const TEXT_NOT_ALLOWED = 'TEXT_NOT_ALLOWED';

/** C0 but tab, LF and CR; DEL; C1; direction overrides and isolates; the noncharacters of the BMP; lone surrogates. */
const REFUSED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]/u;
/** The noncharacters of planes 1–16 (U+1FFFE, U+1FFFF, …, U+10FFFF). */
const SUPPLEMENTARY_NONCHARACTER = /[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/u;

/**
 * Characters that show nothing: white space, every default-ignorable code point (zero-width
 * space, joiners, word joiner, BOM, soft hyphen, variation selectors, tags, Hangul fillers, ...)
 * and the blank braille pattern, which shows as a space.
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/**
 * What is trimmed at the ends besides white space: invisible characters that join or mark nothing
 * there. Not variation selectors, tags or LRM/RLM: at the end of a text they finish an emoji, a flag
 * or the direction of the last word.
 */
const TRIMMED_END = String.raw`[\p{White_Space}\u00AD\u034F\u115F\u1160\u180E\u200B-\u200D\u2060-\u2064\u2800\u3164\uFEFF\uFFA0]`;
const TRIM = new RegExp(`^${TRIMMED_END}+|${TRIMMED_END}+$`, 'gu');

const WHITE_SPACE_RUN = /\p{White_Space}+/gu;
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;

/** The first character the policy refuses, or undefined when there is none. */
export function refusedCharacter(text: string): string | undefined {
  return REFUSED.exec(text)?.[0] ?? SUPPLEMENTARY_NONCHARACTER.exec(text)?.[0];
}

/** True when the text shows nothing: only white space and invisible characters (or nothing at all). */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/** U+XXXX, for messages: a refusal names the character, never echoes the text. */
export function codePointLabel(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export type TextOutcome = { readonly text: string } | { readonly refused: string; readonly message: string };

/**
 * The policy without throwing (for zod transforms): the text as stored ('' when it shows nothing),
 * or the refused character and the sentence to show.
 */
export function checkText(raw: string, field: string, lines: TextLines = 'many'): TextOutcome {
  const refused = refusedCharacter(raw);
  if (refused !== undefined) {
    return {
      refused,
      message:
        `${field} holds ${codePointLabel(refused)}, which KOM does not store: control characters, ` +
        'text-direction overrides, noncharacters and broken surrogates are refused. Remove it and try again.',
    };
  }
  const normalised = raw.normalize('NFC');
  const shaped = lines === 'one' ? normalised.replace(WHITE_SPACE_RUN, ' ') : normalised.replace(LINE_BREAK, '\n');
  const trimmed = shaped.replace(TRIM, '');
  return { text: isBlank(trimmed) ? '' : trimmed };
}

/** The text as stored, '' when it shows nothing; InvalidInput TEXT_NOT_ALLOWED at `field` for a refused character. */
export function cleanText(raw: string, field: string, lines: TextLines = 'many'): string {
  const outcome = checkText(raw, field, lines);
  if ('refused' in outcome) throw new InvalidInput(TEXT_NOT_ALLOWED, outcome.message, field);
  return outcome.text;
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const LONE_SURROGATES = /[\uD800-\uDFFF]/gu;

/**
 * Every string in `value` with each lone surrogate replaced by U+FFFD (as String.prototype
 * .toWellFormed does), the same object back when there is none. For reading old events: a lone
 * surrogate recorded before the policy was kept by the log's JSON (`\ud800`), but a SQLite read
 * model stores UTF-8 and made three U+FFFD of it, so the read model and a fold of the stream told
 * different texts. Every reader now sees one U+FFFD.
 */
export function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return (LONE_SURROGATE.test(value) ? value.replace(LONE_SURROGATES, '\uFFFD') : value) as T;
  // Copies only what changes: every event the platform reads passes through here.
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, index) => {
      const next = wellFormed(item);
      if (next !== item) (out ??= [...value])[index] = next;
    });
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let out: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const next = wellFormed(item);
      if (next !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = next;
    }
    return (out ?? value) as T;
  }
  return value;
}

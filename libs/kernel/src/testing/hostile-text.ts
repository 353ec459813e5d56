/**
 * Text the platform's text policy refuses (TEXT_NOT_ALLOWED), one of each kind, and text that shows
 * nothing: for specs of every decider that takes free text or names (see @kom/kernel text-policy).
 */
export const REFUSED_TEXT: Readonly<Record<string, string>> = {
  nul: 'Vedtak\u0000',
  bell: 'Vedtak\u0007',
  c1: 'Vedtak\u0085',
  rightToLeftOverride: 'Vedtak \u202Etxt.exe',
  isolate: 'Vedtak \u2066x\u2069',
  loneSurrogate: 'Vedtak\uD800',
  nonCharacter: 'Vedtak\uFFFE',
};

/** Zero-width space, word joiner and zero-width joiner: looks empty, is empty. */
export const INVISIBLE_TEXT = '\u200B\u2060\u200D';

/** Each refused sample with its kind, for it.each. */
export const refusedTextCases = (): [string, string][] => Object.entries(REFUSED_TEXT);

import type { DocumentModel } from './document-model';

/**
 * What no document format of the platform may carry, each replaced by U+FFFD (the replacement
 * character) before a renderer writes a byte:
 * - XML 1.0 (XLSX) allows of the C0 controls only tab, line feed and carriage return, and neither
 *   U+FFFE nor U+FFFF nor a lone surrogate: one of them makes Excel call the file corrupt and makes
 *   the stamp unreadable, so the document no longer verifies;
 * - RFC 5545 (ICS) forbids control characters in a text value but tab (line breaks are escaped);
 * - HTML calls C0/C1 controls and noncharacters parse errors; CSV and PDF readers stop or draw
 *   boxes at NUL and friends.
 * The input policy refuses them since @kom/kernel text-policy.ts, but events recorded before it may
 * hold them, and a document shows the record. Replaced rather than dropped: a reader sees that
 * something was there. The replacement is a pure function of the text, so a rebuild of the same
 * document gives the same bytes.
 */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

export function documentText(text: string): string {
  return text.replace(FORBIDDEN, '\uFFFD');
}

/** A copy of the model with every string in it made safe (documentText). */
export function safeDocument<M extends DocumentModel>(model: M): M {
  return safe(model) as M;
}

function safe(value: unknown): unknown {
  if (typeof value === 'string') return documentText(value);
  if (Array.isArray(value)) return value.map(safe);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, safe(item)]));
  return value;
}

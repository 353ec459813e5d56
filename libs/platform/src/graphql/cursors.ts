import { InvalidInput, input, isCalendarDate, parseIsoInstant } from '@kom/kernel';

/**
 * Cursors: what a connection writes as `after`, and the check that a cursor coming back is one the
 * list could have written. Only the shape of a forged cursor reaches SQL (as a bound parameter), so
 * nothing is injected; but a list that answers a page for a cursor it never made tells a client
 * that the cursor was fine (docs/reliability/hostile-input.md promises INVALID_CURSOR).
 */

/**
 * Longer than any cursor a list writes (the longest: an organisation's name of 200 characters and an
 * id of 100, JSON-escaped at worst 6 bytes each, in base64url: about 2,500), so a megabyte of
 * "cursor" is refused before it is decoded.
 */
export const MAX_CURSOR_LENGTH = 4096;

const refused = () => new InvalidInput('INVALID_CURSOR', 'after is not a cursor of this list');

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** The key an `after` cursor holds, when it is well-encoded; most lists check the key further (below). */
export function decodeCursor(cursor: string | undefined | null): string | undefined {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  if (typeof cursor !== 'string' || cursor.length > MAX_CURSOR_LENGTH) throw refused();
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (encodeCursor(key) !== cursor) throw refused();
  return key;
}

/** What a part of a cursor's key is, when the list wrote it. */
export type CursorPart = (value: string) => boolean;

export const cursorPart = {
  /** An instant as the read models keep it: UTC with milliseconds (`2027-01-12T08:00:00.000Z`). */
  instant: (value: string): boolean => parseIsoInstant(value)?.toISOString() === value,
  /** A calendar date, YYYY-MM-DD. */
  date: (value: string): boolean => isCalendarDate(value),
  /** Text of 1 to `max` characters (a name). */
  text:
    (max: number): CursorPart =>
    (value) =>
      value.length >= 1 && value.length <= max,
  /** An id: 1 to 100 characters, as every event schema has it. */
  id: (value: string): boolean => value.length >= 1 && value.length <= input.MAX_ID,
} as const;

/**
 * The [sortKey, id] pair an `after` cursor of a keyset-paged list holds (as `JSON.stringify([key,
 * id])`), each part as the list writes it; anything else is INVALID_CURSOR.
 */
export function decodeCursorPair(cursor: string | undefined | null, key: CursorPart, id: CursorPart = cursorPart.id): [string, string] | undefined {
  const text = decodeCursor(cursor);
  if (text === undefined) return undefined;
  let pair: unknown;
  try {
    pair = JSON.parse(text);
  } catch {
    throw refused();
  }
  if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string' && key(pair[0]) && id(pair[1])) {
    return pair as [string, string];
  }
  throw refused();
}

/**
 * The sequence number an `after` cursor of a list paged by log order holds. Such a list writes
 * `String(seq)` of a whole number, not negative, so "01", "1e3", " 1" or "-1" are cursors it never made.
 */
export function decodeSeqCursor(cursor: string | undefined | null): number | undefined {
  const text = decodeCursor(cursor);
  if (text === undefined) return undefined;
  const seq = /^(0|[1-9][0-9]*)$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(seq)) throw refused();
  return seq;
}

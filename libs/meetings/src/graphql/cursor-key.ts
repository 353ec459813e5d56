import { InvalidInput } from '@kom/kernel';
import { decodeCursor } from '@kom/platform';

/** The [sortKey, id] pair an `after` cursor of these lists holds; anything else is INVALID_CURSOR. */
export function cursorPair(after: string | null | undefined): [string, string] | undefined {
  const key = decodeCursor(after);
  if (key === undefined) return undefined;
  try {
    const pair: unknown = JSON.parse(key);
    if (Array.isArray(pair) && pair.length === 2 && pair.every((part) => typeof part === 'string')) return pair as [string, string];
  } catch {
    // fall through
  }
  throw new InvalidInput('INVALID_CURSOR', 'after is not a cursor of this list');
}

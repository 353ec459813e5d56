import { InvalidInput } from '@kom/kernel';
import { MAX_CURSOR_LENGTH, cursorPart, decodeCursor, decodeCursorPair, decodeSeqCursor, encodeCursor } from './cursors';

const pairCursor = (key: unknown, id: unknown) => encodeCursor(JSON.stringify([key, id]));
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof InvalidInput) return error.reason;
    throw error;
  }
  return 'accepted';
};

describe('cursors: only what the list wrote comes back in', () => {
  it('refuses a cursor longer than any list writes before decoding it', () => {
    expect(refusal(() => decodeCursor('A'.repeat(MAX_CURSOR_LENGTH + 4)))).toBe('INVALID_CURSOR');
    // The longest a list writes: a name of 200 characters that JSON escapes to 6 each, and an id of 100.
    const longest = pairCursor('\u0001'.repeat(200), '\u0001'.repeat(100));
    expect(longest.length).toBeLessThan(MAX_CURSOR_LENGTH);
    expect(decodeCursorPair(longest, cursorPart.text(200))).toEqual(['\u0001'.repeat(200), '\u0001'.repeat(100)]);
  });

  it('takes a (sort key, id) pair only when each part is as the list writes it', () => {
    expect(decodeCursorPair(pairCursor('2027-01-12T08:00:00.000Z', 'meeting-1'), cursorPart.instant)).toEqual(['2027-01-12T08:00:00.000Z', 'meeting-1']);
    expect(decodeCursorPair(undefined, cursorPart.instant)).toBeUndefined();
    for (const [key, id] of [
      ["' OR 1=1 --", 'x'],
      ['', ''],
      ['2027-01-12T09:00:00+01:00', 'x'],
      ['2027-01-12T08:00:00Z', 'x'],
      ['2027-01-12T08:00:00.000Z', ''],
      ['2027-01-12T08:00:00.000Z', 'x'.repeat(101)],
      [1, 'x'],
    ]) {
      expect({ key, id, answer: refusal(() => decodeCursorPair(pairCursor(key, id), cursorPart.instant)) }).toEqual({ key, id, answer: 'INVALID_CURSOR' });
    }
    expect(decodeCursorPair(pairCursor('2027-03-01', 'a'), cursorPart.date)).toEqual(['2027-03-01', 'a']);
    expect(refusal(() => decodeCursorPair(pairCursor('2027-02-30', 'a'), cursorPart.date))).toBe('INVALID_CURSOR');
    expect(refusal(() => decodeCursorPair(pairCursor('x'.repeat(201), 'a'), cursorPart.text(200)))).toBe('INVALID_CURSOR');
  });

  it('takes a sequence number only in the plain decimal form the list writes', () => {
    expect(decodeSeqCursor(encodeCursor('0'))).toBe(0);
    expect(decodeSeqCursor(encodeCursor('417'))).toBe(417);
    for (const text of ['-1', '01', '1e3', '1.5', ' 1', 'NaN', '"5"', '9007199254740993', '["a","b"]']) {
      expect({ text, answer: refusal(() => decodeSeqCursor(encodeCursor(text))) }).toEqual({ text, answer: 'INVALID_CURSOR' });
    }
  });
});

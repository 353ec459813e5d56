import { InvalidInput } from '@kom/kernel';
import { MAX_PAGE_SIZE, pageSize, toConnection } from './connection';
import { decodeCursor, encodeCursor } from './cursors';

describe('connections', () => {
  it('bounds the page size, defaulting to 20', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    for (const bad of [0, -1, MAX_PAGE_SIZE + 1, 2.5]) expect(() => pageSize(bad)).toThrow(InvalidInput);
  });

  it('round-trips cursors and refuses forged ones', () => {
    expect(decodeCursor(encodeCursor('Kirkens Bymisjon|æøå'))).toBe('Kirkens Bymisjon|æøå');
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(() => decodeCursor('not*base64')).toThrow(InvalidInput);
  });

  it('uses the extra row only to tell that a next page exists', () => {
    const connection = toConnection(['a', 'b', 'c'], 2, (x) => x);
    expect(connection.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('b') });
    expect(toConnection(['a'], 2, (x) => x).pageInfo.hasNextPage).toBe(false);
    expect(toConnection([], 2, (x) => x).pageInfo.endCursor).toBeNull();
  });

  it('encodes a cursor only when it is read, once, and the same as encodeCursor would', () => {
    const keyOf = jest.fn((x: string) => `key-${x}`);
    const connection = toConnection(['a', 'b', 'c'], 2, keyOf);
    expect(keyOf).not.toHaveBeenCalled();
    expect(connection.edges.map((e) => e.cursor)).toEqual([encodeCursor('key-a'), encodeCursor('key-b')]);
    expect(connection.pageInfo.endCursor).toBe(encodeCursor('key-b'));
    expect(keyOf.mock.calls.map(([x]) => x)).toEqual(['a', 'b']);
  });

  it('shares the edges of a frozen (memoized) page between calls, and makes fresh ones for anything else', () => {
    const keyOf = (row: { id: string }) => row.id;
    const page = Object.freeze([{ id: 'a' }, { id: 'b' }, { id: 'c' }].map((row) => Object.freeze(row)));
    const first = toConnection(page, 2, keyOf);
    const again = toConnection(page, 2, keyOf);
    expect(again.edges).toBe(first.edges);
    expect(Object.isFrozen(first.edges)).toBe(true);
    expect(again.pageInfo.endCursor).toBe(encodeCursor('b'));
    expect(again).not.toBe(first);
    // Another size or another key is another set of edges.
    expect(toConnection(page, 3, keyOf).edges.map((e) => e.cursor)).toEqual(['a', 'b', 'c'].map(encodeCursor));
    const otherKey = (row: { id: string }) => `x${row.id}`;
    expect(toConnection(page, 2, otherKey).edges.map((e) => e.cursor)).toEqual(['xa', 'xb'].map(encodeCursor));
    expect(toConnection(page, 2, keyOf).edges.map((e) => e.cursor)).toEqual(['a', 'b'].map(encodeCursor));
    // A page that is not frozen may change between calls: its edges are never kept.
    const rows = [{ id: 'a' }, { id: 'b' }];
    const before = toConnection(rows, 2, keyOf);
    rows[1] = { id: 'z' };
    const after = toConnection(rows, 2, keyOf);
    expect(after.edges).not.toBe(before.edges);
    expect(after.edges.map((e) => e.cursor)).toEqual(['a', 'z'].map(encodeCursor));
  });
});

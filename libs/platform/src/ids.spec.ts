import { derivedEventId, newId } from './ids';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ids', () => {
  it('derives the same UUID from the same cause and index, and different ones otherwise', () => {
    expect(derivedEventId('event-1', 0)).toBe(derivedEventId('event-1', 0));
    expect(derivedEventId('event-1', 0)).not.toBe(derivedEventId('event-1', 1));
    expect(derivedEventId('event-1', 0)).not.toBe(derivedEventId('event-2', 0));
    expect(derivedEventId('event-1', 0)).toMatch(UUID);
    expect(newId()).toMatch(UUID);
  });

  it('makes new ids time-ordered: version 7, in the order made, the millisecond first, none twice', () => {
    const before = Date.now();
    const ids = Array.from({ length: 20_000 }, () => newId());
    const after = Date.now();

    for (const id of ids) expect(id[14]).toBe('7');
    // Many share a millisecond: the counter keeps them in order there too.
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    const millisecond = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millisecond(ids[0]!)).toBeGreaterThanOrEqual(before);
    expect(millisecond(ids[ids.length - 1]!)).toBeLessThanOrEqual(after + 1);
  });
});

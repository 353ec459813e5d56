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
});

import { discardUnlessOwner, forget, keep, peek } from './kept-text';

/** sessionStorage as the functions use it. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    size: () => items.size,
  };
}

const sara = { userId: 'demo-secretariat', organizationId: 'org-pod' };
const rita = { userId: 'demo-rosa', organizationId: 'org-rosa' };
const page = '/secretariat/meetings/m1';

describe('unsaved text kept over a new sign-in', () => {
  it('comes back to the same person on the same page, field by field, and is gone once taken', () => {
    const storage = memoryStorage();
    keep(storage, sara, page, { minutes: { text: 'Møtet startet kl. 9.' }, 'decision.i1.open': true });
    expect(peek(storage, sara, page, 'minutes')).toEqual({ value: { text: 'Møtet startet kl. 9.' } });
    expect(peek(storage, sara, '/secretariat/calendar', 'minutes')).toBeUndefined();
    forget(storage, page, 'minutes');
    expect(peek(storage, sara, page, 'minutes')).toBeUndefined();
    expect(peek(storage, sara, page, 'decision.i1.open')).toEqual({ value: true });
    forget(storage, page, 'decision.i1.open');
    expect(storage.size()).toBe(0);
  });

  it('is never shown to another person, and is dropped when another one signs in or the person signs out', () => {
    const storage = memoryStorage();
    keep(storage, sara, page, { minutes: 'Utkast' });
    expect(peek(storage, rita, page, 'minutes')).toBeUndefined();
    expect(peek(storage, undefined, page, 'minutes')).toBeUndefined();
    discardUnlessOwner(storage, sara);
    expect(peek(storage, sara, page, 'minutes')).toEqual({ value: 'Utkast' });
    discardUnlessOwner(storage, rita);
    expect(storage.size()).toBe(0);
    keep(storage, sara, page, { minutes: 'Utkast' });
    discardUnlessOwner(storage, undefined);
    expect(storage.size()).toBe(0);
  });

  it('keeps two pages of the same person, but not one of the person before', () => {
    const storage = memoryStorage();
    keep(storage, sara, page, { minutes: 'A' });
    keep(storage, sara, '/secretariat/calendar', { title: 'B' });
    expect(peek(storage, sara, page, 'minutes')).toEqual({ value: 'A' });
    keep(storage, rita, '/proposals', { title: 'C' });
    expect(peek(storage, sara, '/secretariat/calendar', 'title')).toBeUndefined();
    expect(peek(storage, rita, '/proposals', 'title')).toEqual({ value: 'C' });
  });

  it('keeps nothing when nothing was typed, and survives a damaged entry', () => {
    const storage = memoryStorage();
    keep(storage, sara, page, {});
    expect(storage.size()).toBe(0);
    storage.setItem('kom.unsaved', '{not json');
    expect(peek(storage, sara, page, 'minutes')).toBeUndefined();
    keep(storage, sara, page, { minutes: 'Ny' });
    expect(peek(storage, sara, page, 'minutes')).toEqual({ value: 'Ny' });
  });
});

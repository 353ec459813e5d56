import { randomBytes, randomUUID } from 'node:crypto';
import type { PersonalDataKeys } from '../personal-data/personal-data-keys';

/**
 * The behaviour every PersonalDataKeys adapter (SQLite, PostgreSQL) must show. `create` gives a
 * fresh table, and `second` another handle on the same table (another replica's, in production).
 * What a shred leaves on disk differs by store and is tested in each adapter's own spec.
 */
export function describePersonalDataKeysContract(
  name: string,
  create: () => Promise<{ keys: PersonalDataKeys; second: () => Promise<PersonalDataKeys> }>,
): void {
  describe(`PersonalDataKeys contract: ${name}`, () => {
    let keys: PersonalDataKeys;
    let second: () => Promise<PersonalDataKeys>;
    const opened: PersonalDataKeys[] = [];
    const subject = () => `rep-${randomUUID()}`;

    beforeEach(async () => {
      ({ keys, second } = await create());
      opened.push(keys);
    });
    afterEach(async () => {
      for (const k of opened.splice(0)) await k.close();
    });

    it('keeps one key per subject, never replaces it, and shreds it once', async () => {
      const id = subject();
      const key = randomBytes(32);
      expect(await keys.create(id, key)).toBe(true);
      expect(await keys.create(id, randomBytes(32))).toBe(false);
      expect(await keys.get(id)).toEqual(key);
      expect(await keys.shred(id)).toBe(true);
      expect(await keys.get(id)).toBeUndefined();
      expect(await keys.shred(id)).toBe(false);
      expect(await keys.create(id, randomBytes(32))).toBe(true);
    });

    it('answers undefined for a subject that never had a key, and keeps subjects apart', async () => {
      const [a, b] = [subject(), subject()];
      const [keyA, keyB] = [randomBytes(32), randomBytes(32)];
      expect(await keys.get(a)).toBeUndefined();
      await keys.create(a, keyA);
      await keys.create(b, keyB);
      await keys.shred(a);
      expect(await keys.get(a)).toBeUndefined();
      expect(await keys.get(b)).toEqual(keyB);
    });

    it('is one table for every handle: a key made on one is read on the other, and a shred on either holds on both', async () => {
      const other = await second();
      opened.push(other);
      const id = subject();
      const key = randomBytes(32);
      await keys.create(id, key);
      expect(await other.get(id)).toEqual(key);
      expect(await other.create(id, randomBytes(32))).toBe(false);
      expect(await other.shred(id)).toBe(true);
      expect(await keys.get(id)).toBeUndefined();
      expect(await keys.shred(id)).toBe(false);
    });

    it('lets exactly one of many concurrent creators, on two handles, record the key', async () => {
      const other = await second();
      opened.push(other);
      const id = subject();
      const candidates = Array.from({ length: 10 }, () => randomBytes(32));
      const made = await Promise.all(candidates.map((key, i) => (i % 2 ? other : keys).create(id, key)));
      expect(made.filter(Boolean)).toHaveLength(1);
      expect(await other.get(id)).toEqual(candidates[made.indexOf(true)]);
    });
  });
}

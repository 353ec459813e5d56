import { nameKey } from '@kom/kernel';
import { cleanName } from '../domain/organization.decider';
import { SEED_ORGANIZATIONS } from './organizations.seed-data';

describe('the seeded register', () => {
  it('holds names the register accepts as they are written', () => {
    for (const org of SEED_ORGANIZATIONS) expect(cleanName(org.name)).toBe(org.name);
  });

  it('holds names people can tell apart (no two share a name key)', () => {
    const keys = SEED_ORGANIZATIONS.map((org) => nameKey(org.name));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

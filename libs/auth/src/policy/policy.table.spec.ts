import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRole } from '@kom/kernel';
import { ALL_ROLES, policyTableMarkdown, type Policy } from './policy';
import { POLICY_TABLE } from './policy.table';

const entries = Object.entries(POLICY_TABLE) as [string, Policy][];

/** docs/api/auth-and-roles.md shows the mutations, and the reads that are not simply open to every role. */
export const README_MUTATIONS = (c: string) => c.startsWith('Mutation.');
export const README_RESTRICTED_READS = (c: string) => {
  const p = POLICY_TABLE[c];
  return !c.startsWith('Mutation.') && (p.allow === 'PUBLIC' || p.allow.length < ALL_ROLES.length || !!p.ownOrganization || /read side/.test(p.summary));
};

describe('the policy table', () => {
  it('names only platform roles, and never an empty list', () => {
    for (const [coordinate, policy] of entries) {
      if (policy.allow === 'PUBLIC') continue;
      expect({ coordinate, roles: policy.allow.length }).toEqual({ coordinate, roles: expect.any(Number) });
      expect(policy.allow.length).toBeGreaterThan(0);
      expect(policy.allow.every(isRole)).toBe(true);
    }
  });

  it('is public only where the data is public by design', () => {
    expect(entries.filter(([, p]) => p.allow === 'PUBLIC').map(([c]) => c)).toEqual(['Query.auditPublicKey']);
  });

  it('applies own-organisation and decider rules only to roles it lets through', () => {
    for (const [coordinate, policy] of entries) {
      const allowed = policy.allow === 'PUBLIC' ? [] : (policy.allow as string[]);
      for (const role of [...(policy.ownOrganization?.roles ?? []), ...(policy.refusedAfterGuard?.roles ?? [])]) {
        expect(`${coordinate}: ${role} ${allowed.includes(role) ? 'allowed' : 'not allowed'}`).toBe(`${coordinate}: ${role} allowed`);
      }
    }
  });

  it('lets an auditor change nothing: no mutation names the role, and none is public', () => {
    const auditorWrites = entries
      .filter(([c, p]) => c.startsWith('Mutation.') && (p.allow === 'PUBLIC' || (p.allow as string[]).includes('AUDITOR')))
      .map(([c]) => c);
    expect(auditorWrites).toEqual([]);
  });

  it('is what the access documentation says', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'api', 'auth-and-roles.md'), 'utf8');
    const block = (name: string) => {
      const match = new RegExp(`<!-- policy:${name}:begin -->\\n([\\s\\S]*?)\\n<!-- policy:${name}:end -->`).exec(readme);
      return match?.[1];
    };
    const expected = { mutations: policyTableMarkdown(POLICY_TABLE, README_MUTATIONS), reads: policyTableMarkdown(POLICY_TABLE, README_RESTRICTED_READS) };
    if (process.env.KOM_PRINT_POLICY === '1') process.stdout.write(`${expected.mutations}\n\n${expected.reads}\n`);
    expect(block('mutations')).toBe(expected.mutations);
    expect(block('reads')).toBe(expected.reads);
  });
});

import { lookUpDecisions, lookUpParties } from './facts';
import { decisionsNotYetKnown, type DecisionDirectory, type OrganizationDirectory } from './ports';

const organizations: OrganizationDirectory = {
  organization: (id) => (id === 'org-pd' ? { id, name: 'Oslo politidistrikt', kind: 'POLICE' } : undefined),
};

const decisions: DecisionDirectory = {
  knowsDecisions: true,
  decision: async (id) => (id === 'dec-1' ? { decisionId: id, status: 'ACTIVE' } : id === 'dec-old' ? { decisionId: id, status: 'REVOKED' } : undefined),
};

describe('looking up the facts a command needs', () => {
  it('adds what the register says about each party, null for an unregistered one', async () => {
    expect(await lookUpParties(organizations, [{ organizationId: 'org-pd', role: 'R' }, { organizationId: 'org-x', role: 'S' }])).toEqual([
      { organizationId: 'org-pd', role: 'R', organization: { name: 'Oslo politidistrikt', kind: 'POLICE' } },
      { organizationId: 'org-x', role: 'S', organization: null },
    ]);
  });

  it('marks a decision UNKNOWN only when the directory knows decisions', async () => {
    expect(await lookUpDecisions(decisions, ['dec-1', 'dec-old', 'dec-none'])).toEqual([
      { decisionId: 'dec-1', status: 'ACTIVE' },
      { decisionId: 'dec-old', status: 'REVOKED' },
      { decisionId: 'dec-none', status: 'UNKNOWN' },
    ]);
    expect(await lookUpDecisions(decisionsNotYetKnown, ['dec-none'])).toEqual([{ decisionId: 'dec-none', status: 'UNCHECKED' }]);
  });
});

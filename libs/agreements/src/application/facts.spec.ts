import { lookUpDecisions, lookUpParties } from './facts';
import { decisionsNotYetKnown, type DecisionDirectory, type OrganizationDirectory } from './ports';

const roles = [{ role: 'POLICE', from: '2002-01-01', until: '2020-01-01' }];
const heldBy = { organizationId: 'org-sor-ost', name: 'Sør-Øst politidistrikt' };
const organizations: OrganizationDirectory = {
  organization: (id) => (id === 'org-pd' ? { id, name: 'Vestfold politidistrikt', kind: 'POLICE', roles, heldBy } : undefined),
  placesHeldBy: () => [],
  holderOf: () => undefined,
};

const decisions: DecisionDirectory = {
  knowsDecisions: true,
  decision: async (id) => (id === 'dec-1' ? { decisionId: id, status: 'ACTIVE' } : id === 'dec-old' ? { decisionId: id, status: 'REVOKED' } : undefined),
};

describe('looking up the facts a command needs', () => {
  it('adds what the register says about each party (roles over time, who holds its place), null for an unregistered one', async () => {
    expect(await lookUpParties(organizations, [{ organizationId: 'org-pd', role: 'R' }, { organizationId: 'org-x', role: 'S' }])).toEqual([
      { organizationId: 'org-pd', role: 'R', organization: { name: 'Vestfold politidistrikt', kind: 'POLICE', roles, heldBy } },
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

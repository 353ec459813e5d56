import { Forbidden, InvalidInput, InvalidState, NotFound } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { organizationDecider } from './organization.decider';
import type { OrganizationEvent } from './organization.events';

const given = deciderSpec(organizationDecider);
const organizationId = 'org-rosa';
const registered: OrganizationEvent = {
  type: 'OrganizationRegistered',
  data: { organizationId, name: 'ROSA', shortName: null, kind: 'NGO' },
};
const ngo = { userId: 'u-1', organizationId, role: 'NGO_REPRESENTATIVE' as const };

describe('organization decider', () => {
  it('registers an organisation, tidying the name', () =>
    given([])
      .when({ type: 'RegisterOrganization', organizationId, name: '  ROSA  ', shortName: ' ', kind: 'NGO' })
      .then([registered]));

  it('refuses to register the same organisation twice', () =>
    given([registered])
      .when({ type: 'RegisterOrganization', organizationId, name: 'ROSA', kind: 'NGO' })
      .thenThrows(InvalidState, 'ORGANIZATION_ALREADY_REGISTERED'));

  it('refuses an empty or overlong name', () => {
    given([]).when({ type: 'RegisterOrganization', organizationId, name: '   ', kind: 'NGO' }).thenThrows(InvalidInput, 'NAME_REQUIRED');
    given([])
      .when({ type: 'RegisterOrganization', organizationId, name: 'x'.repeat(201), kind: 'NGO' })
      .thenThrows(InvalidInput, 'NAME_TOO_LONG');
  });

  it('renames with Norwegian letters intact', () =>
    given([registered])
      .when({ type: 'RenameOrganization', organizationId, name: 'ROSA – Reetablering, Oppholdssteder, Støtte og Arbeid', shortName: 'ROSA' })
      .then([
        {
          type: 'OrganizationRenamed',
          data: { organizationId, name: 'ROSA – Reetablering, Oppholdssteder, Støtte og Arbeid', shortName: 'ROSA' },
        },
      ]));

  it('changes nothing when renamed to the same name', () =>
    given([registered]).when({ type: 'RenameOrganization', organizationId, name: 'ROSA' }).then([]));

  it('cannot rename an unknown organisation', () =>
    given([]).when({ type: 'RenameOrganization', organizationId, name: 'X' }).thenThrows(NotFound, 'ORGANIZATION_NOT_FOUND'));

  it('lets only the secretariat keep the register', () =>
    given([])
      .when({ type: 'RegisterOrganization', organizationId: 'org-x', name: 'X', kind: 'NGO' }, { actor: ngo })
      .thenThrows(Forbidden, 'SECRETARIAT_ONLY'));
});

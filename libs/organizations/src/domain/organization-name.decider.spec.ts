import { Forbidden, InvalidInput, nameKeyDigest } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { organizationNameDecider, organizationNameStream } from './organization-name.decider';
import type { OrganizationNameEvent } from './organization-name.events';

const given = deciderSpec(organizationNameDecider);
const nameKey = nameKeyDigest('ROSA-prosjektet');
const claimedByRosa: OrganizationNameEvent = { type: 'OrganizationNameClaimed', data: { nameKey, organizationId: 'org-rosa' } };
const releasedByRosa: OrganizationNameEvent = { type: 'OrganizationNameReleased', data: { nameKey, organizationId: 'org-rosa' } };
const claim = (organizationId: string, heldBy: string[] = [], name = 'ROSA-prosjektet') =>
  ({ type: 'ClaimOrganizationName', organizationId, name, heldBy }) as const;

describe('organisation name claims', () => {
  it('lets the first organisation take a name', () => given([]).when(claim('org-rosa')).then([claimedByRosa]));

  it('refuses a name another organisation holds, however it is written', () => {
    given([claimedByRosa]).when(claim('org-new')).thenThrows(InvalidInput, 'ORGANIZATION_NAME_TAKEN');
    expect(organizationNameStream('ROS\u0410\u2011prosjektet')).toBe(organizationNameStream('ROSA-prosjektet'));
  });

  it('refuses a name the register lists for another organisation that holds no claim (recorded before claims)', () =>
    given([]).when(claim('org-new', ['org-rosa'])).thenThrows(InvalidInput, 'ORGANIZATION_NAME_TAKEN'));

  it('changes nothing when the organisation holds the name already, and lets it claim its own listed name', () => {
    given([claimedByRosa]).when(claim('org-rosa', ['org-rosa'])).then([]);
    given([]).when(claim('org-rosa', ['org-rosa'])).then([claimedByRosa]);
  });

  it('frees a name its organisation gave up, for anyone', () => {
    given([claimedByRosa]).when({ type: 'ReleaseOrganizationName', organizationId: 'org-rosa', name: 'ROSA-prosjektet' }).then([releasedByRosa]);
    given([claimedByRosa, releasedByRosa])
      .when(claim('org-new'))
      .then([{ type: 'OrganizationNameClaimed', data: { nameKey, organizationId: 'org-new' } }]);
  });

  it('releases only its own claim', () => {
    given([claimedByRosa]).when({ type: 'ReleaseOrganizationName', organizationId: 'org-new', name: 'ROSA-prosjektet' }).then([]);
    given([]).when({ type: 'ReleaseOrganizationName', organizationId: 'org-rosa', name: 'ROSA-prosjektet' }).then([]);
  });

  it('is the secretariat’s, like the register', () =>
    given([]).when(claim('org-rosa'), { actor: { userId: 'u-1', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' } }).thenThrows(Forbidden, 'SECRETARIAT_ONLY'));
});

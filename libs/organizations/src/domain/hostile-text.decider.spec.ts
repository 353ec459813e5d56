import { InvalidInput, TEXT_NOT_ALLOWED } from '@kom/kernel';
import { INVISIBLE_TEXT, deciderSpec, refusedTextCases } from '@kom/kernel/testing';
import { groupDecider } from './group.decider';
import type { GroupEvent } from './group.events';
import { organizationDecider } from './organization.decider';
import type { OrganizationEvent } from './organization.events';
import { representativeDecider } from './representative.decider';

// The platform's text policy (@kom/kernel text-policy.ts) in each decider of the register: a refused
// character is TEXT_NOT_ALLOWED at its field, text of invisible characters is missing; either way
// the decider returns no event, so nothing is recorded.
const organization = deciderSpec(organizationDecider);
const group = deciderSpec(groupDecider);
const representative = deciderSpec(representativeDecider);

const organizationId = 'org-rosa';
const registered: OrganizationEvent = { type: 'OrganizationRegistered', data: { organizationId, name: 'ROSA', shortName: null, kind: 'NGO', from: '2026-03-02' } };
const register = { type: 'RegisterOrganization', organizationId, name: 'ROSA', kind: 'NGO' } as const;
const admitted: GroupEvent = { type: 'OrganizationAdmittedToGroup', data: { groupKind: 'REFERENCE_GROUP', organizationId, organizationKind: 'NGO', effectiveFrom: '2009-01-01' } };
const leave = { type: 'LeaveGroup', groupKind: 'REFERENCE_GROUP', organizationId, effectiveFrom: '2012-01-01', reason: 'Lagt ned' } as const;
const add = {
  type: 'AddRepresentative',
  representativeId: 'rep-1',
  organizationId,
  organizationRegistered: true,
  name: 'Kontakt Person',
  email: 'kontakt@rosa.example',
  dataKey: Buffer.alloc(32, 7).toString('base64'),
  iv: Buffer.alloc(12, 3).toString('base64'),
} as const;

describe.each(refusedTextCases())('the register refuses text with %s', (_kind, text) => {
  it('in an organisation’s name and short name, registered or renamed', () => {
    organization([]).when({ ...register, name: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    organization([]).when({ ...register, shortName: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    organization([registered]).when({ type: 'RenameOrganization', organizationId, name: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });

  it('in the reason a role ends or an organisation leaves a group', () => {
    organization([registered]).when({ type: 'EndOrganizationRole', organizationId, role: 'NGO', until: '2026-03-03', reason: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    group([admitted]).when({ ...leave, reason: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });

  it('in a representative’s name and e-mail address, and the legal basis of an erasure', () => {
    representative([]).when({ ...add, name: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    representative([]).when({ ...add, email: `kontakt${text}@rosa.example` }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
    const added = representative([]).when(add).events();
    representative(added).when({ type: 'ForgetPerson', personId: 'rep-1', legalBasis: text }).thenThrows(InvalidInput, TEXT_NOT_ALLOWED);
  });
});

describe('the register takes text of invisible characters as missing', () => {
  it('a name of zero-width characters is no name', () => {
    organization([]).when({ ...register, name: INVISIBLE_TEXT }).thenThrows(InvalidInput, 'NAME_REQUIRED');
    organization([registered]).when({ type: 'RenameOrganization', organizationId, name: ` ${INVISIBLE_TEXT} ` }).thenThrows(InvalidInput, 'NAME_REQUIRED');
    representative([]).when({ ...add, name: INVISIBLE_TEXT }).thenThrows(InvalidInput, 'NAME_REQUIRED');
  });

  it('a reason of zero-width characters is no reason', () => {
    organization([registered]).when({ type: 'EndOrganizationRole', organizationId, role: 'NGO', until: '2026-03-03', reason: INVISIBLE_TEXT }).thenThrows(InvalidInput, 'REASON_REQUIRED');
    group([admitted]).when({ ...leave, reason: INVISIBLE_TEXT }).thenThrows(InvalidInput, 'REASON_REQUIRED');
  });

  it('a short name of zero-width characters is none', () =>
    organization([]).when({ ...register, shortName: INVISIBLE_TEXT }).then([registered]));
});

describe('the register stores names as the policy says', () => {
  it('in NFC, one line, without invisible characters at the ends', () =>
    organization([])
      .when({ ...register, name: '\u200BGru\u0308nerløkka\n sosialsenter\u2060 ' })
      .then([{ ...registered, data: { ...registered.data, name: 'Grünerløkka sosialsenter' } }]));
});

import { Forbidden, InvalidInput, InvalidState, NotFound } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { fold } from '@kom/kernel';
import { nameOn, organizationDecider } from './organization.decider';
import { rolesOn } from './organization-roles';
import type { OrganizationEvent } from './organization.events';

const given = deciderSpec(organizationDecider);
const organizationId = 'org-rosa';
const registered: OrganizationEvent = {
  type: 'OrganizationRegistered',
  data: { organizationId, name: 'ROSA', shortName: null, kind: 'NGO', from: '2026-03-02' },
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
          data: { organizationId, name: 'ROSA – Reetablering, Oppholdssteder, Støtte og Arbeid', shortName: 'ROSA', from: '2026-03-02' },
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

  it('registers an organisation from an earlier day, never a later one', () => {
    given([])
      .when({ type: 'RegisterOrganization', organizationId, name: 'ROSA', kind: 'NGO', from: '2005-06-01' })
      .then([{ ...registered, data: { ...registered.data, from: '2005-06-01' } }]);
    given([]).when({ type: 'RegisterOrganization', organizationId, name: 'ROSA', kind: 'NGO', from: '2026-03-03' }).thenThrows(InvalidInput, 'DATE_IN_FUTURE');
    given([]).when({ type: 'RegisterOrganization', organizationId, name: 'ROSA', kind: 'NGO', from: '2026-02-30' }).thenThrows(InvalidInput, 'INVALID_DATE');
  });

  describe('names over time', () => {
    const renamedOn = (from: string, name: string): OrganizationEvent => ({ type: 'OrganizationRenamed', data: { organizationId, name, shortName: null, from } });
    const old: OrganizationEvent = { ...registered, data: { ...registered.data, from: '2001-01-01' } };

    it('keeps every name with its first day; a second name on the same day replaces that day’s', () => {
      const state = fold(organizationDecider, [old, renamedOn('2010-05-01', 'ROSA-prosjektet'), renamedOn('2020-01-01', 'ROSA'), renamedOn('2020-01-01', 'ROSA Oslo')]);
      expect(state.status === 'registered' && state.names).toEqual([
        { from: '2001-01-01', name: 'ROSA', shortName: null },
        { from: '2010-05-01', name: 'ROSA-prosjektet', shortName: null },
        { from: '2020-01-01', name: 'ROSA Oslo', shortName: null },
      ]);
      expect(state.status === 'registered' && nameOn(state.names, '2015-07-01')?.name).toBe('ROSA-prosjektet');
      expect(state.status === 'registered' && nameOn(state.names, '2000-12-31')).toBeUndefined();
    });

    it('renames from an earlier day, not before the current name and not in the future', () => {
      given([old, renamedOn('2010-05-01', 'ROSA-prosjektet')])
        .when({ type: 'RenameOrganization', organizationId, name: 'ROSA', from: '2012-01-01' })
        .then([renamedOn('2012-01-01', 'ROSA')]);
      given([old, renamedOn('2010-05-01', 'ROSA-prosjektet')])
        .when({ type: 'RenameOrganization', organizationId, name: 'ROSA', from: '2009-01-01' })
        .thenThrows(InvalidInput, 'RENAME_BEFORE_CURRENT_NAME');
      given([old]).when({ type: 'RenameOrganization', organizationId, name: 'ROSA 2', from: '2027-01-01' }).thenThrows(InvalidInput, 'DATE_IN_FUTURE');
    });
  });

  describe('roles over time', () => {
    const pod: OrganizationEvent = {
      type: 'OrganizationRegistered',
      data: { organizationId: 'org-pod', name: 'Politidirektoratet', shortName: 'POD', kind: 'SECRETARIAT', from: '2001-01-01' },
    };
    const grantedPolice: OrganizationEvent = { type: 'OrganizationRoleGranted', data: { organizationId: 'org-pod', role: 'POLICE', from: '2001-01-01' } };
    const ended: OrganizationEvent = {
      type: 'OrganizationRoleEnded',
      data: { organizationId: 'org-pod', role: 'POLICE', until: '2020-01-01', reason: 'Ikke lenger politi' },
    };

    it('holds the role its kind implies from its first day, and no other', () => {
      const state = fold(organizationDecider, [pod]);
      expect(state.status === 'registered' && state.roles).toEqual([{ role: 'SECRETARIAT_HOST', from: '2001-01-01', until: null, endReason: null }]);
      const other = fold(organizationDecider, [{ ...registered, data: { ...registered.data, kind: 'OTHER' } }]);
      expect(other.status === 'registered' && other.roles).toEqual([]);
    });

    it('grants a second role: the Police Directorate is secretariat host and police', () => {
      given([pod]).when({ type: 'GrantOrganizationRole', organizationId: 'org-pod', role: 'POLICE', from: '2001-01-01' }).then([grantedPolice]);
      const state = fold(organizationDecider, [pod, grantedPolice]);
      expect(state.status === 'registered' && rolesOn(state.roles, '2019-06-01')).toEqual(['POLICE', 'SECRETARIAT_HOST']);
      expect(state.status === 'registered' && rolesOn(state.roles, '2000-12-31')).toEqual([]);
    });

    it('refuses a role held already, or before the organisation’s first day', () => {
      given([pod, grantedPolice])
        .when({ type: 'GrantOrganizationRole', organizationId: 'org-pod', role: 'POLICE', from: '2030-01-01' })
        .thenThrows(InvalidState, 'ROLE_ALREADY_HELD');
      given([pod])
        .when({ type: 'GrantOrganizationRole', organizationId: 'org-pod', role: 'POLICE', from: '1999-01-01' })
        .thenThrows(InvalidInput, 'ROLE_BEFORE_REGISTRATION');
      given([]).when({ type: 'GrantOrganizationRole', organizationId: 'org-x', role: 'POLICE', from: '2020-01-01' }).thenThrows(NotFound);
    });

    it('ends a role with a reason, after its first day; grants it again after it ended', () => {
      given([pod, grantedPolice])
        .when({ type: 'EndOrganizationRole', organizationId: 'org-pod', role: 'POLICE', until: '2020-01-01', reason: '  Ikke lenger   politi ' })
        .then([ended]);
      given([pod, grantedPolice])
        .when({ type: 'EndOrganizationRole', organizationId: 'org-pod', role: 'POLICE', until: '2001-01-01', reason: 'x' })
        .thenThrows(InvalidInput, 'ROLE_END_NOT_AFTER_START');
      given([pod, grantedPolice])
        .when({ type: 'EndOrganizationRole', organizationId: 'org-pod', role: 'POLICE', until: '2020-01-01', reason: ' ' })
        .thenThrows(InvalidInput, 'REASON_REQUIRED');
      given([pod]).when({ type: 'EndOrganizationRole', organizationId: 'org-pod', role: 'POLICE', until: '2020-01-01', reason: 'x' }).thenThrows(InvalidState, 'ROLE_NOT_HELD');
      given([pod, grantedPolice, ended])
        .when({ type: 'GrantOrganizationRole', organizationId: 'org-pod', role: 'POLICE', from: '2019-12-31' })
        .thenThrows(InvalidState, 'ROLE_ALREADY_HELD');
      given([pod, grantedPolice, ended])
        .when({ type: 'GrantOrganizationRole', organizationId: 'org-pod', role: 'POLICE', from: '2021-01-01' })
        .then([{ type: 'OrganizationRoleGranted', data: { organizationId: 'org-pod', role: 'POLICE', from: '2021-01-01' } }]);
    });

    it('lets only the secretariat change roles', () =>
      given([pod]).when({ type: 'GrantOrganizationRole', organizationId: 'org-pod', role: 'POLICE', from: '2001-01-01' }, { actor: ngo }).thenThrows(Forbidden, 'SECRETARIAT_ONLY'));
  });
});

import { Forbidden, InvalidInput, InvalidState, NotFound, fold } from '@kom/kernel';
import { SPEC_NOW, deciderSpec } from '@kom/kernel/testing';
import { mergePoliceDistricts } from '../application/merge-police-districts.command';
import { organizationDecider } from './organization.decider';
import type { OrganizationEvent } from './organization.events';
import type { PoliceDistrictEvent } from './police-district.events';
import { holderOn, policeDistrictsDecider, type OrganizationFacts } from './police-districts.decider';

const given = deciderSpec(policeDistrictsDecider);
const police = (from: string, until: string | null = null): OrganizationFacts['roles'] => [{ role: 'POLICE', from, until }];
const vestfold: OrganizationFacts = { name: 'Vestfold politidistrikt', roles: police('2002-01-01') };
const telemark: OrganizationFacts = { name: 'Telemark politidistrikt', roles: police('2002-01-01') };
const sorOst: OrganizationFacts = { name: 'Sør-Øst politidistrikt', roles: police('2020-01-01') };
const rosa: OrganizationFacts = { name: 'ROSA', roles: [{ role: 'NGO', from: '2002-01-01', until: null }] };
const registered = (organizationId: string, from = '2002-01-01'): PoliceDistrictEvent => ({ type: 'PoliceDistrictRegistered', data: { organizationId, from } });
const merged: PoliceDistrictEvent = {
  type: 'PoliceDistrictsMerged',
  data: { intoOrganizationId: 'org-sor-ost', mergedOrganizationIds: ['org-vestfold', 'org-telemark'], on: '2020-01-01' },
};
const organizations = { 'org-sor-ost': sorOst, 'org-vestfold': vestfold, 'org-telemark': telemark, 'org-rosa': rosa };
const merge = (over: Partial<{ intoOrganizationId: string; mergedOrganizationIds: string[]; on: string }> = {}) => ({
  type: 'MergePoliceDistricts' as const,
  intoOrganizationId: 'org-sor-ost',
  mergedOrganizationIds: ['org-vestfold', 'org-telemark'],
  on: '2020-01-01',
  organizations,
  ...over,
});

describe('the register of police districts', () => {
  it('registers an organisation holding the POLICE role as a district', () =>
    given([]).when({ type: 'RegisterPoliceDistrict', organizationId: 'org-vestfold', from: '2002-01-01', organization: vestfold }).then([registered('org-vestfold')]));

  it('refuses a district that is not police on its first day, one registered twice, or an unknown one', () => {
    given([]).when({ type: 'RegisterPoliceDistrict', organizationId: 'org-rosa', from: '2002-01-01', organization: rosa }).thenThrows(InvalidInput, 'NOT_A_POLICE_ORGANIZATION');
    given([]).when({ type: 'RegisterPoliceDistrict', organizationId: 'org-vestfold', from: '2001-12-31', organization: vestfold }).thenThrows(InvalidInput, 'NOT_A_POLICE_ORGANIZATION');
    given([registered('org-vestfold')])
      .when({ type: 'RegisterPoliceDistrict', organizationId: 'org-vestfold', from: '2002-01-01', organization: vestfold })
      .thenThrows(InvalidState, 'ALREADY_A_POLICE_DISTRICT');
    given([]).when({ type: 'RegisterPoliceDistrict', organizationId: 'org-x', from: '2002-01-01', organization: null }).thenThrows(NotFound);
  });

  it('merges districts into a successor, which becomes a district that day', () => {
    given([registered('org-vestfold'), registered('org-telemark')]).when(merge()).then([merged]);
    const state = fold(policeDistrictsDecider, [registered('org-vestfold'), registered('org-telemark'), merged]);
    expect(state.districts['org-sor-ost']).toEqual({ organizationId: 'org-sor-ost', from: '2020-01-01', mergedInto: null, mergedOn: null });
    expect(holderOn(state, 'org-vestfold', '2019-12-31')).toBe('org-vestfold');
    expect(holderOn(state, 'org-vestfold', '2020-01-01')).toBe('org-sor-ost');
  });

  it('follows a chain of merges to who holds a district’s place now', () => {
    const later: PoliceDistrictEvent = { type: 'PoliceDistrictsMerged', data: { intoOrganizationId: 'org-sor', mergedOrganizationIds: ['org-sor-ost'], on: '2030-01-01' } };
    const state = fold(policeDistrictsDecider, [registered('org-vestfold'), registered('org-telemark'), merged, later]);
    expect(holderOn(state, 'org-vestfold', '2029-12-31')).toBe('org-sor-ost');
    expect(holderOn(state, 'org-vestfold', '2030-01-01')).toBe('org-sor');
  });

  it('refuses a merge into itself', () =>
    given([registered('org-vestfold'), registered('org-telemark')])
      .when(merge({ intoOrganizationId: 'org-vestfold' }))
      .thenThrows(InvalidInput, 'MERGE_INTO_ITSELF'));

  it('refuses to merge an organisation that is not police', () => {
    given([registered('org-vestfold')]).when(merge({ mergedOrganizationIds: ['org-vestfold', 'org-rosa'] })).thenThrows(InvalidInput, 'NOT_A_POLICE_ORGANIZATION');
    given([registered('org-vestfold'), registered('org-telemark')])
      .when(merge({ intoOrganizationId: 'org-rosa' }))
      .thenThrows(InvalidInput, 'NOT_A_POLICE_ORGANIZATION');
  });

  it('refuses to merge a police organisation that is not a district, a district merged already, or nothing', () => {
    given([registered('org-vestfold')]).when(merge()).thenThrows(InvalidInput, 'NOT_A_POLICE_DISTRICT');
    given([registered('org-vestfold'), registered('org-telemark'), merged])
      .when(merge({ intoOrganizationId: 'org-vestfold', mergedOrganizationIds: ['org-telemark'], on: '2021-01-01' }))
      .thenThrows(InvalidState, 'DISTRICT_ALREADY_MERGED');
    given([]).when(merge({ mergedOrganizationIds: [] })).thenThrows(InvalidInput, 'MERGED_DISTRICTS_REQUIRED');
    given([registered('org-vestfold')]).when(merge({ mergedOrganizationIds: ['org-vestfold', 'org-vestfold'] })).thenThrows(InvalidInput, 'DUPLICATE_DISTRICT');
  });

  it('lets only the secretariat keep the register', () =>
    given([])
      .when(
        { type: 'RegisterPoliceDistrict', organizationId: 'org-vestfold', from: '2002-01-01', organization: vestfold },
        { actor: { userId: 'u', organizationId: 'org-vestfold', role: 'AGENCY_MEMBER' } },
      )
      .thenThrows(Forbidden, 'SECRETARIAT_ONLY'));
});

describe('a merge across the register and the districts’ own records', () => {
  const orgRegistered = (organizationId: string, name: string, from: string): OrganizationEvent => ({
    type: 'OrganizationRegistered',
    data: { organizationId, name, shortName: null, kind: 'POLICE', from },
  });
  const states = {
    register: fold(policeDistrictsDecider, [registered('org-vestfold'), registered('org-telemark')]),
    'organization:org-sor-ost': fold(organizationDecider, [orgRegistered('org-sor-ost', 'Sør-Øst politidistrikt', '2020-01-01')]),
    'organization:org-vestfold': fold(organizationDecider, [orgRegistered('org-vestfold', 'Vestfold politidistrikt', '2002-01-01')]),
    'organization:org-telemark': fold(organizationDecider, [orgRegistered('org-telemark', 'Telemark politidistrikt', '2002-01-01')]),
  };
  const context = { now: SPEC_NOW, actor: { userId: 'sara', organizationId: 'org-pod', role: 'SECRETARIAT' as const } };

  it('ends each merged district’s POLICE role on the day of the merge, naming the successor', () => {
    const decisions = mergePoliceDistricts(states, { intoOrganizationId: 'org-sor-ost', mergedOrganizationIds: ['org-vestfold', 'org-telemark'], on: '2020-01-01' }, context);
    expect(decisions.register?.events).toEqual([merged]);
    expect(decisions['organization:org-vestfold']?.events).toEqual([
      { type: 'OrganizationRoleEnded', data: { organizationId: 'org-vestfold', role: 'POLICE', until: '2020-01-01', reason: 'Slått sammen med Sør-Øst politidistrikt (org-sor-ost)' } },
    ]);
    expect(decisions['organization:org-sor-ost']).toBeUndefined();
  });

  it('writes nothing when the register refuses', () =>
    expect(() => mergePoliceDistricts(states, { intoOrganizationId: 'org-vestfold', mergedOrganizationIds: ['org-vestfold'], on: '2020-01-01' }, context)).toThrow(InvalidInput));
});

import { Forbidden, InvalidInput, InvalidState, NotFound } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { unseal } from './personal-data';
import { representativeDecider } from './representative.decider';
import type { RepresentativeEvent } from './representative.events';

const given = deciderSpec(representativeDecider);
const representativeId = 'rep-1';
const organizationId = 'org-rosa';
const dataKey = Buffer.alloc(32, 7).toString('base64');
const iv = Buffer.alloc(12, 3).toString('base64');
const add = {
  type: 'AddRepresentative',
  representativeId,
  organizationId,
  organizationRegistered: true,
  name: '  Kari   Nordmann ',
  email: ' kari@rosa.example ',
  dataKey,
  iv,
} as const;
const ngo = { userId: 'u-1', organizationId, role: 'NGO_REPRESENTATIVE' as const };

describe('representative decider', () => {
  const added = given([]).when(add).events()[0] as Extract<RepresentativeEvent, { type: 'RepresentativeAdded' }>;

  it('adds a representative with the details sealed, never in the clear', () => {
    expect(added).toEqual({
      type: 'RepresentativeAdded',
      data: { representativeId, organizationId, details: expect.stringMatching(/^v1\./) },
    });
    expect(JSON.stringify(added)).not.toMatch(/Kari|Nordmann|rosa\.example/);
    expect(unseal(added.data.details, representativeId, Buffer.from(dataKey, 'base64'))).toEqual({
      name: 'Kari Nordmann',
      email: 'kari@rosa.example',
    });
  });

  it('binds the sealed details to the representative and the key', () => {
    expect(unseal(added.data.details, 'rep-2', Buffer.from(dataKey, 'base64'))).toBeUndefined();
    expect(unseal(added.data.details, representativeId, Buffer.alloc(32, 8))).toBeUndefined();
  });

  it('refuses to add the same representative twice', () =>
    given([added]).when(add).thenThrows(InvalidState, 'REPRESENTATIVE_ALREADY_ADDED'));

  it('refuses a representative of an organisation that is not registered', () =>
    given([]).when({ ...add, organizationRegistered: false }).thenThrows(NotFound, 'ORGANIZATION_NOT_FOUND'));

  it('refuses a missing name and a bad e-mail address', () => {
    given([]).when({ ...add, name: ' ' }).thenThrows(InvalidInput, 'NAME_REQUIRED');
    given([]).when({ ...add, name: 'x'.repeat(201) }).thenThrows(InvalidInput, 'NAME_TOO_LONG');
    given([]).when({ ...add, email: 'kari at rosa' }).thenThrows(InvalidInput, 'INVALID_EMAIL');
  });

  it('refuses a malformed data key', () =>
    given([]).when({ ...add, dataKey: 'c2hvcnQ=' }).thenThrows(InvalidInput, 'INVALID_DATA_KEY'));

  it('removes a representative', () =>
    given([added])
      .when({ type: 'RemoveRepresentative', representativeId })
      .then([{ type: 'RepresentativeRemoved', data: { representativeId, organizationId } }]));

  it('cannot remove an unknown or removed representative', () => {
    given([]).when({ type: 'RemoveRepresentative', representativeId }).thenThrows(NotFound, 'REPRESENTATIVE_NOT_FOUND');
    given([added, { type: 'RepresentativeRemoved', data: { representativeId, organizationId } }])
      .when({ type: 'RemoveRepresentative', representativeId })
      .thenThrows(InvalidState, 'REPRESENTATIVE_ALREADY_REMOVED');
  });

  it('lets only the secretariat add or remove representatives', () => {
    given([]).when(add, { actor: ngo }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
    given([added]).when({ type: 'RemoveRepresentative', representativeId }, { actor: ngo }).thenThrows(Forbidden, 'SECRETARIAT_ONLY');
  });
});

describe('restricting and forgetting a person', () => {
  const added = given([]).when(add).events()[0]!;
  const legalBasis = 'GDPR art. 17(1)(a): the data are no longer necessary';
  const restricted: RepresentativeEvent = { type: 'PersonalDataRestricted', data: { representativeId, organizationId, legalBasis } };
  const erased: RepresentativeEvent = { type: 'PersonalDataErased', data: { representativeId, organizationId, legalBasis } };

  it('records a restriction and an erasure with their legal basis', () => {
    given([added]).when({ type: 'RestrictPerson', personId: representativeId, legalBasis: ` ${legalBasis} ` }).then([restricted]);
    given([added]).when({ type: 'ForgetPerson', personId: representativeId, legalBasis }).then([erased]);
    given([added, restricted]).when({ type: 'ForgetPerson', personId: representativeId, legalBasis }).then([erased]);
  });

  it('forgets a removed representative too', () =>
    given([added, { type: 'RepresentativeRemoved', data: { representativeId, organizationId } }])
      .when({ type: 'ForgetPerson', personId: representativeId, legalBasis })
      .then([erased]));

  it('refuses an unknown person, a second erasure or restriction, and a missing legal basis', () => {
    given([]).when({ type: 'ForgetPerson', personId: representativeId, legalBasis }).thenThrows(NotFound, 'PERSON_NOT_FOUND');
    given([added, erased]).when({ type: 'ForgetPerson', personId: representativeId, legalBasis }).thenThrows(InvalidState, 'PERSON_ALREADY_ERASED');
    given([added, erased]).when({ type: 'RestrictPerson', personId: representativeId, legalBasis }).thenThrows(InvalidState, 'PERSON_ALREADY_ERASED');
    given([added, restricted]).when({ type: 'RestrictPerson', personId: representativeId, legalBasis }).thenThrows(InvalidState, 'PERSON_ALREADY_RESTRICTED');
    given([added]).when({ type: 'ForgetPerson', personId: representativeId, legalBasis: '  ' }).thenThrows(InvalidInput, 'LEGAL_BASIS_REQUIRED');
  });

  it('lets only the secretariat restrict or forget', () =>
    given([added]).when({ type: 'ForgetPerson', personId: representativeId, legalBasis }, { actor: ngo }).thenThrows(Forbidden, 'SECRETARIAT_ONLY'));
});

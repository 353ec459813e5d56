import { Forbidden, InvalidInput, InvalidState, NotFound } from '@kom/kernel';
import { deciderSpec } from '@kom/kernel/testing';
import { identityKeyOf, identityLinkDecider, type IdentityLinkCommand } from './identity-link.decider';
import type { IdentityLinkEvent } from './identity-link.events';
import { unsealSubject } from './personal-data';
import type { RepresentativeState } from './representative.decider';

const given = deciderSpec(identityLinkDecider);
const dataKey = Buffer.alloc(32, 7).toString('base64');
const iv = Buffer.alloc(12, 3).toString('base64');
const current: RepresentativeState = { status: 'active', representativeId: 'rep-1', organizationId: 'org-rosa', restricted: false, erased: false };
const link: IdentityLinkCommand = {
  type: 'LinkRepresentativeIdentity',
  subject: ' rita ',
  representativeId: 'rep-1',
  organizationId: 'org-rosa',
  representative: current,
  holderCurrent: true,
  dataKey,
  iv,
};
const unlink: IdentityLinkCommand = { type: 'UnlinkRepresentativeIdentity', subject: 'rita', representativeId: 'rep-1' };
const ngo = { userId: 'rita', organizationId: 'org-rosa', role: 'NGO_REPRESENTATIVE' as const };

describe('identity link decider', () => {
  const linked = given([]).when(link).events()[0] as Extract<IdentityLinkEvent, { type: 'RepresentativeIdentityLinked' }>;

  it('links a subject to a representative, the subject sealed under the representative\'s key', () => {
    expect(linked.data).toEqual({ identityKey: identityKeyOf('rita'), representativeId: 'rep-1', organizationId: 'org-rosa', subject: expect.stringMatching(/^v1\./) });
    expect(JSON.stringify(linked)).not.toContain('rita');
    expect(unsealSubject(linked.data.subject, 'rep-1', Buffer.from(dataKey, 'base64'))).toBe('rita');
  });

  it('only the secretariat links identities', () =>
    given([]).when(link, { actor: ngo }).thenThrows(Forbidden, 'SECRETARIAT_ONLY'));

  it('refuses a representative of another organisation', () =>
    given([]).when({ ...link, organizationId: 'org-noas' }).thenThrows(InvalidInput, 'REPRESENTATIVE_OF_ANOTHER_ORGANIZATION'));

  it('refuses an unknown, a removed and an erased representative', () => {
    given([]).when({ ...link, representative: { status: 'none' } }).thenThrows(NotFound, 'REPRESENTATIVE_NOT_FOUND');
    given([]).when({ ...link, representative: { ...current, status: 'removed' } }).thenThrows(InvalidState, 'REPRESENTATIVE_ALREADY_REMOVED');
    given([]).when({ ...link, representative: { ...current, erased: true } }).thenThrows(InvalidState, 'PERSON_ALREADY_ERASED');
  });

  it('refuses an empty subject', () => given([]).when({ ...link, subject: '  ' }).thenThrows(InvalidInput, 'SUBJECT_REQUIRED'));

  it('links a subject to one representative at a time', () => {
    given([linked]).when(link).thenThrows(InvalidState, 'IDENTITY_ALREADY_LINKED');
    given([linked])
      .when({ ...link, representativeId: 'rep-2', representative: { ...current, representativeId: 'rep-2' } })
      .thenThrows(InvalidState, 'IDENTITY_LINKED_TO_ANOTHER_REPRESENTATIVE');
  });

  it('moves the subject on when its representative is no longer current', () =>
    given([linked])
      .when({ ...link, representativeId: 'rep-2', representative: { ...current, representativeId: 'rep-2' }, holderCurrent: false })
      .then([{ type: 'RepresentativeIdentityLinked', data: expect.objectContaining({ representativeId: 'rep-2' }) }]));

  it('unlinks, and refuses to unlink what is not linked', () => {
    given([linked]).when(unlink).then([{ type: 'RepresentativeIdentityUnlinked', data: { identityKey: identityKeyOf('rita'), representativeId: 'rep-1', organizationId: 'org-rosa' } }]);
    given([]).when(unlink).thenThrows(InvalidState, 'IDENTITY_NOT_LINKED');
    given([linked]).when({ ...unlink, representativeId: 'rep-2' }).thenThrows(InvalidState, 'IDENTITY_NOT_LINKED');
  });
});

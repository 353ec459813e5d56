import { createHash } from 'node:crypto';
import { Forbidden, InvalidInput, InvalidState, NotFound, assertNever, type Actor, type Decider } from '@kom/kernel';
import { DATA_KEY_BYTES, IV_BYTES, sealSubject } from './personal-data';
import type { IdentityLinkEvent } from './identity-link.events';
import type { RepresentativeState } from './representative.decider';

export type IdentityLinkCommand =
  | {
      type: 'LinkRepresentativeIdentity';
      subject: string;
      representativeId: string;
      /** The organisation the identity signs in for (its token's organisation claim). */
      organizationId: string;
      /** The representative's stream, folded (read in the same step). */
      representative: RepresentativeState;
      /** Whether the representative the subject is linked to now is still current (from the register); irrelevant when unlinked. */
      holderCurrent: boolean;
      /** The representative's data key (base64) from the key table, and a fresh IV (base64). */
      dataKey: string;
      iv: string;
    }
  | { type: 'UnlinkRepresentativeIdentity'; subject: string; representativeId: string };

export type IdentityLinkState =
  | { status: 'none' }
  | { status: 'linked' | 'unlinked'; identityKey: string; representativeId: string; organizationId: string };

export const initialState: IdentityLinkState = { status: 'none' };

const MAX_SUBJECT = 255;

/** The identity's stream key: a digest, so the stream's name does not spell the subject. */
export function identityKeyOf(subject: string): string {
  return createHash('sha256').update(subject, 'utf8').digest('hex').slice(0, 32);
}

export const identityStream = (subject: string) => `identity-${identityKeyOf(subject)}`;

export function evolve(state: IdentityLinkState, event: IdentityLinkEvent): IdentityLinkState {
  switch (event.type) {
    case 'RepresentativeIdentityLinked':
    case 'RepresentativeIdentityUnlinked':
      return {
        status: event.type === 'RepresentativeIdentityLinked' ? 'linked' : 'unlinked',
        identityKey: event.data.identityKey,
        representativeId: event.data.representativeId,
        organizationId: event.data.organizationId,
      };
    default:
      return assertNever(event);
  }
}

export function decide(command: IdentityLinkCommand, state: IdentityLinkState, { actor }: { actor: Actor }): IdentityLinkEvent[] {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat links sign-in identities to representatives');
  }
  const subject = cleanSubject(command.subject);
  const identityKey = identityKeyOf(subject);
  switch (command.type) {
    case 'LinkRepresentativeIdentity': {
      const representative = command.representative;
      if (representative.status === 'none') throw new NotFound('representative', command.representativeId);
      if (representative.erased) throw new InvalidState('PERSON_ALREADY_ERASED', `The personal data of ${command.representativeId} was erased`);
      if (representative.status === 'removed') throw new InvalidState('REPRESENTATIVE_ALREADY_REMOVED', `${command.representativeId} was removed`);
      if (representative.organizationId !== command.organizationId) {
        throw new InvalidInput(
          'REPRESENTATIVE_OF_ANOTHER_ORGANIZATION',
          `${command.representativeId} represents ${representative.organizationId}, not ${command.organizationId}`,
          'organizationId',
        );
      }
      if (state.status === 'linked') {
        if (state.representativeId === command.representativeId) {
          throw new InvalidState('IDENTITY_ALREADY_LINKED', 'This identity is already linked to this representative');
        }
        if (command.holderCurrent) {
          throw new InvalidState('IDENTITY_LINKED_TO_ANOTHER_REPRESENTATIVE', 'This identity is linked to another representative; unlink it first');
        }
      }
      const key = Buffer.from(command.dataKey, 'base64');
      const iv = Buffer.from(command.iv, 'base64');
      if (key.length !== DATA_KEY_BYTES || iv.length !== IV_BYTES) throw new InvalidInput('INVALID_DATA_KEY', 'Bad data key or IV');
      return [
        {
          type: 'RepresentativeIdentityLinked',
          data: {
            identityKey,
            representativeId: command.representativeId,
            organizationId: representative.organizationId,
            subject: sealSubject(subject, command.representativeId, key, iv),
          },
        },
      ];
    }
    case 'UnlinkRepresentativeIdentity':
      if (state.status !== 'linked' || state.representativeId !== command.representativeId) {
        throw new InvalidState('IDENTITY_NOT_LINKED', 'This identity is not linked to this representative');
      }
      return [{ type: 'RepresentativeIdentityUnlinked', data: { identityKey, representativeId: state.representativeId, organizationId: state.organizationId } }];
    default:
      return assertNever(command);
  }
}

function cleanSubject(raw: string): string {
  const subject = raw.trim();
  if (subject === '') throw new InvalidInput('SUBJECT_REQUIRED', 'Give the sign-in subject (the token\'s "sub")', 'subject');
  if (subject.length > MAX_SUBJECT || /\s/.test(subject)) {
    throw new InvalidInput('INVALID_SUBJECT', `A subject has at most ${MAX_SUBJECT} characters and no spaces`, 'subject');
  }
  return subject;
}

export const identityLinkDecider: Decider<IdentityLinkCommand, IdentityLinkEvent, IdentityLinkState> = { decide, evolve, initialState };

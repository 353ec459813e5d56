import { Forbidden, InvalidInput, InvalidState, NotFound, assertNever, type Actor, type Decider } from '@kom/kernel';
import { cleanText } from '@kom/kernel';
import { DATA_KEY_BYTES, IV_BYTES, seal, type RepresentativeDetails } from './personal-data';
import type { RepresentativeEvent } from './representative.events';

export type RepresentativeCommand =
  | {
      type: 'AddRepresentative';
      representativeId: string;
      organizationId: string;
      /** Looked up in the register by the handler. */
      organizationRegistered: boolean;
      name: string;
      email: string;
      /** The representative's data key (base64, 32 bytes), as kept in the key table (PERSONAL_DATA_KEYS), never in an event. */
      dataKey: string;
      /** A fresh random IV (base64, 12 bytes). */
      iv: string;
    }
  | { type: 'RemoveRepresentative'; representativeId: string }
  /** Hide the person's data from everyone but auditors, without deleting it (archive law). */
  | { type: 'RestrictPerson'; personId: string; legalBasis: string }
  /** Erase the person's data: the event records it, the handler shreds the key. */
  | { type: 'ForgetPerson'; personId: string; legalBasis: string };

export type RepresentativeState =
  | { status: 'none' }
  | {
      status: 'active' | 'removed';
      representativeId: string;
      organizationId: string;
      /** The person's data is hidden from all but auditors. */
      restricted: boolean;
      /** The person's data was erased (its key shredded). */
      erased: boolean;
    };

export const initialState: RepresentativeState = { status: 'none' };

const MAX_NAME = 200;
const MAX_LEGAL_BASIS = 2000;
const MAX_EMAIL = 254;
// Deliberately loose: one @, no spaces, a dot in the domain. Delivery is the real test.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function evolve(state: RepresentativeState, event: RepresentativeEvent): RepresentativeState {
  switch (event.type) {
    case 'RepresentativeAdded':
      return {
        status: 'active',
        representativeId: event.data.representativeId,
        organizationId: event.data.organizationId,
        restricted: false,
        erased: false,
      };
    case 'RepresentativeRemoved':
      return state.status === 'none' ? state : { ...state, status: 'removed' };
    case 'PersonalDataRestricted':
      return state.status === 'none' ? state : { ...state, restricted: true };
    case 'PersonalDataErased':
      return state.status === 'none' ? state : { ...state, erased: true };
    default:
      return assertNever(event);
  }
}

export function decide(command: RepresentativeCommand, state: RepresentativeState, { actor }: { actor: Actor }): RepresentativeEvent[] {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat keeps the register of representatives');
  }
  switch (command.type) {
    case 'AddRepresentative': {
      if (state.status !== 'none') throw new InvalidState('REPRESENTATIVE_ALREADY_ADDED', `${command.representativeId} exists`);
      if (!command.organizationRegistered) throw new NotFound('organization', command.organizationId);
      const details = cleanDetails(command);
      const key = Buffer.from(command.dataKey, 'base64');
      const iv = Buffer.from(command.iv, 'base64');
      if (key.length !== DATA_KEY_BYTES || iv.length !== IV_BYTES) throw new InvalidInput('INVALID_DATA_KEY', 'Bad data key or IV');
      return [
        {
          type: 'RepresentativeAdded',
          data: {
            representativeId: command.representativeId,
            organizationId: command.organizationId,
            details: seal(details, command.representativeId, key, iv),
          },
        },
      ];
    }
    case 'RemoveRepresentative':
      if (state.status === 'none') throw new NotFound('representative', command.representativeId);
      if (state.status === 'removed') throw new InvalidState('REPRESENTATIVE_ALREADY_REMOVED', `${command.representativeId} was removed`);
      return [{ type: 'RepresentativeRemoved', data: { representativeId: state.representativeId, organizationId: state.organizationId } }];
    case 'RestrictPerson':
    case 'ForgetPerson': {
      // Removed representatives too: removal ends the role, not the record of the person.
      if (state.status === 'none') throw new NotFound('person', command.personId);
      if (state.erased) throw new InvalidState('PERSON_ALREADY_ERASED', `The personal data of ${command.personId} was erased`);
      if (command.type === 'RestrictPerson' && state.restricted) {
        throw new InvalidState('PERSON_ALREADY_RESTRICTED', `The personal data of ${command.personId} is already restricted`);
      }
      const legalBasis = cleanLegalBasis(command.legalBasis);
      const data = { representativeId: state.representativeId, organizationId: state.organizationId, legalBasis };
      return [command.type === 'RestrictPerson' ? { type: 'PersonalDataRestricted', data } : { type: 'PersonalDataErased', data }];
    }
    default:
      return assertNever(command);
  }
}

function cleanDetails(raw: { name: string; email: string }): RepresentativeDetails {
  const name = cleanText(raw.name, 'name', 'one');
  const email = cleanText(raw.email, 'email', 'one');
  if (name === '') throw new InvalidInput('NAME_REQUIRED', 'A representative needs a name');
  if (name.length > MAX_NAME) throw new InvalidInput('NAME_TOO_LONG', `A name has at most ${MAX_NAME} characters`);
  if (email.length > MAX_EMAIL || !EMAIL.test(email)) throw new InvalidInput('INVALID_EMAIL', 'An e-mail address looks like name@example.org');
  return { name, email };
}

function cleanLegalBasis(raw: string): string {
  const legalBasis = cleanText(raw, 'legalBasis');
  if (legalBasis === '') throw new InvalidInput('LEGAL_BASIS_REQUIRED', 'Say on which legal basis (e.g. GDPR art. 17(1)(a))');
  if (legalBasis.length > MAX_LEGAL_BASIS) throw new InvalidInput('LEGAL_BASIS_TOO_LONG', `At most ${MAX_LEGAL_BASIS} characters`);
  return legalBasis;
}

export const representativeDecider: Decider<RepresentativeCommand, RepresentativeEvent, RepresentativeState> = {
  decide,
  evolve,
  initialState,
};

export const representativeStream = (representativeId: string) => `representative-${representativeId}`;

import { Forbidden, InvalidInput, InvalidState, assertNever, type Actor, type Decider } from '@kom/kernel';
import { DATA_KEY_ALGORITHM, DATA_KEY_BYTES } from './personal-data';
import type { PersonalDataKeyEvent } from './representative.events';

export type PersonalDataKeyCommand = { type: 'CreatePersonalDataKey'; subjectId: string; key: string };

export type PersonalDataKeyState = { status: 'none' } | { status: 'created'; subjectId: string };

export const initialState: PersonalDataKeyState = { status: 'none' };

export function evolve(_state: PersonalDataKeyState, event: PersonalDataKeyEvent): PersonalDataKeyState {
  switch (event.type) {
    case 'PersonalDataKeyCreated':
      return { status: 'created', subjectId: event.data.subjectId };
    default:
      return assertNever(event.type);
  }
}

export function decide(command: PersonalDataKeyCommand, state: PersonalDataKeyState, { actor }: { actor: Actor }): PersonalDataKeyEvent[] {
  if (actor.role !== 'SECRETARIAT' && actor.role !== 'SYSTEM') {
    throw new Forbidden('SECRETARIAT_ONLY', 'Only the KOM secretariat records personal data');
  }
  switch (command.type) {
    case 'CreatePersonalDataKey':
      // A key is made once and never replaced: data sealed under it must stay readable until erasure.
      if (state.status !== 'none') throw new InvalidState('PERSONAL_DATA_KEY_EXISTS', `${command.subjectId} already has a data key`);
      if (Buffer.from(command.key, 'base64').length !== DATA_KEY_BYTES) {
        throw new InvalidInput('INVALID_DATA_KEY', `A data key has ${DATA_KEY_BYTES} bytes`);
      }
      return [{ type: 'PersonalDataKeyCreated', data: { subjectId: command.subjectId, algorithm: DATA_KEY_ALGORITHM, key: command.key } }];
    default:
      return assertNever(command.type);
  }
}

export const personalDataKeyDecider: Decider<PersonalDataKeyCommand, PersonalDataKeyEvent, PersonalDataKeyState> = {
  decide,
  evolve,
  initialState,
};

export const PERSONAL_DATA_KEY_STREAM_PREFIX = 'personal-data-key-';

/**
 * The only place a subject's data key lives; the erasure of personal data deletes this stream.
 * Nothing else may keep a copy of these events' data (an audit trail records that a key was made,
 * never the key), or erasing the stream shreds nothing.
 */
export const personalDataKeyStream = (subjectId: string) => `${PERSONAL_DATA_KEY_STREAM_PREFIX}${subjectId}`;

export const isPersonalDataKeyStream = (streamId: string) => streamId.startsWith(PERSONAL_DATA_KEY_STREAM_PREFIX);

import { createHash } from 'node:crypto';
import { Forbidden, InvalidInput, assertNever, type Decider } from '@kom/kernel';
import type { PreferencesEvent } from './preferences.events';
import { MAX_DAYS_AHEAD, isTopic, type Cadence, type Language, type Topic } from './topics';

export type PreferencesCommand = {
  type: 'SetNotificationPreferences';
  topics: readonly string[];
  language: Language;
  cadence: Cadence;
  dueSoonDays: number;
  expiringDays: number;
  representativeId: string | null;
  /** Whose representative record that is, as the organisations register says (null: unknown). */
  representativeOrganizationId: string | null;
};

export type PreferencesState =
  | { status: 'none' }
  | { status: 'set'; data: PreferencesEvent['data'] };

export const initialState: PreferencesState = { status: 'none' };

/** One stream per person (organisation + user id), named by a hash so no user id shows in a stream name. */
export const preferencesStream = (organizationId: string, userId: string) =>
  `notification-preferences-${createHash('sha256').update(`${organizationId}\u0000${userId}`).digest('hex').slice(0, 32)}`;

export function evolve(_state: PreferencesState, event: PreferencesEvent): PreferencesState {
  switch (event.type) {
    case 'NotificationPreferencesSet':
      return { status: 'set', data: event.data };
    default:
      return assertNever(event.type);
  }
}

const sameChoice = (a: PreferencesEvent['data'], b: PreferencesEvent['data']) => JSON.stringify(a) === JSON.stringify(b);

export function decide(command: PreferencesCommand, state: PreferencesState, { actor }: { actor: { userId: string; organizationId: string; role: string } }): PreferencesEvent[] {
  switch (command.type) {
    case 'SetNotificationPreferences': {
      if (actor.role === 'SYSTEM') throw new Forbidden('PERSON_ONLY', 'Preferences belong to a person');
      const unknown = command.topics.filter((t) => !isTopic(t));
      if (unknown.length > 0) throw new InvalidInput('UNKNOWN_TOPIC', `Unknown topics: ${unknown.join(', ')}`, 'input.topics');
      for (const [field, days] of [['dueSoonDays', command.dueSoonDays], ['expiringDays', command.expiringDays]] as const) {
        if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS_AHEAD) {
          throw new InvalidInput('DAYS_OUT_OF_RANGE', `${field} must be 1 to ${MAX_DAYS_AHEAD}`, `input.${field}`);
        }
      }
      if (command.representativeId !== null && command.representativeOrganizationId !== actor.organizationId) {
        // Someone else's representative record (or none): a person receives mail only at their own organisation's.
        throw new InvalidInput('NOT_OWN_REPRESENTATIVE', 'The e-mail address must be one of your organisation\'s representatives', 'input.representativeId');
      }
      const topics = [...new Set(command.topics as Topic[])].sort();
      const data: PreferencesEvent['data'] = {
        userId: actor.userId,
        organizationId: actor.organizationId,
        role: actor.role,
        representativeId: command.representativeId,
        topics,
        language: command.language,
        cadence: command.cadence,
        dueSoonDays: command.dueSoonDays,
        expiringDays: command.expiringDays,
      };
      if (state.status === 'set' && sameChoice(state.data, data)) return [];
      return [{ type: 'NotificationPreferencesSet', data }];
    }
    default:
      return assertNever(command.type);
  }
}

export const preferencesDecider: Decider<PreferencesCommand, PreferencesEvent, PreferencesState> = { decide, evolve, initialState };

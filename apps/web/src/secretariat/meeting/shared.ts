import type { Position, SecretariatMeetingQuery, SecretariatMeetingRecordFragment } from '../../gql/graphql';
import { refusalOf } from '../../apollo/refusal';
import type { Translate } from '../../i18n/translate';
import type { PlanChoice } from '../../components/measure-catalogue';

export type MeetingRecord = SecretariatMeetingRecordFragment;
export type AgendaItem = NonNullable<MeetingRecord['agenda']>[number];
export type Decision = MeetingRecord['decisions'][number];
export type ActionItem = MeetingRecord['actionItems'][number];
export type PositionLabels = SecretariatMeetingQuery['positions'];
export interface Org {
  readonly id: string;
  readonly name: string;
}
export interface BodyMeeting {
  readonly id: string;
  readonly title: string;
  readonly startsAt: string;
  readonly status: string;
  readonly statusLabel: string;
}

/** What every part of the meeting page needs to know about the meeting and its surroundings. */
export interface MeetingContext {
  readonly meeting: MeetingRecord;
  /** Organisation names by id. */
  readonly names: ReadonlyMap<string, string>;
  /** Members of the meeting's body on its date. */
  readonly members: readonly Org[];
  /** Organisations present, by name. */
  readonly attendees: readonly Org[];
  readonly plans: readonly PlanChoice[];
  readonly positionLabels: PositionLabels;
  /** Meetings of the same body, by start time. */
  readonly bodyMeetings: readonly BodyMeeting[];
  /** The minutes are approved: the record is closed, nothing is offered for change. */
  readonly readOnly: boolean;
  /** Tells the reader what just happened (a polite live region). */
  readonly announce: (text: string) => void;
  readonly refresh: () => Promise<unknown>;
}

export const POSITIONS: readonly Position[] = ['SUPPORTS', 'OBJECTS', 'ABSTAINS'];

/** The server's refusal in the reader's words. */
export function refusalText(t: Translate, error: unknown): string {
  return t.maybe(`refusal.${refusalOf(error)?.reason}`) ?? t('refusal.generic');
}

export function isConflict(error: unknown): boolean {
  return refusalOf(error)?.code === 'CONFLICT';
}

/** A key that makes a retried write count once (crypto.randomUUID needs a secure context; a LAN demo may not be one). */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

import { osloParts } from '../i18n/format';

export type Body = 'PROJECT_GROUP' | 'REFERENCE_GROUP' | 'JOINT';

export interface Membership {
  readonly groupKind: 'PROJECT_GROUP' | 'REFERENCE_GROUP';
  /** First day, YYYY-MM-DD. */
  readonly from: string;
  /** First day no longer a member; null while a member. */
  readonly to: string | null;
}

export interface ComingMeeting {
  readonly id: string;
  readonly kind: Body;
  readonly startsAt: string;
  readonly status: string;
}

/** The groups whose members sit in a body's meeting: a joint meeting is both groups together. */
const GROUPS_OF: Readonly<Record<Body, readonly Membership['groupKind'][]>> = {
  PROJECT_GROUP: ['PROJECT_GROUP'],
  REFERENCE_GROUP: ['REFERENCE_GROUP'],
  JOINT: ['PROJECT_GROUP', 'REFERENCE_GROUP'],
};

/** Whether the organisation belongs to the meeting's body on the meeting's Oslo date. */
export function memberOn(meeting: Pick<ComingMeeting, 'kind' | 'startsAt'>, memberships: readonly Membership[]): boolean {
  const { day } = osloParts(meeting.startsAt);
  return memberships.some((m) => GROUPS_OF[meeting.kind].includes(m.groupKind) && m.from <= day && (m.to === null || day < m.to));
}

/**
 * The meetings an organisation may propose items for: still to come (not started, held or
 * cancelled) and of a body it belongs to on the day. The server checks the same and is the authority.
 */
export function proposableMeetings<M extends ComingMeeting>(meetings: readonly M[], memberships: readonly Membership[], now: Date): M[] {
  return meetings
    .filter((m) => m.status !== 'CANCELLED' && m.status !== 'HELD' && Date.parse(m.startsAt) > now.getTime() && memberOn(m, memberships))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** A key that makes a retried send count once (crypto.randomUUID needs a secure context; a LAN demo may not be one). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

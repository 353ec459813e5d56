import type { EventStore } from '@kom/event-store';
import { loadStream } from '@kom/platform';
import type { OtherMeeting } from '../domain/meeting.commands';
import { meetingDecider, meetingStream, type Meeting, type MeetingState } from '../domain/meeting.decider';
import type { MeetingKind } from '../domain/meeting.events';
import type { MembershipLookup } from './ports';

/**
 * Facts the custom handlers gather before they decide. A meeting's own facts come from its stream
 * (authoritative); only what needs a search over all meetings comes from the read models.
 */
export async function loadMeeting(store: EventStore, meetingId: string): Promise<MeetingState> {
  return (await loadStream(store, meetingDecider, meetingStream(meetingId))).state;
}

export function asOtherMeeting(m: Meeting): OtherMeeting {
  return { meetingId: m.meetingId, kind: m.kind, startsAt: m.startsAt, status: m.status };
}

/** The organisations that belonged to the meeting's body on a date; both groups for a joint meeting. */
export async function bodyMembersOn(lookup: MembershipLookup, kind: MeetingKind, date: string): Promise<string[]> {
  const groups = kind === 'JOINT' ? (['PROJECT_GROUP', 'REFERENCE_GROUP'] as const) : ([kind] as const);
  const lists = await Promise.all(groups.map((group) => lookup.membersOn(group, date)));
  return [...new Set(lists.flat())];
}

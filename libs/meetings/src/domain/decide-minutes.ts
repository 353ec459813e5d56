import { InvalidInput, InvalidState } from '@kom/kernel';
import type { OtherMeeting } from './meeting.commands';
import type { MeetingEvent } from './meeting.events';
import type { Meeting } from './meeting.state';
import { type Cmd, MAX_MINUTES, held, notApproved, requiredText } from './meeting-rules';

/** Minutes drafted at a held meeting, approved at the next one of the same body (specs: meeting-minutes.decider.spec.ts). */
export function recordMinutes(c: Cmd<'RecordMinutes'>, m: Meeting): MeetingEvent[] {
  notApproved(m);
  const text = requiredText(c.text, MAX_MINUTES, 'text', 'MINUTES_TEXT_REQUIRED');
  if (m.minutes.status === 'draft' && m.minutes.text === text) return [];
  return [{ type: 'MinutesDrafted', data: { meetingId: m.meetingId, text } }];
}

/**
 * Minutes are approved by the next meeting of the same body: the approving meeting is of the
 * same kind, starts later, is not cancelled, has been held (its attendance is recorded, so it
 * could approve), and is the first such meeting after this one (the handler looks it up).
 */
export function approveMinutes(c: Cmd<'ApproveMinutes'>, m: Meeting): MeetingEvent[] {
  held(m);
  notApproved(m);
  if (m.minutes.status !== 'draft') throw new InvalidState('MINUTES_NOT_DRAFTED', 'There are no minutes to approve yet');
  const approving: OtherMeeting = c.approvingMeeting;
  if (approving.kind !== m.kind) {
    throw new InvalidInput('APPROVING_MEETING_OTHER_BODY', 'Minutes are approved by a meeting of the same body');
  }
  if (approving.meetingId === m.meetingId || Date.parse(approving.startsAt) <= Date.parse(m.startsAt)) {
    throw new InvalidInput('APPROVING_MEETING_NOT_LATER', 'Minutes are approved at a later meeting');
  }
  if (approving.status === 'CANCELLED') throw new InvalidState('APPROVING_MEETING_CANCELLED', `Meeting ${approving.meetingId} was cancelled`);
  if (approving.status !== 'HELD') {
    throw new InvalidState('APPROVING_MEETING_NOT_HELD', `Meeting ${approving.meetingId} has not been held (no attendance recorded)`);
  }
  if (c.nextMeetingOfBody === null || c.nextMeetingOfBody.meetingId !== approving.meetingId) {
    throw new InvalidInput('APPROVING_MEETING_NOT_NEXT', 'Minutes are approved by the next meeting of the same body');
  }
  return [{ type: 'MinutesApproved', data: { meetingId: m.meetingId, approvedAtMeetingId: approving.meetingId } }];
}

import { InvalidInput, InvalidState } from '@kom/kernel';
import type { MeetingEvent } from './meeting.events';
import type { Meeting } from './meeting.state';
import { type Cmd, notApproved, sameSet } from './meeting-rules';

/** Who attended: the meeting is held from then on (specs: meeting.decider.spec.ts). */
export function recordAttendance(c: Cmd<'RecordAttendance'>, m: Meeting, now: Date): MeetingEvent[] {
  if (m.status === 'SCHEDULED') throw new InvalidState('AGENDA_NOT_PUBLISHED', 'Attendance is recorded at a meeting with a published agenda');
  notApproved(m);
  if (now.getTime() < Date.parse(m.startsAt)) throw new InvalidState('MEETING_NOT_STARTED', 'Attendance is recorded once the meeting has started');
  const organizationIds = [...c.organizationIds];
  if (organizationIds.length === 0) throw new InvalidInput('ATTENDANCE_EMPTY', 'At least one organisation attends a held meeting');
  const seen = new Set<string>();
  for (const organizationId of organizationIds) {
    if (seen.has(organizationId)) throw new InvalidInput('ATTENDEE_LISTED_TWICE', `${organizationId} is listed twice`);
    seen.add(organizationId);
    if (!c.members.organizationIds.includes(organizationId)) {
      throw new InvalidInput('ATTENDEE_NOT_A_MEMBER', `Organisation ${organizationId} was not a member of the meeting's body on the meeting date`);
    }
  }
  // A correction may not drop an organisation whose position is on record.
  for (const decision of m.decisions) {
    for (const organizationId of Object.keys(decision.positions)) {
      if (!seen.has(organizationId)) {
        throw new InvalidState('ATTENDEE_HAS_POSITIONS', `Organisation ${organizationId} has a recorded position and stays in the attendance`);
      }
    }
  }
  if (m.status === 'HELD' && sameSet(organizationIds, m.attendance)) return [];
  return [{ type: 'AttendanceRecorded', data: { meetingId: m.meetingId, organizationIds } }];
}

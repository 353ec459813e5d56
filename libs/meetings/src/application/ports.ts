import type { MeetingKind } from '../domain/meeting.events';
import type { OtherMeeting } from '../domain/meeting.commands';

export type { OtherMeeting } from '../domain/meeting.commands';

/** The two standing groups of KOM; a JOINT meeting is a meeting of both. */
export type GroupKind = 'PROJECT_GROUP' | 'REFERENCE_GROUP';

/**
 * Who belonged to a group on a date. Bound by the application (apps/api) to
 * @kom/organizations' group-membership queries.
 *
 * - `date` is a calendar date `YYYY-MM-DD`: the meeting's date in Europe/Oslo.
 * - Returns the organisation ids that were members of the group on that date (order irrelevant).
 * - For a JOINT meeting the RecordAttendance handler asks for both groups and unions them.
 */
export interface MembershipLookup {
  membersOn(groupKind: GroupKind, date: string): Promise<string[]> | string[];
}

export const MEMBERSHIP_LOOKUP = Symbol.for('kom.meetings.MembershipLookup');

/** What the write side needs to know about a decision recorded at some meeting. */
export interface DecisionFacts {
  readonly decisionId: string;
  /** The meeting whose stream holds the DecisionRecorded event. */
  readonly meetingId: string;
  /** DecisionRecorded.data.supersedes: the decision this one was recorded to replace, or null. */
  readonly supersedes: string | null;
}

/**
 * Facts about other meetings and their decisions, answered from the meetings read models.
 * IMPLEMENTED BY THE READ SIDE (libs/meetings/src/read-models), provided in MeetingsModule as
 * `{ provide: MEETING_LOOKUP, useExisting: <the queries class> }` (or useClass/useFactory).
 *
 * The command handlers use it to fill the outside facts of ApproveMinutes and SupersedeDecision;
 * the decider then checks every rule against them again, so a lookup only has to be faithful to
 * the read models, not to enforce anything. Methods may be synchronous (better-sqlite3) or async.
 *
 * `OtherMeeting.status` maps the meeting's state: SCHEDULED (agenda not published),
 * PUBLISHED (agenda published), HELD (attendance recorded), CANCELLED (MeetingCancelled seen).
 * `startsAt` is the current ISO instant (after any MeetingRescheduled).
 */
export interface MeetingLookup {
  /**
   * The meeting as the read models show it; undefined when unknown. (The handlers read a meeting
   * they know by id from its own stream; this is for callers that only have the read side.)
   */
  meeting(meetingId: string): Promise<OtherMeeting | undefined> | OtherMeeting | undefined;

  /**
   * The next meeting of the same body: the meeting with this `kind` (exactly: a JOINT meeting is
   * not the next PROJECT_GROUP meeting and vice versa) whose startsAt is strictly after `after`,
   * that is NOT cancelled, with the earliest startsAt (ties broken by meetingId). Undefined when
   * there is none. Its status may be anything but CANCELLED (the decider decides what it accepts).
   */
  nextMeetingOfBody(kind: MeetingKind, after: string): Promise<OtherMeeting | undefined> | OtherMeeting | undefined;

  /** The decision with this id, at whichever meeting it was recorded; undefined when unknown. */
  decision(decisionId: string): Promise<DecisionFacts | undefined> | DecisionFacts | undefined;
}

export const MEETING_LOOKUP = Symbol.for('kom.meetings.MeetingLookup');

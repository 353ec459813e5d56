import { osloDate } from '@kom/kernel';
import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CommandPath, KomCommand, type CommandOutcome } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';
import { bodyMembersOn, loadMeeting } from './meeting-facts';
import { MEMBERSHIP_LOOKUP, type MembershipLookup } from './ports';

/** What the caller says: who attended. The body's members are looked up, never taken from input. */
export type RecordAttendanceRequest = Omit<Extract<MeetingCommand, { type: 'RecordAttendance' }>, 'members'>;

export class RecordAttendanceCommand extends KomCommand<RecordAttendanceRequest, MeetingEvent, MeetingState> {}

/**
 * Looks up the members of the meeting's body on the meeting date (Europe/Oslo; both groups for a
 * joint meeting) through MEMBERSHIP_LOOKUP, then decides. Members are looked up before each run
 * of the command path; a meeting rescheduled to another date in the same instant is the only race,
 * and the next correction of the attendance settles it.
 */
@Injectable()
@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler implements ICommandHandler<RecordAttendanceCommand, CommandOutcome<MeetingEvent, MeetingState>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEMBERSHIP_LOOKUP) private readonly memberships: MembershipLookup,
  ) {}

  async execute({ payload, meta }: RecordAttendanceCommand): Promise<CommandOutcome<MeetingEvent, MeetingState>> {
    const meeting = await loadMeeting(this.store, payload.meetingId);
    // An unknown meeting: the decider refuses it (MEETING_NOT_FOUND) whatever the members.
    const organizationIds = meeting.status === 'none' ? [] : await bodyMembersOn(this.memberships, meeting.kind, osloDate(meeting.startsAt));
    return this.path.execute(meetingDecider, meetingStream(payload.meetingId), { ...payload, members: { organizationIds } }, meta);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@kom/kernel';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CommandPath, KomCommand, type CommandOutcome } from '@kom/platform';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';
import { asOtherMeeting, loadMeeting } from './meeting-facts';
import { MEETING_LOOKUP, type MeetingLookup } from './ports';

/** Approve the minutes of `meetingId` at the meeting `approvingMeetingId`. */
export interface ApproveMinutesRequest {
  readonly type: 'ApproveMinutes';
  readonly meetingId: string;
  readonly approvingMeetingId: string;
}

export class ApproveMinutesCommand extends KomCommand<ApproveMinutesRequest, MeetingEvent, MeetingState> {}

/**
 * Gathers the approving meeting (from its own stream) and the next meeting of the same body
 * (MEETING_LOOKUP over the read models), then lets the decider check that they are one and the
 * same, of the same kind, later, not cancelled and held.
 */
@Injectable()
@CommandHandler(ApproveMinutesCommand)
export class ApproveMinutesHandler implements ICommandHandler<ApproveMinutesCommand, CommandOutcome<MeetingEvent, MeetingState>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEETING_LOOKUP) private readonly meetings: MeetingLookup,
  ) {}

  async execute({ payload, meta }: ApproveMinutesCommand): Promise<CommandOutcome<MeetingEvent, MeetingState>> {
    const meeting = await loadMeeting(this.store, payload.meetingId);
    if (meeting.status === 'none') throw new NotFound('meeting', payload.meetingId);
    const approving = await loadMeeting(this.store, payload.approvingMeetingId);
    if (approving.status === 'none') throw new NotFound('meeting', payload.approvingMeetingId);
    const next = (await this.meetings.nextMeetingOfBody(meeting.kind, meeting.startsAt)) ?? null;
    return this.path.execute(
      meetingDecider,
      meetingStream(payload.meetingId),
      { type: 'ApproveMinutes', meetingId: payload.meetingId, approvingMeeting: asOtherMeeting(approving), nextMeetingOfBody: next },
      meta,
    );
  }
}

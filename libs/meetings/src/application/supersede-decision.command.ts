import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFound } from '@kom/kernel';
import { EVENT_STORE, type EventStore } from '@kom/event-store';
import { CommandPath, KomCommand, type CommandOutcome } from '@kom/platform';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';
import { asOtherMeeting, loadMeeting } from './meeting-facts';
import { MEETING_LOOKUP, type MeetingLookup } from './ports';

/**
 * Mark `decisionId` superseded by `supersededByDecisionId`, a decision already recorded at a later
 * meeting with `supersedes: decisionId`. `meetingId` is the old decision's meeting; when omitted
 * it is looked up.
 */
export interface SupersedeDecisionRequest {
  readonly type: 'SupersedeDecision';
  readonly meetingId?: string | null;
  readonly decisionId: string;
  readonly supersededByDecisionId: string;
}

export class SupersedeDecisionCommand extends KomCommand<SupersedeDecisionRequest, MeetingEvent, MeetingState> {}

/**
 * Finds the replacing decision's meeting through MEETING_LOOKUP, reads that decision from the
 * meeting's own stream (what it supersedes, the meeting's kind and time), then decides on the old
 * decision's stream. The two decisions are linked both ways: DecisionRecorded.supersedes on the
 * new meeting, DecisionSuperseded on the old.
 */
@Injectable()
@CommandHandler(SupersedeDecisionCommand)
export class SupersedeDecisionHandler implements ICommandHandler<SupersedeDecisionCommand, CommandOutcome<MeetingEvent, MeetingState>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MEETING_LOOKUP) private readonly meetings: MeetingLookup,
  ) {}

  async execute({ payload, meta }: SupersedeDecisionCommand): Promise<CommandOutcome<MeetingEvent, MeetingState>> {
    const meetingId = payload.meetingId ?? (await this.meetings.decision(payload.decisionId))?.meetingId;
    if (!meetingId) throw new NotFound('decision', payload.decisionId);

    const found = await this.meetings.decision(payload.supersededByDecisionId);
    if (!found) throw new NotFound('decision', payload.supersededByDecisionId);
    const replacingMeeting = await loadMeeting(this.store, found.meetingId);
    const replacing = replacingMeeting.status === 'none' ? undefined : replacingMeeting.decisions.find((d) => d.decisionId === payload.supersededByDecisionId);
    if (replacingMeeting.status === 'none' || !replacing) throw new NotFound('decision', payload.supersededByDecisionId);

    return this.path.execute(
      meetingDecider,
      meetingStream(meetingId),
      {
        type: 'SupersedeDecision',
        meetingId,
        decisionId: payload.decisionId,
        supersededBy: {
          decisionId: replacing.decisionId,
          supersedes: replacing.supersedes,
          status: replacing.status,
          meeting: asOtherMeeting(replacingMeeting),
        },
      },
      meta,
    );
  }
}

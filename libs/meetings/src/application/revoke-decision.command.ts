import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type RevokeDecision = Extract<MeetingCommand, { type: 'RevokeDecision' }>;

export class RevokeDecisionCommand extends KomCommand<RevokeDecision, MeetingEvent, MeetingState> {}

@CommandHandler(RevokeDecisionCommand)
export class RevokeDecisionHandler extends DeciderHandler(meetingDecider, (c: RevokeDecision) => meetingStream(c.meetingId)) {}

import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type FlagDecisionResearchNeed = Extract<MeetingCommand, { type: 'FlagDecisionResearchNeed' }>;

export class FlagDecisionResearchNeedCommand extends KomCommand<FlagDecisionResearchNeed, MeetingEvent, MeetingState> {}

@CommandHandler(FlagDecisionResearchNeedCommand)
export class FlagDecisionResearchNeedHandler extends DeciderHandler(meetingDecider, (c: FlagDecisionResearchNeed) => meetingStream(c.meetingId)) {}

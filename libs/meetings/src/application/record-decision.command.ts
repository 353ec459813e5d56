import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type RecordDecision = Extract<MeetingCommand, { type: 'RecordDecision' }>;

export class RecordDecisionCommand extends KomCommand<RecordDecision, MeetingEvent, MeetingState> {}

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler extends DeciderHandler(meetingDecider, (c: RecordDecision) => meetingStream(c.meetingId)) {}

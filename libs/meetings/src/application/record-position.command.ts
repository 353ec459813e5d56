import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type RecordPosition = Extract<MeetingCommand, { type: 'RecordPosition' }>;

export class RecordPositionCommand extends KomCommand<RecordPosition, MeetingEvent, MeetingState> {}

@CommandHandler(RecordPositionCommand)
export class RecordPositionHandler extends DeciderHandler(meetingDecider, (c: RecordPosition) => meetingStream(c.meetingId)) {}

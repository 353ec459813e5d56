import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type RecordMinutes = Extract<MeetingCommand, { type: 'RecordMinutes' }>;

export class RecordMinutesCommand extends KomCommand<RecordMinutes, MeetingEvent, MeetingState> {}

@CommandHandler(RecordMinutesCommand)
export class RecordMinutesHandler extends DeciderHandler(meetingDecider, (c: RecordMinutes) => meetingStream(c.meetingId)) {}

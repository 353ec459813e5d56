import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type RescheduleMeeting = Extract<MeetingCommand, { type: 'RescheduleMeeting' }>;

export class RescheduleMeetingCommand extends KomCommand<RescheduleMeeting, MeetingEvent, MeetingState> {}

@CommandHandler(RescheduleMeetingCommand)
export class RescheduleMeetingHandler extends DeciderHandler(meetingDecider, (c: RescheduleMeeting) => meetingStream(c.meetingId)) {}

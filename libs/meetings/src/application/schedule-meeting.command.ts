import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type ScheduleMeeting = Extract<MeetingCommand, { type: 'ScheduleMeeting' }>;

export class ScheduleMeetingCommand extends KomCommand<ScheduleMeeting, MeetingEvent, MeetingState> {}

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler extends DeciderHandler(meetingDecider, (c: ScheduleMeeting) => meetingStream(c.meetingId)) {}

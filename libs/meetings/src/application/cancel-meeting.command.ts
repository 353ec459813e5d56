import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type CancelMeeting = Extract<MeetingCommand, { type: 'CancelMeeting' }>;

export class CancelMeetingCommand extends KomCommand<CancelMeeting, MeetingEvent, MeetingState> {}

@CommandHandler(CancelMeetingCommand)
export class CancelMeetingHandler extends DeciderHandler(meetingDecider, (c: CancelMeeting) => meetingStream(c.meetingId)) {}

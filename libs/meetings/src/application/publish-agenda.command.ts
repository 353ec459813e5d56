import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type PublishAgenda = Extract<MeetingCommand, { type: 'PublishAgenda' }>;

export class PublishAgendaCommand extends KomCommand<PublishAgenda, MeetingEvent, MeetingState> {}

@CommandHandler(PublishAgendaCommand)
export class PublishAgendaHandler extends DeciderHandler(meetingDecider, (c: PublishAgenda) => meetingStream(c.meetingId)) {}

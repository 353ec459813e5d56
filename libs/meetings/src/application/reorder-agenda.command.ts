import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type ReorderAgenda = Extract<MeetingCommand, { type: 'ReorderAgenda' }>;

export class ReorderAgendaCommand extends KomCommand<ReorderAgenda, MeetingEvent, MeetingState> {}

@CommandHandler(ReorderAgendaCommand)
export class ReorderAgendaHandler extends DeciderHandler(meetingDecider, (c: ReorderAgenda) => meetingStream(c.meetingId)) {}

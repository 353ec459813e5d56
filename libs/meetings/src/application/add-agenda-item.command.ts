import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type AddAgendaItem = Extract<MeetingCommand, { type: 'AddAgendaItem' }>;

export class AddAgendaItemCommand extends KomCommand<AddAgendaItem, MeetingEvent, MeetingState> {}

@CommandHandler(AddAgendaItemCommand)
export class AddAgendaItemHandler extends DeciderHandler(meetingDecider, (c: AddAgendaItem) => meetingStream(c.meetingId)) {}

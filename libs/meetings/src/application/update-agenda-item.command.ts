import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type UpdateAgendaItem = Extract<MeetingCommand, { type: 'UpdateAgendaItem' }>;

export class UpdateAgendaItemCommand extends KomCommand<UpdateAgendaItem, MeetingEvent, MeetingState> {}

@CommandHandler(UpdateAgendaItemCommand)
export class UpdateAgendaItemHandler extends DeciderHandler(meetingDecider, (c: UpdateAgendaItem) => meetingStream(c.meetingId)) {}

import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type RemoveAgendaItem = Extract<MeetingCommand, { type: 'RemoveAgendaItem' }>;

export class RemoveAgendaItemCommand extends KomCommand<RemoveAgendaItem, MeetingEvent, MeetingState> {}

@CommandHandler(RemoveAgendaItemCommand)
export class RemoveAgendaItemHandler extends DeciderHandler(meetingDecider, (c: RemoveAgendaItem) => meetingStream(c.meetingId)) {}

import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type CompleteActionItem = Extract<MeetingCommand, { type: 'CompleteActionItem' }>;

export class CompleteActionItemCommand extends KomCommand<CompleteActionItem, MeetingEvent, MeetingState> {}

@CommandHandler(CompleteActionItemCommand)
export class CompleteActionItemHandler extends DeciderHandler(meetingDecider, (c: CompleteActionItem) => meetingStream(c.meetingId)) {}

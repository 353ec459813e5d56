import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type CancelActionItem = Extract<MeetingCommand, { type: 'CancelActionItem' }>;

export class CancelActionItemCommand extends KomCommand<CancelActionItem, MeetingEvent, MeetingState> {}

@CommandHandler(CancelActionItemCommand)
export class CancelActionItemHandler extends DeciderHandler(meetingDecider, (c: CancelActionItem) => meetingStream(c.meetingId)) {}

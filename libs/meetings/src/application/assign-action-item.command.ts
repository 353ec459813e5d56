import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type AssignActionItem = Extract<MeetingCommand, { type: 'AssignActionItem' }>;

export class AssignActionItemCommand extends KomCommand<AssignActionItem, MeetingEvent, MeetingState> {}

@CommandHandler(AssignActionItemCommand)
export class AssignActionItemHandler extends DeciderHandler(meetingDecider, (c: AssignActionItem) => meetingStream(c.meetingId)) {}

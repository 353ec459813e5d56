import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import type { MeetingCommand } from '../domain/meeting.commands';
import type { MeetingEvent } from '../domain/meeting.events';
import { meetingDecider, meetingStream, type MeetingState } from '../domain/meeting.decider';

type ReportActionItemProgress = Extract<MeetingCommand, { type: 'ReportActionItemProgress' }>;

export class ReportActionItemProgressCommand extends KomCommand<ReportActionItemProgress, MeetingEvent, MeetingState> {}

@CommandHandler(ReportActionItemProgressCommand)
export class ReportActionItemProgressHandler extends DeciderHandler(meetingDecider, (c: ReportActionItemProgress) => meetingStream(c.meetingId)) {}

import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { statusReportDecider, statusReportStream, type StatusReportCommand } from '../domain/status-report.decider';

type Cmd = Extract<StatusReportCommand, { type: 'WriteStatusReportChapter' }>;

export class WriteStatusReportChapterCommand extends KomCommand<Cmd> {}

@CommandHandler(WriteStatusReportChapterCommand)
export class WriteStatusReportChapterHandler extends DeciderHandler(statusReportDecider, (c: Cmd) => statusReportStream(c.year)) {}

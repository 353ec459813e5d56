import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { statusReportDecider, statusReportStream, type StatusReportCommand } from '../domain/status-report.decider';

type Cmd = Extract<StatusReportCommand, { type: 'RecordStatusReportFigures' }>;

export class RecordStatusReportFiguresCommand extends KomCommand<Cmd> {}

@CommandHandler(RecordStatusReportFiguresCommand)
export class RecordStatusReportFiguresHandler extends DeciderHandler(statusReportDecider, (c: Cmd) => statusReportStream(c.year)) {}

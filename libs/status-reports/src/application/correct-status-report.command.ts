import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { statusReportDecider, statusReportStream, type StatusReportCommand } from '../domain/status-report.decider';

type Cmd = Extract<StatusReportCommand, { type: 'CorrectStatusReport' }>;

export class CorrectStatusReportCommand extends KomCommand<Cmd> {}

@CommandHandler(CorrectStatusReportCommand)
export class CorrectStatusReportHandler extends DeciderHandler(statusReportDecider, (c: Cmd) => statusReportStream(c.year)) {}

import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { statusReportDecider, statusReportStream, type StatusReportCommand } from '../domain/status-report.decider';

type Cmd = Extract<StatusReportCommand, { type: 'PublishStatusReport' }>;

export class PublishStatusReportCommand extends KomCommand<Cmd> {}

@CommandHandler(PublishStatusReportCommand)
export class PublishStatusReportHandler extends DeciderHandler(statusReportDecider, (c: Cmd) => statusReportStream(c.year)) {}

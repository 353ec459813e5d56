import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { statusReportDecider, statusReportStream, type StatusReportCommand } from '../domain/status-report.decider';

type Draft = Extract<StatusReportCommand, { type: 'DraftStatusReport' }>;

export class DraftStatusReportCommand extends KomCommand<Draft> {}

@CommandHandler(DraftStatusReportCommand)
export class DraftStatusReportHandler extends DeciderHandler(statusReportDecider, (c: Draft) => statusReportStream(c.year)) {}

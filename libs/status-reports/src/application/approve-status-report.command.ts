import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPath, KomCommand, type CommandOutcome } from '@kom/platform';
import { statusReportDecider, statusReportStream, type StatusReportCommand, type StatusReportState } from '../domain/status-report.decider';
import type { StatusReportEvent } from '../domain/status-report.events';
import { STATUS_REPORT_DECISIONS, type DecisionFacts } from './ports';

type Outcome = CommandOutcome<StatusReportEvent, StatusReportState>;
type Approve = Extract<StatusReportCommand, { type: 'ApproveStatusReport' }>;

export class ApproveStatusReportCommand extends KomCommand<Omit<Approve, 'decision'>, StatusReportEvent, StatusReportState> {}

/** Looks the cited decision up on the meetings read side; the decider checks it. */
@CommandHandler(ApproveStatusReportCommand)
export class ApproveStatusReportHandler implements ICommandHandler<ApproveStatusReportCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(STATUS_REPORT_DECISIONS) private readonly decisions: DecisionFacts,
  ) {}

  async execute({ payload, meta }: ApproveStatusReportCommand): Promise<Outcome> {
    const decision = (await this.decisions.decision(payload.decisionId.trim())) ?? null;
    const command: Approve = { ...payload, decision };
    return this.path.execute(statusReportDecider, statusReportStream(command.year), command, meta);
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPath, KomCommand } from '@kom/platform';
import type { AgreementCommand } from '../domain/agreement.commands';
import { agreementDecider } from '../domain/agreement.decider';
import type { AgreementEvent } from '../domain/agreement.events';
import type { AgreementState } from '../domain/agreement.state';
import { streamOf, type Of, type Outcome, type PartyRequest } from './agreement-command-path';
import { lookUpDecisions, lookUpParties } from './facts';
import { DECISION_DIRECTORY, ORGANIZATION_DIRECTORY, type DecisionDirectory, type OrganizationDirectory } from './ports';

export type DraftAgreementRequest = Omit<Of<'DraftAgreement'>, 'parties' | 'citedDecisions'> & {
  readonly parties: readonly PartyRequest[];
  readonly citedDecisionIds?: readonly string[];
};

export class DraftAgreementCommand extends KomCommand<DraftAgreementRequest, AgreementEvent, AgreementState> {}

@CommandHandler(DraftAgreementCommand)
export class DraftAgreementHandler implements ICommandHandler<DraftAgreementCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(ORGANIZATION_DIRECTORY) private readonly organizations: OrganizationDirectory,
    @Inject(DECISION_DIRECTORY) private readonly decisions: DecisionDirectory,
  ) {}

  async execute({ payload, meta }: DraftAgreementCommand): Promise<Outcome> {
    const { citedDecisionIds, parties, ...rest } = payload;
    const command: AgreementCommand = {
      ...rest,
      parties: await lookUpParties(this.organizations, parties),
      citedDecisions: await lookUpDecisions(this.decisions, citedDecisionIds ?? []),
    };
    return this.path.execute(agreementDecider, streamOf(command), command, meta);
  }
}

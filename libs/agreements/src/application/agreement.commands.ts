import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { REPRESENTATIVE_REGISTER, type RepresentativeRegister } from '@kom/kernel';
import { CommandPath, KomCommand, type CommandMeta, type CommandOutcome } from '@kom/platform';
import type { AgreementCommand } from '../domain/agreement.commands';
import { agreementDecider, agreementStream } from '../domain/agreement.decider';
import type { AgreementEvent } from '../domain/agreement.events';
import type { AgreementState } from '../domain/agreement.state';
import { lookUpDecisions, lookUpParties } from './facts';
import { DECISION_DIRECTORY, ORGANIZATION_DIRECTORY, type DecisionDirectory, type OrganizationDirectory } from './ports';

type Outcome = CommandOutcome<AgreementEvent, AgreementState>;
type Of<T extends AgreementCommand['type']> = Extract<AgreementCommand, { type: T }>;

/** Parties and cited decisions as the client names them; the handler looks up the facts. */
interface PartyRequest {
  readonly organizationId: string;
  readonly role: string;
}
export type DraftAgreementRequest = Omit<Of<'DraftAgreement'>, 'parties' | 'citedDecisions'> & {
  readonly parties: readonly PartyRequest[];
  readonly citedDecisionIds?: readonly string[];
};
export type AmendAgreementRequest = Omit<Of<'AmendAgreement'>, 'parties' | 'citedDecisions' | 'actingFor'> & {
  readonly parties?: readonly PartyRequest[];
  readonly citedDecisionIds?: readonly string[];
};

export class DraftAgreementCommand extends KomCommand<DraftAgreementRequest, AgreementEvent, AgreementState> {}
export class AmendAgreementCommand extends KomCommand<AmendAgreementRequest, AgreementEvent, AgreementState> {}
/** The client never says whom it acts for: the handler asks the register (`actingFor`). */
type Request<T extends AgreementCommand['type']> = Omit<Of<T>, 'actingFor'>;
export class ProposeAgreementForSignatureCommand extends KomCommand<Request<'ProposeAgreementForSignature'>, AgreementEvent, AgreementState> {}
/** Nor whom it signs as: the handler asks the register of representatives (`representative`). */
export class SignAgreementCommand extends KomCommand<Omit<Request<'SignAgreement'>, 'representative'>, AgreementEvent, AgreementState> {}
export class RenewAgreementCommand extends KomCommand<Request<'RenewAgreement'>, AgreementEvent, AgreementState> {}
export class TerminateAgreementCommand extends KomCommand<Request<'TerminateAgreement'>, AgreementEvent, AgreementState> {}

const streamOf = (c: { agreementId: string }) => agreementStream(c.agreementId);

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

@CommandHandler(AmendAgreementCommand)
export class AmendAgreementHandler implements ICommandHandler<AmendAgreementCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(ORGANIZATION_DIRECTORY) private readonly organizations: OrganizationDirectory,
    @Inject(DECISION_DIRECTORY) private readonly decisions: DecisionDirectory,
  ) {}

  async execute({ payload, meta }: AmendAgreementCommand): Promise<Outcome> {
    const { citedDecisionIds, parties, ...rest } = payload;
    const command: AgreementCommand = {
      ...rest,
      parties: parties && (await lookUpParties(this.organizations, parties)),
      citedDecisions: citedDecisionIds && (await lookUpDecisions(this.decisions, citedDecisionIds)),
      actingFor: await this.organizations.placesHeldBy(meta.actor.organizationId),
    };
    return this.path.execute(agreementDecider, streamOf(command), command, meta);
  }
}

/** The one-stream command path, after looking up whose places the actor's organisation holds. */
@Injectable()
abstract class ActingForHandler<C extends { payload: { agreementId: string }; meta: CommandMeta }> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(ORGANIZATION_DIRECTORY) private readonly organizations: OrganizationDirectory,
  ) {}

  async execute({ payload, meta }: C): Promise<Outcome> {
    const actingFor = await this.organizations.placesHeldBy(meta.actor.organizationId);
    const command = { ...payload, actingFor } as AgreementCommand & { agreementId: string };
    return this.path.execute(agreementDecider, streamOf(command), command, meta);
  }
}

@CommandHandler(ProposeAgreementForSignatureCommand)
export class ProposeAgreementForSignatureHandler extends ActingForHandler<ProposeAgreementForSignatureCommand> {}

/** Looks up the representative the signer's identity is linked to; the decider refuses none (NOT_A_REPRESENTATIVE). */
@CommandHandler(SignAgreementCommand)
export class SignAgreementHandler implements ICommandHandler<SignAgreementCommand, Outcome> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(ORGANIZATION_DIRECTORY) private readonly organizations: OrganizationDirectory,
    @Inject(REPRESENTATIVE_REGISTER) private readonly register: RepresentativeRegister,
  ) {}

  async execute({ payload, meta }: SignAgreementCommand): Promise<Outcome> {
    const command: AgreementCommand = {
      ...payload,
      actingFor: await this.organizations.placesHeldBy(meta.actor.organizationId),
      representative: (await this.register.representativeOf(meta.actor)) ?? null,
    };
    return this.path.execute(agreementDecider, agreementStream(payload.agreementId), command, meta);
  }
}

@CommandHandler(RenewAgreementCommand)
export class RenewAgreementHandler extends ActingForHandler<RenewAgreementCommand> {}

@CommandHandler(TerminateAgreementCommand)
export class TerminateAgreementHandler extends ActingForHandler<TerminateAgreementCommand> {}

import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { REPRESENTATIVE_REGISTER, type RepresentativeRegister } from '@kom/kernel';
import { CommandPath, KomCommand } from '@kom/platform';
import type { AgreementCommand } from '../domain/agreement.commands';
import { agreementDecider } from '../domain/agreement.decider';
import type { AgreementEvent } from '../domain/agreement.events';
import type { AgreementState } from '../domain/agreement.state';
import { streamOf, type ActingForRequest, type Outcome } from './agreement-command-path';
import { ORGANIZATION_DIRECTORY, type OrganizationDirectory } from './ports';

/** Nor whom it signs as: the handler asks the register of representatives (`representative`). */
export class SignAgreementCommand extends KomCommand<Omit<ActingForRequest<'SignAgreement'>, 'representative'>, AgreementEvent, AgreementState> {}

/** Looks up the representative the signer's identity is linked to; the decider refuses none (NOT_A_REPRESENTATIVE). */
@Injectable()
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
    return this.path.execute(agreementDecider, streamOf(payload), command, meta);
  }
}

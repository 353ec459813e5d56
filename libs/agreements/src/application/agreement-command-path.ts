import { Inject, Injectable } from '@nestjs/common';
import { CommandPath, type CommandMeta, type CommandOutcome } from '@kom/platform';
import type { AgreementCommand } from '../domain/agreement.commands';
import { agreementDecider, agreementStream } from '../domain/agreement.decider';
import type { AgreementEvent } from '../domain/agreement.events';
import type { AgreementState } from '../domain/agreement.state';
import { ORGANIZATION_DIRECTORY, type OrganizationDirectory } from './ports';

export type Outcome = CommandOutcome<AgreementEvent, AgreementState>;
export type Of<T extends AgreementCommand['type']> = Extract<AgreementCommand, { type: T }>;

/** Parties and cited decisions as the client names them; the handler looks up the facts. */
export interface PartyRequest {
  readonly organizationId: string;
  readonly role: string;
}

/** The client never says whom it acts for: the handler asks the register (`actingFor`). */
export type ActingForRequest<T extends AgreementCommand['type']> = Omit<Of<T>, 'actingFor'>;

export const streamOf = (c: { agreementId: string }) => agreementStream(c.agreementId);

/** The one-stream command path, after looking up whose places the actor's organisation holds. */
@Injectable()
export abstract class ActingForHandler<C extends { payload: { agreementId: string }; meta: CommandMeta }> {
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

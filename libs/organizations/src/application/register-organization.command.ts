import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPath, KomCommand, partOf, type CommandOutcome } from '@kom/platform';
import type { OrganizationCommand, OrganizationState } from '../domain/organization.decider';
import type { OrganizationEvent } from '../domain/organization.events';
import { OrganizationsQueries } from '../read-models/organizations.queries';
import { registerOrganization, registerStreams } from './organization-name-steps';

type Register = Extract<OrganizationCommand, { type: 'RegisterOrganization' }>;

export class RegisterOrganizationCommand extends KomCommand<Register, OrganizationEvent, OrganizationState> {}

/** The organisation and its name's claim in one atomic append (organization-name-steps.ts). */
@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganizationCommand, CommandOutcome<OrganizationEvent, OrganizationState>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
  ) {}

  async execute({ payload, meta }: RegisterOrganizationCommand): Promise<CommandOutcome<OrganizationEvent, OrganizationState>> {
    const streams = registerStreams(payload);
    const outcome = await this.path.executeAcrossStreams(
      streams,
      (states, context) => registerOrganization(states, payload, this.organizations.idsWithNameLike(payload.name), context),
      meta,
      { command: payload.type, expectedRevisionOf: 'organization' },
    );
    return partOf<OrganizationEvent, OrganizationState, typeof streams>(streams, outcome, 'organization');
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConcurrencyConflict } from '@kom/kernel';
import { CommandPath, KomCommand, partOf, type CommandOutcome } from '@kom/platform';
import type { OrganizationCommand, OrganizationState } from '../domain/organization.decider';
import type { OrganizationEvent } from '../domain/organization.events';
import { OrganizationsQueries } from '../read-models/organizations.queries';
import { CurrentNameMoved, renameOrganization, renameStreams } from './organization-name-steps';

type Rename = Extract<OrganizationCommand, { type: 'RenameOrganization' }>;

export class RenameOrganizationCommand extends KomCommand<Rename, OrganizationEvent, OrganizationState> {}

/** A rename moves the organisation to a new name's claim, releasing the old one, all in one atomic append. */
const MAX_NAME_MOVES = 4;

@CommandHandler(RenameOrganizationCommand)
export class RenameOrganizationHandler implements ICommandHandler<RenameOrganizationCommand, CommandOutcome<OrganizationEvent, OrganizationState>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
  ) {}

  async execute({ payload, meta }: RenameOrganizationCommand): Promise<CommandOutcome<OrganizationEvent, OrganizationState>> {
    // The claim to release is the current name's: the read model's guess, corrected by the stream.
    let currentName = this.organizations.byId(payload.organizationId)?.name;
    for (let attempt = 1; ; attempt++) {
      const streams = renameStreams(payload, currentName);
      try {
        const outcome = await this.path.executeAcrossStreams(
          streams,
          (states, context) => renameOrganization(streams, states, payload, this.organizations.idsWithNameLike(payload.name), context),
          meta,
          { command: payload.type, expectedRevisionOf: 'organization' },
        );
        return partOf<OrganizationEvent, OrganizationState, typeof streams>(streams, outcome, 'organization');
      } catch (error) {
        if (!(error instanceof CurrentNameMoved)) throw error;
        if (attempt >= MAX_NAME_MOVES) throw new ConcurrencyConflict(streams.organization.streamId, attempt, -1n, -1n);
        currentName = error.currentName;
      }
    }
  }
}

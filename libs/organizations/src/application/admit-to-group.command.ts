import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPath, KomCommand, type CommandOutcome } from '@kom/platform';
import { groupDecider, groupStream, type GroupCommand, type GroupState } from '../domain/group.decider';
import type { GroupEvent } from '../domain/group.events';
import { OrganizationsQueries } from '../read-models/organizations.queries';

type Admit = Extract<GroupCommand, { type: 'AdmitToGroup' }>;

/** The request: the handler adds the organisation's kind from the register (null: not registered). */
export class AdmitToGroupCommand extends KomCommand<Omit<Admit, 'organizationKind'>, GroupEvent, GroupState> {}

@CommandHandler(AdmitToGroupCommand)
export class AdmitToGroupHandler implements ICommandHandler<AdmitToGroupCommand, CommandOutcome<GroupEvent, GroupState>> {
  constructor(
    @Inject(CommandPath) private readonly path: CommandPath,
    @Inject(OrganizationsQueries) private readonly organizations: OrganizationsQueries,
  ) {}

  execute({ payload, meta }: AdmitToGroupCommand): Promise<CommandOutcome<GroupEvent, GroupState>> {
    const organizationKind = this.organizations.byId(payload.organizationId)?.kind ?? null;
    return this.path.execute(groupDecider, groupStream(payload.groupKind), { ...payload, organizationKind }, meta);
  }
}

import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequestMeta } from '@kom/auth';
import { CLOCK, type Clock, type Meta } from '@kom/platform';
import { AdmitToGroupCommand } from '../application/admit-to-group.command';
import { LeaveGroupCommand } from '../application/leave-group.command';
import { asOfDate } from './as-of-date';
import { AdmitToGroupInput, Group, LeaveGroupInput } from './group.types';

/** Membership of KOM's groups: admitted and leaving (the secretariat). */
@Resolver(() => Group)
export class GroupMutationsResolver {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => Group, { description: 'Admit an organisation to a group (secretariat).' })
  async admitToGroup(@Args('input') input: AdmitToGroupInput, @RequestMeta() meta: Meta): Promise<Group> {
    const effectiveFrom = asOfDate(input.effectiveFrom, this.clock.now(), 'effectiveFrom');
    await this.commands.execute(
      new AdmitToGroupCommand({ type: 'AdmitToGroup', groupKind: input.groupKind, organizationId: input.organizationId, effectiveFrom }, meta),
    );
    return { kind: input.groupKind };
  }

  @Mutation(() => Group, { description: 'Record that an organisation leaves a group (secretariat).' })
  async leaveGroup(@Args('input') input: LeaveGroupInput, @RequestMeta() meta: Meta): Promise<Group> {
    const effectiveFrom = asOfDate(input.effectiveFrom, this.clock.now(), 'effectiveFrom');
    await this.commands.execute(
      new LeaveGroupCommand(
        { type: 'LeaveGroup', groupKind: input.groupKind, organizationId: input.organizationId, effectiveFrom, reason: input.reason },
        meta,
      ),
    );
    return { kind: input.groupKind };
  }
}

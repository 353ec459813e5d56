import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { groupDecider, groupStream, type GroupCommand } from '../domain/group.decider';

type Leave = Extract<GroupCommand, { type: 'LeaveGroup' }>;

export class LeaveGroupCommand extends KomCommand<Leave> {}

@CommandHandler(LeaveGroupCommand)
export class LeaveGroupHandler extends DeciderHandler(groupDecider, (c: Leave) => groupStream(c.groupKind)) {}

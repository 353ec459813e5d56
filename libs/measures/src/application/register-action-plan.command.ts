import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { actionPlanDecider, actionPlanStream, type ActionPlanCommand } from '../domain/action-plan.decider';

type Cmd = Extract<ActionPlanCommand, { type: 'RegisterActionPlan' }>;

export class RegisterActionPlanCommand extends KomCommand<Cmd> {}

@CommandHandler(RegisterActionPlanCommand)
export class RegisterActionPlanHandler extends DeciderHandler(actionPlanDecider, (c: Cmd) => actionPlanStream(c.planId)) {}

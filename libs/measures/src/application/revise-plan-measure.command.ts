import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { actionPlanDecider, actionPlanStream, type ActionPlanCommand } from '../domain/action-plan.decider';

type Cmd = Extract<ActionPlanCommand, { type: 'RevisePlanMeasure' }>;

export class RevisePlanMeasureCommand extends KomCommand<Cmd> {}

@CommandHandler(RevisePlanMeasureCommand)
export class RevisePlanMeasureHandler extends DeciderHandler(actionPlanDecider, (c: Cmd) => actionPlanStream(c.planId)) {}

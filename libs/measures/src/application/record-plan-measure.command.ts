import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { actionPlanDecider, actionPlanStream, type ActionPlanCommand } from '../domain/action-plan.decider';

type Cmd = Extract<ActionPlanCommand, { type: 'RecordPlanMeasure' }>;

export class RecordPlanMeasureCommand extends KomCommand<Cmd> {}

@CommandHandler(RecordPlanMeasureCommand)
export class RecordPlanMeasureHandler extends DeciderHandler(actionPlanDecider, (c: Cmd) => actionPlanStream(c.planId)) {}

import { CommandHandler } from '@nestjs/cqrs';
import { DeciderHandler, KomCommand } from '@kom/platform';
import { actionPlanDecider, actionPlanStream, type ActionPlanCommand } from '../domain/action-plan.decider';

type Cmd = Extract<ActionPlanCommand, { type: 'RecordMeasureStatus' }>;

export class RecordMeasureStatusCommand extends KomCommand<Cmd> {}

@CommandHandler(RecordMeasureStatusCommand)
export class RecordMeasureStatusHandler extends DeciderHandler(actionPlanDecider, (c: Cmd) => actionPlanStream(c.planId)) {}

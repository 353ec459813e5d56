export { MeasuresModule, type MeasuresModuleOptions } from './measures.module';
export {
  MEASURE_CITATIONS,
  MEASURE_CITATION_KINDS,
  NO_CITATIONS,
  type MeasureCitations,
  type MeasureCitationView,
  type MeasureCitationKind,
} from './application/citations.port';
export { measuresContext } from './measures.context';
export { MEASURE_AREAS, MINISTRIES, MEASURE_COUNT, type MeasureArea, type Ministry, type MeasureEvent } from './domain/measure.events';
export { measureDecider, measureStream, type MeasureCommand } from './domain/measure.decider';
export { MEASURES, type MeasureData } from './domain/measures.data';
export { MeasuresQueries, type MeasureRow } from './read-models/measures.queries';
export { MeasuresSeeder } from './seed/measures.seeder';
export {
  DEFAULT_PLAN_ID,
  MEASURE_STATUSES,
  measureRefSchema,
  type MeasureRef,
  type MeasureStatus,
  type ActionPlanEvent,
} from './domain/action-plan.events';
export { actionPlanDecider, actionPlanStream, type ActionPlanCommand, type KnownPlan } from './domain/action-plan.decider';
export { ACTION_PLANS, type ActionPlanData } from './domain/action-plans.data';
export type { ActionPlanRow } from './read-models/measures.queries';

/**
 * The action plan a measure citation means when it names no plan: the government's action plan
 * 2011–2014. Every citation written before plans were data is a bare number of this plan.
 */
export const DEFAULT_PLAN_ID = '2011-2014';

/** A measure as every context cites it: (plan, number). */
export interface MeasureCitationRef {
  readonly plan: string;
  readonly number: number;
}

/** Bare numbers (the citations recorded so far) as (plan, number) of the default plan. */
export const defaultPlanRefs = (numbers: readonly number[]): MeasureCitationRef[] => numbers.map((number) => ({ plan: DEFAULT_PLAN_ID, number }));

/**
 * How many measures the default plan has: the numbers a bare citation may take. Contexts that store
 * citations as numbers validate against this; libs/measures checks it against the plan's data.
 */
export const DEFAULT_PLAN_MEASURE_COUNT = 35;

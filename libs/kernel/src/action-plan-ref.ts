import { z } from 'zod';
import { InvalidInput } from './errors';

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

/** A plan id as the measures context registers it: lower-case letters, digits and dashes. */
const CITED_PLAN_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Whether `value` has the shape of a plan id (whether such a plan is registered is another matter). */
export const isCitedPlanId = (value: string): boolean => CITED_PLAN_ID.test(value);
/** The highest number a measure of any plan may carry (libs/measures records none above it). */
export const MAX_CITED_MEASURE_NUMBER = 200;
/** How many measures one record may cite. */
export const MAX_CITED_MEASURES = 100;

/** Stored citations (v2 events): (plan, number) pairs. */
export const measureCitationRefsSchema = z
  .array(z.object({ plan: z.string().regex(CITED_PLAN_ID), number: z.number().int().min(1).max(MAX_CITED_MEASURE_NUMBER) }))
  .max(MAX_CITED_MEASURES);

/**
 * What a record may cite, looked up outside the domain: the measures that exist, and the plans that
 * are registered, of which some may have no measure yet (citing one of those is UNKNOWN_MEASURE, not
 * UNKNOWN_PLAN). A bare list of measures stands for the plans it names.
 */
export interface CitableSet {
  readonly plans: readonly string[];
  readonly measures: readonly MeasureCitationRef[];
}

export type Citable = readonly MeasureCitationRef[] | CitableSet;

/** The measures the default plan has: what may be cited when a command names no others. */
export const DEFAULT_CITABLE_MEASURES: readonly MeasureCitationRef[] = defaultPlanRefs(
  Array.from({ length: DEFAULT_PLAN_MEASURE_COUNT }, (_, i) => i + 1),
);

export const sameMeasureRef = (a: MeasureCitationRef, b: MeasureCitationRef): boolean => a.plan === b.plan && a.number === b.number;

/** Plans in id order (their periods sort so), numbers ascending within a plan. */
export const compareMeasureRefs = (a: MeasureCitationRef, b: MeasureCitationRef): number =>
  a.plan === b.plan ? a.number - b.number : a.plan < b.plan ? -1 : 1;

export const sameMeasureRefs = (a: readonly MeasureCitationRef[], b: readonly MeasureCitationRef[]): boolean =>
  a.length === b.length && a.every((ref, i) => sameMeasureRef(ref, b[i]!));

/** The numbers of the default plan among the refs: what a client reading bare numbers sees. */
export const defaultPlanNumbers = (refs: readonly MeasureCitationRef[]): number[] =>
  refs.filter((r) => r.plan === DEFAULT_PLAN_ID).map((r) => r.number);

/**
 * Cited measures checked against what may be cited (`citable`, looked up outside the domain): a plan
 * that is not registered is UNKNOWN_PLAN, a number its plan lacks UNKNOWN_MEASURE. A measure cited
 * twice is refused (DUPLICATE_MEASURE) or merged, as the context's rule has it. The result is sorted.
 */
export function checkedMeasureRefs(
  raw: readonly MeasureCitationRef[],
  citable: Citable = DEFAULT_CITABLE_MEASURES,
  duplicates: 'refuse' | 'merge' = 'merge',
  field = 'citedMeasures',
): MeasureCitationRef[] {
  const measures = 'measures' in citable ? citable.measures : citable;
  const plans = new Set('measures' in citable ? citable.plans : measures.map((r) => r.plan));
  const out: MeasureCitationRef[] = [];
  for (const ref of raw) {
    const plan = ref.plan ?? DEFAULT_PLAN_ID;
    if (!plans.has(plan)) throw new InvalidInput('UNKNOWN_PLAN', `No action plan ${plan}`, field);
    if (!measures.some((c) => c.plan === plan && c.number === ref.number)) {
      throw new InvalidInput('UNKNOWN_MEASURE', `The action plan ${plan} has no measure ${ref.number}`, field);
    }
    if (out.some((r) => r.plan === plan && r.number === ref.number)) {
      if (duplicates === 'refuse') throw new InvalidInput('DUPLICATE_MEASURE', 'Each measure once', field);
      continue;
    }
    out.push({ plan, number: ref.number });
  }
  return out.sort(compareMeasureRefs);
}

/**
 * A cited measure as one string key (counts by measure): the default plan's by its number alone, as
 * always; another plan's as `<plan>:<number>`.
 */
export const measureKey = (ref: MeasureCitationRef): string => (ref.plan === DEFAULT_PLAN_ID ? String(ref.number) : `${ref.plan}:${ref.number}`);

/**
 * A cited measure as documents write it: the default plan's by its number alone, as always; another
 * plan's with its period, `1 (2006–2009)`.
 */
export const measureRefLabel = (ref: MeasureCitationRef): string =>
  ref.plan === DEFAULT_PLAN_ID ? String(ref.number) : `${ref.number} (${ref.plan.replace(/^(\d{4})-(\d{4})$/, '$1–$2')})`;

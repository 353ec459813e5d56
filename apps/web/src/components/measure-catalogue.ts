import type { Translate } from '../i18n/translate';

/**
 * The plan a citation without a plan means, as the API says (`DEFAULT_PLAN_ID` on the server): its
 * measures read "Tiltak 5"; a measure of any other plan names its plan, "Tiltak 1 (2006–2009)".
 */
export const DEFAULT_PLAN_ID = '2011-2014';

/** A cited measure: (plan, number), as the API's `citedMeasureRefs` gives and takes it. */
export interface CitedMeasure {
  readonly plan: string;
  readonly number: number;
}

/** A plan and its measures, as a form offers them for citing. */
export interface PlanChoice {
  readonly id: string;
  readonly title: string;
  readonly from: number;
  readonly to: number;
  readonly measures: ReadonlyArray<{ readonly number: number; readonly label: string }>;
}

export const sameMeasure = (a: CitedMeasure, b: CitedMeasure): boolean => a.plan === b.plan && a.number === b.number;
export const measureKey = (m: CitedMeasure): string => `${m.plan}/${m.number}`;

/** Only plan and number: what a mutation input takes (a query's refs also carry __typename). */
export const asRefInputs = (measures: readonly CitedMeasure[]): CitedMeasure[] => measures.map(({ plan, number }) => ({ plan, number }));

/** Newest plan first; in a plan, by number. */
export function sortMeasures(plans: readonly PlanChoice[], measures: readonly CitedMeasure[]): CitedMeasure[] {
  const start = new Map(plans.map((p) => [p.id, p.from]));
  return [...measures].sort((a, b) => (start.get(b.plan) ?? 0) - (start.get(a.plan) ?? 0) || a.plan.localeCompare(b.plan) || a.number - b.number);
}

/** "5", or "1 (2006–2009)" for a measure of another plan than the default (a plan's id is its years). */
export function measureNumberText(m: CitedMeasure): string {
  return m.plan === DEFAULT_PLAN_ID ? String(m.number) : `${m.number} (${m.plan.replace(/(\d)-(\d)/g, '$1–$2')})`;
}

/** "Tiltak 5: Videreføre KOM", or "Tiltak 1 (2006–2009): …" for another plan's measure. */
export function measureText(t: Translate, plans: readonly PlanChoice[], m: CitedMeasure): string {
  const label = plans.find((p) => p.id === m.plan)?.measures.find((x) => x.number === m.number)?.label ?? '';
  return t('measure.numbered', { number: measureNumberText(m), label });
}

/** The cited measures' numbers for a line of text: "5, 34, 1 (2006–2009)". */
export const measureNumbersText = (measures: readonly CitedMeasure[]): string =>
  [...measures]
    .sort((a, b) => (a.plan === b.plan ? a.number - b.number : a.plan === DEFAULT_PLAN_ID ? -1 : b.plan === DEFAULT_PLAN_ID ? 1 : b.plan.localeCompare(a.plan)))
    .map(measureNumberText)
    .join(', ');

/** The default plan's measures: what a filter by measure number offers (filters take a bare number). */
export const defaultPlanMeasures = (plans: readonly PlanChoice[] | undefined): PlanChoice['measures'] => plans?.find((p) => p.id === DEFAULT_PLAN_ID)?.measures ?? [];

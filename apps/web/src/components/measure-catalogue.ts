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

/** The plans, the newest first: the order every list of plans in the app follows. */
export const newestPlansFirst = <P extends { readonly from: number }>(plans: readonly P[]): P[] => [...plans].sort((a, b) => b.from - a.from);

/** Whether one of the plans has the measure (a link may name one that none has). */
export const plansHave = (plans: ReadonlyArray<Pick<PlanChoice, 'id' | 'measures'>>, m: CitedMeasure): boolean =>
  plans.some((p) => p.id === m.plan && p.measures.some((x) => x.number === m.number));

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

/**
 * A measure as a filter's option, and the URL, hold it: `29` for the default plan's (as links made
 * before other plans did), `2006-2009:1` for another plan's.
 */
export const measureOptionValue = (m: CitedMeasure): string => (m.plan === DEFAULT_PLAN_ID ? String(m.number) : `${m.plan}:${m.number}`);

// A plan id has the shape the server gives plans (lower-case letters, digits, dashes); the web app
// bundles nothing of the server's, so the shape is written here again.
const OPTION_VALUE = /^(?:([a-z0-9][a-z0-9-]{0,39}):)?([1-9][0-9]{0,2})$/;

/** The measure an option value names (see measureOptionValue); undefined for anything else. */
export function parseMeasureOption(value: string | null | undefined): CitedMeasure | undefined {
  const match = OPTION_VALUE.exec(value ?? '');
  return match ? { plan: match[1] ?? DEFAULT_PLAN_ID, number: Number(match[2]) } : undefined;
}

/** A filter by measure as the API takes it: `{ measure, plan }`, or nothing. */
export const measureFilter = (value: string | null | undefined): { measure?: number; plan?: string } => {
  const m = parseMeasureOption(value);
  return m ? { measure: m.number, plan: m.plan } : {};
};

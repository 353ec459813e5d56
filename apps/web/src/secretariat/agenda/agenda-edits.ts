import { DEFAULT_PLAN_ID, measureKey, measureNumbersText, sameMeasure, type CitedMeasure, type PlanChoice } from '../../components/measure-catalogue';

// A measure of another plan is typed as it is shown: its number and the plan's years, "1 (2006–2009)".
const TOKEN = /(\d+)\s*\(\s*(\d{4})\s*[-–]\s*(\d{4})\s*\)|[^\s,;]+/g;

/**
 * The measures typed in the measures field ("6, 34, 1 (2006–2009)"): a bare number is a measure of
 * the default plan; and what is not a measure.
 */
export function parseMeasures(text: string, plans: readonly PlanChoice[]): { measures: CitedMeasure[]; invalid: string[] } {
  const measures: CitedMeasure[] = [];
  const invalid: string[] = [];
  for (const [token, number, from, to] of text.matchAll(TOKEN)) {
    // A measure is one its plan lists, as the server checks it (the plans come from the server).
    const [plan, n] = number !== undefined ? [`${from}-${to}`, number] : [DEFAULT_PLAN_ID, /^\d+$/.test(token) ? token : undefined];
    const measure: CitedMeasure | undefined =
      n !== undefined && plans.find((p) => p.id === plan)?.measures.some((m) => m.number === Number(n)) ? { plan, number: Number(n) } : undefined;
    if (!measure) invalid.push(token.trim());
    else if (!measures.some((m) => sameMeasure(m, measure))) measures.push(measure);
  }
  return { measures, invalid };
}

/** The measures as the field shows them: the default plan's numbers first, "6, 34, 1 (2006–2009)". */
export const measuresText = (measures: readonly CitedMeasure[]) => measureNumbersText(measures);

/** The same measures, whatever their order. */
const sameSet = (a: readonly CitedMeasure[], b: readonly CitedMeasure[]) => a.map(measureKey).sort().join() === b.map(measureKey).sort().join();

/** The order after moving one item from one place to another (places are 0-based, clamped). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1) as [T];
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

export interface ItemLike {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly citedMeasureRefs: readonly CitedMeasure[];
  readonly presentingOrganizationId: string | null;
  readonly removedByAmendment: boolean;
}

/** What changed on an agenda between two readings: shown when a write is refused as stale. */
export interface AgendaChanges {
  readonly added: string[];
  readonly removed: string[];
  readonly changed: string[];
  readonly reordered: boolean;
}

export function changesBetween(before: readonly ItemLike[], after: readonly ItemLike[]): AgendaChanges {
  const live = (items: readonly ItemLike[]) => items.filter((i) => !i.removedByAmendment);
  const was = new Map(live(before).map((i) => [i.id, i]));
  const now = new Map(live(after).map((i) => [i.id, i]));
  const added = [...now.values()].filter((i) => !was.has(i.id)).map((i) => i.title);
  const removed = [...was.values()].filter((i) => !now.has(i.id)).map((i) => i.title);
  const changed = [...now.values()]
    .filter((i) => {
      const old = was.get(i.id);
      return (
        old !== undefined &&
        (old.title !== i.title ||
          old.description !== i.description ||
          old.presentingOrganizationId !== i.presentingOrganizationId ||
          !sameSet(old.citedMeasureRefs, i.citedMeasureRefs))
      );
    })
    .map((i) => i.title);
  const kept = (ids: string[]) => ids.filter((id) => was.has(id) && now.has(id));
  const reordered = kept([...was.keys()]).join() !== kept([...now.keys()]).join();
  return { added, removed, changed, reordered };
}

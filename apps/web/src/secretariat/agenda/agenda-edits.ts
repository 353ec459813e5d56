/** The measures of the action plan are numbered 1 to 35 (the server refuses any other). */
export const MEASURE_COUNT = 35;

/** The numbers typed in the measures field ("6, 34"), and what is not a measure number. */
export function parseMeasures(text: string): { numbers: number[]; invalid: string[] } {
  const numbers: number[] = [];
  const invalid: string[] = [];
  for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
    const n = /^\d+$/.test(part) ? Number(part) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > MEASURE_COUNT) invalid.push(part);
    else if (!numbers.includes(n)) numbers.push(n);
  }
  return { numbers: numbers.sort((a, b) => a - b), invalid };
}

export const measuresText = (numbers: readonly number[]) => [...numbers].sort((a, b) => a - b).join(', ');

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
  readonly citedMeasures: readonly number[];
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
          measuresText(old.citedMeasures) !== measuresText(i.citedMeasures))
      );
    })
    .map((i) => i.title);
  const kept = (ids: string[]) => ids.filter((id) => was.has(id) && now.has(id));
  const reordered = kept([...was.keys()]).join() !== kept([...now.keys()]).join();
  return { added, removed, changed, reordered };
}

/**
 * The dates a series will have, for showing before it is made: the first Oslo calendar date plus
 * i × step months (monthly for a group, half-yearly for the joint meeting), clamped to the month's
 * last day — the server's rule (libs/meetings meeting-series.ts); the server decides.
 */
export const stepMonths = (kind: string): number => (kind === 'JOINT' ? 6 : 1);

export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const zeroBased = month - 1 + months;
  const y = year + Math.floor(zeroBased / 12);
  const m = (((zeroBased % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
}

/** Every date of the series from `first` up to and including `until`, at most `max`. */
export function seriesDates(kind: string, first: string, until: string, max = 24): string[] {
  const dates: string[] = [];
  for (let i = 0; dates.length < max; i++) {
    const next = addMonths(first, i * stepMonths(kind));
    if (next > until) break;
    dates.push(next);
  }
  return dates;
}

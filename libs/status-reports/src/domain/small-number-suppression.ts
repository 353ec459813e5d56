/**
 * Small-number suppression of a table of counts with row and column totals.
 *
 * Primary: a count from 1 to 4 is shown as "< 5" (SMALL); 0 is shown as 0.
 * Secondary (the rule chosen here): a total is WITHHELD whenever its group — the cells it adds up —
 * holds a SMALL or WITHHELD member; row totals and column totals are themselves the group of the
 * grand total. Repeated until nothing changes. Every total still shown then adds up shown numbers
 * only, so no equation a reader can write links a shown number to a suppressed one, and every SMALL
 * cell can be any of 1–4 as far as the table tells. Withholding totals is preferred over suppressing
 * a second cell: a second "< 5" cell can still be pinned (two cells summing to 2 are both 1), and a
 * suppressed cell of 5 or more would have to be shown as something other than what it is.
 */
export type SuppressedCell = { readonly kind: 'SHOWN'; readonly value: number } | { readonly kind: 'SMALL' } | { readonly kind: 'WITHHELD' };

export interface SuppressedTable {
  readonly cells: readonly (readonly SuppressedCell[])[];
  readonly rowTotals: readonly SuppressedCell[];
  readonly columnTotals: readonly SuppressedCell[];
  readonly grandTotal: SuppressedCell;
}

export const SMALL_LIMIT = 5;

const isSmall = (n: number) => n > 0 && n < SMALL_LIMIT;

export function suppressSmallNumbers(counts: readonly (readonly number[])[]): SuppressedTable {
  const width = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== width) throw new RangeError('every row of the table has the same number of cells');
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new RangeError('counts are whole numbers of 0 or more');
  }
  const cells: SuppressedCell[][] = counts.map((row) => row.map((n) => (isSmall(n) ? { kind: 'SMALL' } : { kind: 'SHOWN', value: n })));
  const hidden = (cell: SuppressedCell) => cell.kind !== 'SHOWN';
  const rowTotals: SuppressedCell[] = counts.map((row, r) => (cells[r]!.some(hidden) ? { kind: 'WITHHELD' } : { kind: 'SHOWN', value: sum(row) }));
  const columnTotals: SuppressedCell[] = Array.from({ length: width }, (_, c) =>
    cells.some((row) => hidden(row[c]!)) ? { kind: 'WITHHELD' } : { kind: 'SHOWN', value: sum(counts.map((row) => row[c]!)) },
  );
  // The grand total is the sum of the row totals and of the column totals: withheld if either holds a hidden one.
  const grand = sum(counts.map(sum));
  const grandTotal: SuppressedCell = rowTotals.some(hidden) || columnTotals.some(hidden) ? { kind: 'WITHHELD' } : { kind: 'SHOWN', value: grand };
  return { cells, rowTotals, columnTotals, grandTotal };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** How a cell reads in a document. */
export function cellText(cell: SuppressedCell): string {
  switch (cell.kind) {
    case 'SHOWN':
      return String(cell.value);
    case 'SMALL':
      return '< 5';
    case 'WITHHELD':
      return '·';
  }
}

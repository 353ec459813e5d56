import fc from 'fast-check';
import { cellText, suppressSmallNumbers, type SuppressedCell, type SuppressedTable } from './small-number-suppression';

/**
 * An attacker's view, computed independently of the rule: every table of counts that shows the same
 * (SMALL cells 1–4, everything SHOWN exact, WITHHELD totals anything) and whose shown totals add up.
 * A SMALL cell is derivable when all those tables agree on its value.
 */
function valuesEachSmallCellCanTake(table: SuppressedTable): Map<string, Set<number>> {
  const small: Array<[number, number]> = [];
  table.cells.forEach((row, r) => row.forEach((cell, c) => cell.kind === 'SMALL' && small.push([r, c])));
  const possible = new Map<string, Set<number>>(small.map(([r, c]) => [`${r},${c}`, new Set<number>()]));
  const grid = table.cells.map((row) => row.map((cell) => (cell.kind === 'SHOWN' ? cell.value : 0)));
  const matches = (cell: SuppressedCell, value: number) => cell.kind !== 'SHOWN' || cell.value === value;
  const consistent = () => {
    const rows = grid.map((row) => row.reduce((a, b) => a + b, 0));
    const columns = (grid[0] ?? []).map((_, c) => grid.reduce((a, row) => a + row[c]!, 0));
    return (
      rows.every((v, r) => matches(table.rowTotals[r]!, v)) &&
      columns.every((v, c) => matches(table.columnTotals[c]!, v)) &&
      matches(table.grandTotal, rows.reduce((a, b) => a + b, 0))
    );
  };
  const walk = (i: number) => {
    if (i === small.length) {
      if (consistent()) for (const [r, c] of small) possible.get(`${r},${c}`)!.add(grid[r]![c]!);
      return;
    }
    const [r, c] = small[i]!;
    for (let v = 1; v <= 4; v++) {
      grid[r]![c] = v;
      walk(i + 1);
    }
  };
  walk(0);
  return possible;
}

const smallish = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }));
const tables = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, columns]) => fc.array(fc.array(smallish, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }))
  .filter((t) => t.flat().filter((n) => n > 0 && n < 5).length <= 6);

describe('small-number suppression', () => {
  it('shows 1–4 as "< 5", 0 as 0 and 5 or more as the number', () => {
    const table = suppressSmallNumbers([[0, 1, 4, 5, 12]]);
    expect(table.cells[0]!.map(cellText)).toEqual(['0', '< 5', '< 5', '5', '12']);
  });

  it('withholds every total that would give a suppressed cell away, and shows the others', () => {
    const table = suppressSmallNumbers([
      [10, 3],
      [7, 8],
    ]);
    expect(table.rowTotals.map(cellText)).toEqual(['·', '15']);
    expect(table.columnTotals.map(cellText)).toEqual(['17', '·']);
    expect(cellText(table.grandTotal)).toBe('·');
  });

  it('shows every total of a table without small numbers', () => {
    const table = suppressSmallNumbers([
      [10, 0],
      [7, 8],
    ]);
    expect([...table.rowTotals, ...table.columnTotals, table.grandTotal].map(cellText)).toEqual(['10', '15', '17', '8', '25']);
  });

  it('never lets a suppressed cell be derived from what the table shows (property)', () => {
    fc.assert(
      fc.property(tables, (counts) => {
        const table = suppressSmallNumbers(counts);
        for (const [cell, values] of valuesEachSmallCellCanTake(table)) {
          if (values.size < 2) throw new Error(`cell ${cell} of ${JSON.stringify(counts)} can only be ${[...values].join()}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('suppresses exactly the cells from 1 to 4 and shows every shown number as it is (property)', () => {
    fc.assert(
      fc.property(tables, (counts) => {
        const table = suppressSmallNumbers(counts);
        counts.forEach((row, r) =>
          row.forEach((n, c) => expect(table.cells[r]![c]).toEqual(n > 0 && n < 5 ? { kind: 'SMALL' } : { kind: 'SHOWN', value: n })),
        );
        const shownRowTotals = table.rowTotals.flatMap((t, r) => (t.kind === 'SHOWN' ? [[t.value, counts[r]!.reduce((a, b) => a + b, 0)]] : []));
        for (const [shown, actual] of shownRowTotals) expect(shown).toBe(actual);
      }),
      { numRuns: 200 },
    );
  });

  it('the checker itself catches a table that gives a cell away', () => {
    // One "< 5" cell beside a shown total: what the rule above prevents.
    const leaky: SuppressedTable = {
      cells: [[{ kind: 'SHOWN', value: 10 }, { kind: 'SMALL' }]],
      rowTotals: [{ kind: 'SHOWN', value: 13 }],
      columnTotals: [{ kind: 'SHOWN', value: 10 }, { kind: 'WITHHELD' }],
      grandTotal: { kind: 'WITHHELD' },
    };
    expect([...valuesEachSmallCellCanTake(leaky).get('0,1')!]).toEqual([3]);
  });
});

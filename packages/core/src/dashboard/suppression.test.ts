import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayCount, type Margins, suppressTable, withTotals } from "./suppression";

/** Rank of a matrix by Gaussian elimination (entries are small integers; a tolerance covers the fractions). */
function rank(matrix: number[][]): number {
  const m = matrix.map((row) => [...row]);
  let r = 0;
  for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
    if (pivot === -1) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]! / m[r]![c]!;
      for (let k = c; k < m[i]!.length; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    r++;
  }
  return r;
}

/**
 * An attacker's view, independent of the algorithm: every published total is a linear equation; a hidden cell is
 * recoverable when its unit vector lies in the row space of those equations restricted to the hidden cells.
 */
function recoverableCells(cells: number[][], margins: Margins, hidden: boolean[][]): string[] {
  const grid = withTotals(cells, margins);
  const rows = grid.length;
  const cols = grid[0]!.length;
  const innerRows = cells.length;
  const innerCols = cells[0]!.length;
  const unknowns: Array<[number, number]> = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) if (hidden[i]![j]) unknowns.push([i, j]);
  }
  const equations: number[][] = [];
  const coefficient = (lineCells: Array<[number, number]>, totalAt: [number, number]) =>
    unknowns.map(([i, j]) =>
      i === totalAt[0] && j === totalAt[1] ? -1 : lineCells.some(([a, b]) => a === i && b === j) ? 1 : 0,
    );
  if (margins.rowTotals) {
    for (let i = 0; i < rows; i++) {
      const line = Array.from({ length: innerCols }, (_, j): [number, number] => [i, j]);
      equations.push(coefficient(line, [i, cols - 1]));
    }
  }
  if (margins.columnTotals) {
    for (let j = 0; j < cols; j++) {
      const line = Array.from({ length: innerRows }, (_, i): [number, number] => [i, j]);
      equations.push(coefficient(line, [rows - 1, j]));
    }
  }
  const base = rank(equations);
  return unknowns.flatMap(([i, j], k) => {
    const unit = unknowns.map((_, n) => (n === k ? 1 : 0));
    return equations.length > 0 && rank([...equations, unit]) === base ? [`${i},${j}`] : [];
  });
}

const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 60 }));
const table = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
const margins = fc.record({ rowTotals: fc.boolean(), columnTotals: fc.boolean() });

describe("suppressTable", () => {
  it("hides a small cell and, in a column with a total, the smallest other cell with it", () => {
    const { values, hidden } = suppressTable([[3], [40], [12]], { rowTotals: false, columnTotals: true });
    expect(values.map((r) => r[0])).toEqual([3, 40, 12, 55]);
    expect(hidden.map((r) => r[0])).toEqual(["primary", null, "secondary", null]);
  });

  it("without totals hides only the small cells themselves", () => {
    const { hidden } = suppressTable([[3, 0, 9]], { rowTotals: false, columnTotals: false });
    expect(hidden).toEqual([["primary", null, null]]);
  });

  it("hides a total that is itself small, and then what protects it", () => {
    const { hidden } = suppressTable([[1], [2]], { rowTotals: false, columnTotals: true });
    expect(hidden.map((r) => r[0])).toEqual(["primary", "primary", "primary"]);
  });

  it("shows '<5' for small cells and 'x' for protecting ones", () => {
    expect([displayCount(3, "primary"), displayCount(50, "secondary"), displayCount(0, null)]).toEqual(["<5", "x", 0]);
  });

  it("the attacker model is not vacuous: primary suppression alone leaves small cells recoverable", () => {
    const cells = [
      [3, 10],
      [8, 12],
    ];
    const onlyPrimary = withTotals(cells, { rowTotals: true, columnTotals: true }).map((row) =>
      row.map((v) => v === 3),
    );
    expect(recoverableCells(cells, { rowTotals: true, columnTotals: true }, onlyPrimary)).toEqual(["0,0"]);
  });

  it("property: every 1–4 is hidden, and no hidden cell can be recovered from the totals of the table", () => {
    fc.assert(
      fc.property(table, margins, (cells, m) => {
        const { values, hidden } = suppressTable(cells, m);
        const isHidden = hidden.map((row) => row.map((h) => h !== null));
        for (const [i, row] of values.entries()) {
          for (const [j, v] of row.entries()) if (v > 0 && v < 5) expect(hidden[i]![j]).toBe("primary");
        }
        expect(recoverableCells(cells, m, isHidden)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("property: published cells and totals are the true sums", () => {
    fc.assert(
      fc.property(table, (cells) => {
        const { values } = suppressTable(cells, { rowTotals: true, columnTotals: true });
        const total = cells.flat().reduce((s, n) => s + n, 0);
        expect(values.at(-1)!.at(-1)).toBe(total);
      }),
    );
  });
});

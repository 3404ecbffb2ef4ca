/** People counts below this are never shown: a cell of 1–4 shows "<5". */
export const minimumCellCount = 5;
/** What a small cell shows instead of its count. */
export const smallCellMark = "<5";
/** What a cell hidden only to protect a small one shows (it may hold any count, so "<5" would be untrue). */
export const protectedCellMark = "x";

/** Why a cell is hidden: it is small itself (primary), or it would let a small one be computed (secondary). */
export type Hidden = "primary" | "secondary";

/** Which totals a table publishes: a total column (each row's sum) and / or a total row (each column's sum). */
export interface Margins {
  rowTotals: boolean;
  columnTotals: boolean;
}

/** A table with its totals appended (last column / last row) and what is hidden. */
export interface SuppressedGrid {
  values: number[][];
  hidden: Array<Array<Hidden | null>>;
}

interface Edge {
  id: number;
  row: number;
  col: number;
  a: number;
  b: number;
}

const isSmall = (value: number) => value > 0 && value < minimumCellCount;

/** Appends the requested totals to a table of counts. */
export function withTotals(cells: readonly (readonly number[])[], margins: Margins): number[][] {
  const columns = cells[0]?.length ?? 0;
  let grid = cells.map((row) => (margins.rowTotals ? [...row, row.reduce((s, n) => s + n, 0)] : [...row]));
  if (margins.columnTotals) {
    const width = columns + (margins.rowTotals ? 1 : 0);
    grid = [...grid, Array.from({ length: width }, (_, j) => grid.reduce((s, row) => s + row[j]!, 0))];
  }
  return grid;
}

/**
 * Every cell as an edge between its row and its column. A row (or column) whose sum is published is a vertex of
 * its own; lines with no published sum all collapse into one free vertex, since nothing can be subtracted along
 * them. A hidden cell can be computed from the published numbers exactly when it is a bridge of the graph of
 * hidden cells; on a cycle, adding and subtracting along the cycle keeps every published sum.
 */
function edgesOf(rows: number, cols: number, margins: Margins): Edge[] {
  const free = rows + cols;
  const edges: Edge[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const a = margins.rowTotals ? row : free;
      const b = margins.columnTotals ? rows + col : free;
      edges.push({ id: edges.length, row, col, a, b });
    }
  }
  return edges;
}

/** The bridges among the given edges (Tarjan; parallel edges and self-loops are never bridges). */
function bridges(edges: readonly Edge[], vertices: number): Edge[] {
  const adjacent: Array<Array<{ to: number; id: number }>> = Array.from({ length: vertices }, () => []);
  for (const e of edges) {
    if (e.a === e.b) continue;
    adjacent[e.a]!.push({ to: e.b, id: e.id });
    adjacent[e.b]!.push({ to: e.a, id: e.id });
  }
  const order = new Array<number>(vertices).fill(-1);
  const low = new Array<number>(vertices).fill(0);
  const found = new Set<number>();
  let time = 0;
  const visit = (v: number, viaEdge: number): void => {
    order[v] = low[v] = time++;
    for (const { to, id } of adjacent[v]!) {
      if (id === viaEdge) continue;
      if (order[to] === -1) {
        visit(to, id);
        low[v] = Math.min(low[v]!, low[to]!);
        if (low[to]! > order[v]!) found.add(id);
      } else {
        low[v] = Math.min(low[v]!, order[to]!);
      }
    }
  };
  for (let v = 0; v < vertices; v++) if (order[v] === -1) visit(v, -1);
  return edges.filter((e) => found.has(e.id));
}

/**
 * The cheapest path from `from` to `to` over all cells but `skip`: hidden cells are free, others cost their
 * count (totals and zeros cost much more, so they are hidden last). Returns the edges of the path.
 */
function cheapestPath(edges: readonly Edge[], skip: Edge, weight: (e: Edge) => number, vertices: number): Edge[] {
  const adjacent: Array<Array<Edge>> = Array.from({ length: vertices }, () => []);
  for (const e of edges) {
    if (e.id === skip.id || e.a === e.b) continue;
    adjacent[e.a]!.push(e);
    adjacent[e.b]!.push(e);
  }
  const cost = new Array<number>(vertices).fill(Number.POSITIVE_INFINITY);
  const via = new Array<Edge | undefined>(vertices);
  const done = new Set<number>();
  cost[skip.a] = 0;
  // Small graphs (a few hundred cells): a linear scan for the next vertex is simpler than a heap and fast enough.
  for (;;) {
    let v = -1;
    for (let u = 0; u < vertices; u++) if (!done.has(u) && (v === -1 || cost[u]! < cost[v]!)) v = u;
    if (v === -1 || cost[v] === Number.POSITIVE_INFINITY || v === skip.b) break;
    done.add(v);
    for (const e of adjacent[v]!) {
      const next = e.a === v ? e.b : e.a;
      const through = cost[v]! + weight(e);
      if (through < cost[next]!) [cost[next], via[next]] = [through, e];
    }
  }
  if (cost[skip.b] === Number.POSITIVE_INFINITY) throw new Error("suppression: no cells left to protect a small cell");
  const path: Edge[] = [];
  for (let v = skip.b; v !== skip.a; ) {
    const e = via[v]!;
    path.push(e);
    v = e.a === v ? e.b : e.a;
  }
  return path;
}

/**
 * Small-cell suppression for one table of people counts. Primary: every cell of 1–4 (totals included) is
 * hidden. Secondary: more cells are hidden until no hidden cell can be computed from the published cells and
 * totals by any chain of subtractions, within the table; it hides the smallest counts it can, totals last.
 * @example suppressTable([[3, 10], [8, 12]], { rowTotals: true, columnTotals: true }).hidden[0]
 * // ["primary", "secondary", null]: 3 is small, 10 hides with it, the row total 13 stays.
 */
export function suppressTable(cells: readonly (readonly number[])[], margins: Margins): SuppressedGrid {
  const values = withTotals(cells, margins);
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const hidden: Array<Array<Hidden | null>> = values.map((row) => row.map((v) => (isSmall(v) ? "primary" : null)));
  const edges = edgesOf(rows, cols, margins);
  const vertices = rows + cols + 1;
  const innerRows = cells.length;
  const innerCols = cells[0]?.length ?? 0;
  const weight = (e: Edge) => {
    if (hidden[e.row]![e.col]) return 0;
    const value = values[e.row]![e.col]!;
    const margin = e.row >= innerRows || e.col >= innerCols;
    return (margin ? 1e9 : 0) + (value === 0 ? 1e6 : value) + 1;
  };
  for (;;) {
    const [bridge] = bridges(
      edges.filter((e) => hidden[e.row]![e.col]),
      vertices,
    );
    if (!bridge) break;
    for (const e of cheapestPath(edges, bridge, weight, vertices)) hidden[e.row]![e.col] ??= "secondary";
  }
  return { values, hidden };
}

/**
 * How a count is shown: the number, "<5" for a small cell, "x" for one hidden to protect a small cell.
 * @example displayCount(3, "primary") // "<5"
 */
export function displayCount(value: number, hidden: Hidden | null | undefined): string | number {
  if (hidden === "primary") return smallCellMark;
  if (hidden === "secondary") return protectedCellMark;
  return value;
}

import {
  type CellCount,
  currentBucket,
  type DashboardTable,
  fieldOfSkill,
  type Metric,
  parseCellKey,
  workforceFieldIds,
} from "@ketnoi/core";
import { strFromU8, unzipSync } from "fflate";
import { fitSums } from "./least-squares";

/**
 * The officer as an attacker (issue 11): pulls every number the province officer can obtain — every scope and
 * filter combination, every table and its total, month by month, the JSON and the CSV / XLSX exports — writes each
 * published number as an equation over the finest cells those numbers can tell apart, and solves all of them at
 * once by least squares. A small cell (true value 1–4) counts as *recovered exactly* when the attacker can be sure
 * of its value: the published numbers determine it and either they are consistent as exact sums (the attacker
 * then knows they are exact), or the estimate's 99 % interval, from the spread the numbers show among themselves,
 * holds one integer only. Used by the HTTP test (routes/dashboard.recovery.test.ts) and the probe
 * (scripts/probe/dashboard-recovery.ts). The true counts serve for scoring only.
 */

/** A GET with the officer's credentials: the in-process app (`app.request`) or `fetch` against a server. */
export type OfficerRequest = (path: string) => Promise<Response>;

export interface AttackOptions {
  request: OfficerRequest;
  year: number;
  /** Organisations whose scope the officer may open (public: every listing names its organisation). */
  orgIds: readonly string[];
  /** Also pull the exports: every table as CSV and all tables as XLSX, for every combination (`some`: unfiltered). */
  exports: "all" | "some" | "none";
  /** The stored counters (cell key → true count): to score the attack, never used by it. */
  truth: readonly CellCount[];
}

export interface AttackResult {
  requests: number;
  /** Requests not answered 200 (a refusal would leave numbers out of the attack). */
  refused: number;
  /** Distinct published people numbers (by the set of cells they sum). */
  equations: number;
  /** Distinct small cells (true value 1–4) among the published ones. */
  smallCells: number;
  /** Small cells whose value follows from the equations (up to noise). */
  determined: number;
  /** Small cells whose value the attacker could be sure of, and was right about. */
  recoveredExactly: number;
  /** Small cells where the attacker's best guess (rounded estimate) is right, though it cannot tell which. */
  bestGuessRight: number;
  /** Small cells published as their own true value. */
  publishedExactly: number;
  /** Two published numbers over the same cells that differ (JSON vs export, or two routes to one cell). */
  inconsistent: string[];
  /** Whether the published numbers are consistent as exact sums, and the noise the attacker infers if not. */
  exactSums: boolean;
  noiseSd: number;
  /** Examples of exact recoveries, for the report. */
  examples: string[];
}

type Dim = "field" | "universityId" | "month" | "parkId" | "communeId" | "orgId" | "skillId";
type Constraint = Partial<Record<Dim, string>>;
type Value = number | string | null;

const funnelPeople = ["applied", "offered", "accepted"] as const;
const dimsOf = (metric: Metric): Dim[] =>
  metric === "supply"
    ? ["skillId", "field", "universityId"]
    : (funnelPeople as readonly string[]).includes(metric)
      ? ["field", "universityId", "month", "parkId", "communeId", "orgId"]
      : ["field", "universityId", "month", "parkId", "communeId"];

const rowDim: Record<DashboardTable["id"], Dim> = {
  byField: "field",
  byUniversity: "universityId",
  byPark: "parkId",
  byCommune: "communeId",
  byMonth: "month",
  funnel: "field",
  funnelByMonth: "month",
  skills: "skillId",
};

const constraintKey = (metric: string, c: Constraint) =>
  `${metric}|${Object.entries(c)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join("|")}`;

/** One published number (or mark) with what it sums. */
interface Published {
  metric: Metric;
  constraint: Constraint;
  value: Value;
  source: string;
}

/** RFC 4180 CSV (the export's format) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted && ch === '"' && body[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ",") endField();
    else if (ch === "\r" && body[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

const asValue = (text: string | undefined): Value =>
  text === undefined || text === "" ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The sheets of an XLSX workbook, in order, as grids of values. */
function parseXlsx(bytes: Uint8Array): Value[][][] {
  const files = unzipSync(bytes);
  const shared = [
    ...strFromU8(files["xl/sharedStrings.xml"] ?? new Uint8Array()).matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map((m) => xmlText([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")));
  const sheetFiles = Object.keys(files)
    .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return sheetFiles.map((f) => {
    const grid: Value[][] = [];
    for (const m of strFromU8(files[f]!).matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const col = [...m[1]!].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const row = Number(m[2]) - 1;
      const type = /t="(\w+)"/.exec(m[3]!)?.[1];
      const inner = m[4] ?? "";
      const raw = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1];
      let value: Value = null;
      if (type === "s" && raw !== undefined) value = shared[Number(raw)] ?? null;
      else if (type === "inlineStr" || type === "str") value = xmlText(inline ?? raw ?? "");
      else if (raw !== undefined) value = Number(raw);
      grid[row] ??= [];
      grid[row][col] = value;
    }
    return grid;
  });
}

/** The published people numbers of one table, keyed like its JSON twin (an export's grid is matched to it). */
function cellsOf(
  table: DashboardTable,
  base: Constraint,
  source: string,
  grid?: Value[][],
): { published: Published[]; mismatch?: string } {
  const out: Published[] = [];
  const lines: Array<{ key: string | null; label: { vi: string }; cells: readonly Value[] }> = [
    ...table.rows,
    ...(table.total ? [{ key: null, label: table.total.label, cells: table.total.cells }] : []),
  ];
  for (const [i, line] of lines.entries()) {
    if (grid && grid[i + 1]?.[0] !== line.label.vi)
      return { published: out, mismatch: `${source}: row ${i + 1} is not ${line.label.vi}` };
    table.columns.forEach((column, j) => {
      if (column.kind !== "people") return;
      const constraint: Constraint = { ...base };
      if (line.key !== null) {
        const dim = rowDim[table.id];
        if (constraint[dim] !== undefined && constraint[dim] !== line.key) return;
        constraint[dim] = line.key;
      }
      const value = grid ? (grid[i + 1]?.[j + 1] ?? null) : line.cells[j]!;
      out.push({ metric: column.key as Metric, constraint, value: value as Value, source });
    });
  }
  return { published: out };
}

/** Every query the officer can make: scopes × filters (field, university), as query strings and base constraints. */
function queriesOf(
  activeFields: readonly string[],
  universities: readonly string[],
  orgIds: readonly string[],
  year: number,
) {
  const fields = [undefined, ...activeFields];
  const schools = [undefined, ...universities];
  const out: Array<{ query: string; base: Constraint }> = [];
  for (const field of fields) {
    const f = field ? `&field=${field}` : "";
    for (const u of schools) {
      const base: Constraint = { ...(field ? { field } : {}), ...(u ? { universityId: u } : {}) };
      out.push({ query: `year=${year}${f}${u ? `&universityId=${u}` : ""}`, base });
      if (u) out.push({ query: `year=${year}${f}&scope=university&universityId=${u}`, base });
      for (const orgId of orgIds) {
        out.push({
          query: `year=${year}${f}${u ? `&universityId=${u}` : ""}&scope=organisation&orgId=${orgId}`,
          base: { ...base, orgId },
        });
      }
    }
  }
  return out;
}

/**
 * Runs the attack. Cells are kept per metric (different metrics count different events); within a metric the
 * unknowns are the combinations of every dimension the officer can tell apart, minus those inside a published
 * zero (a zero is exact under every method here, so the attacker may drop them).
 */
export async function attackDashboard(options: AttackOptions): Promise<AttackResult> {
  const { request, year } = options;
  let requests = 0;
  let refused = 0;
  const get = async (path: string) => {
    requests++;
    const res = await request(path);
    if (res.status !== 200) {
      refused++;
      await res.body?.cancel();
      return undefined;
    }
    return res;
  };
  const getJson = async (path: string) => (await (await get(path))?.json()) as { tables: DashboardTable[] } | undefined;
  const first = await getJson(`/api/dashboard?year=${year}`);
  if (!first) throw new Error("the officer cannot open the province dashboard");
  // Schools the officer can filter by: the rows of the universities table ("-", no school, is no filter).
  const universities = first.tables
    .find((t) => t.id === "byUniversity")!
    .rows.map((r) => r.key)
    .filter((id) => id !== "-");

  // A field whose row shows 0 people everywhere holds nobody (0 is exact): filtering by it only repeats zeros.
  const fieldRows = first.tables.filter((t) => t.id === "byField" || t.id === "funnel").flatMap((t) => t.rows);
  const activeFields = [...workforceFieldIds, "other"].filter((field) =>
    fieldRows.some((r) => r.key === field && r.cells.some((v) => v !== 0 && v !== null)),
  );

  const published: Published[] = [];
  const inconsistent: string[] = [];
  for (const { query, base } of queriesOf(activeFields, universities, options.orgIds, year)) {
    const body = await getJson(`/api/dashboard?${query}`);
    if (!body) continue;
    for (const table of body.tables) published.push(...cellsOf(table, base, `json ${query} ${table.id}`).published);
    const wantExports = options.exports === "all" || (options.exports === "some" && Object.keys(base).length === 0);
    if (!wantExports) continue;
    for (const table of body.tables) {
      const csv = await get(`/api/dashboard/export?${query}&table=${table.id}&format=csv`);
      if (!csv) continue;
      const grid = parseCsv(await csv.text()).map((row) => row.map((f) => asValue(f.replace(/^'/, ""))));
      const parsed = cellsOf(table, base, `csv ${query} ${table.id}`, grid);
      if (parsed.mismatch) inconsistent.push(parsed.mismatch);
      published.push(...parsed.published);
    }
    const xlsx = await get(`/api/dashboard/export?${query}&table=all&format=xlsx`);
    if (xlsx) {
      const sheets = parseXlsx(new Uint8Array(await xlsx.arrayBuffer()));
      body.tables.forEach((table, k) => {
        const parsed = cellsOf(table, base, `xlsx ${query} ${table.id}`, sheets[k]);
        if (parsed.mismatch) inconsistent.push(parsed.mismatch);
        published.push(...parsed.published);
      });
    }
  }

  // What is known per constraint: a number, a mark ("<5", "x"), or several (then they must agree).
  const byConstraint = new Map<string, Published[]>();
  for (const p of published) {
    const key = constraintKey(p.metric, p.constraint);
    byConstraint.set(key, [...(byConstraint.get(key) ?? []), p]);
  }
  const zeroAt = (metric: Metric, c: Constraint) =>
    (byConstraint.get(constraintKey(metric, c)) ?? []).some((p) => p.value === 0);

  const truthByAtom = trueAtoms(options.truth, year);
  const result: AttackResult = {
    requests,
    refused,
    equations: 0,
    smallCells: 0,
    determined: 0,
    recoveredExactly: 0,
    bestGuessRight: 0,
    publishedExactly: 0,
    inconsistent,
    exactSums: true,
    noiseSd: 0,
    examples: [],
  };

  const metrics = [...new Set(published.map((p) => p.metric))];
  const systems = metrics.map((metric) => {
    const atoms = candidateAtoms(metric, published, zeroAt);
    const matches = (c: Constraint) =>
      atoms.flatMap((atom, i) => (Object.entries(c).every(([d, v]) => atom[d as Dim] === v) ? [i] : []));
    const rows: number[][] = [];
    const values: number[] = [];
    const targets = new Map<string, { cells: number[]; truth: number; shown: Value; label: string }>();
    const seen = new Map<string, Value>();
    const rowKeys = new Set<string>();
    for (const list of byConstraint.values()) {
      if (list[0]!.metric !== metric) continue;
      const cells = matches(list[0]!.constraint);
      const setKey = cells.join(",");
      const numbers = list.filter((p) => typeof p.value === "number");
      // Two numbers over the same non-empty set of cells must agree (marks like "<5" may stand beside numbers).
      for (const p of numbers) {
        if (cells.length === 0) break;
        const before = seen.get(setKey);
        if (before !== undefined && before !== p.value)
          inconsistent.push(`${metric} ${p.source}: ${p.value} ≠ ${before}`);
        if (before === undefined) seen.set(setKey, p.value);
      }
      const truth = trueValue(truthByAtom, metric, list[0]!.constraint);
      if (truth >= 1 && truth <= 4 && !targets.has(setKey)) {
        targets.set(setKey, {
          cells,
          truth,
          shown: list[0]!.value,
          label: `${metric} ${constraintKey("", list[0]!.constraint)}`,
        });
      }
      if (numbers.length > 0 && cells.length > 0 && !rowKeys.has(setKey)) {
        rowKeys.add(setKey);
        rows.push(cells);
        values.push(numbers[0]!.value as number);
      }
    }
    return { metric, atoms, rows, values, targets };
  });

  const fits = systems.map((s) => ({
    ...s,
    fit: fitSums({ unknowns: s.atoms.length, rows: s.rows, values: s.values }),
  }));
  const rss = fits.reduce((s, f) => s + f.fit.rss, 0);
  const dof = fits.reduce((s, f) => s + f.fit.dof, 0);
  result.exactSums = rss < 1e-6;
  result.noiseSd = result.exactSums || dof === 0 ? 0 : Math.sqrt(rss / dof);
  for (const { fit, targets, rows } of fits) {
    result.equations += rows.length;
    for (const target of targets.values()) {
      result.smallCells++;
      if (target.shown === target.truth) result.publishedExactly++;
      const { determined, estimate, varianceFactor } = fit.combination(target.cells);
      if (!determined) continue;
      result.determined++;
      const guess = Math.round(estimate);
      if (guess === target.truth) result.bestGuessRight++;
      // Sure when the numbers are exact sums, or when a 99 % interval around the estimate holds one integer only.
      const halfWidth = result.exactSums
        ? 0
        : 2.576 * (result.noiseSd || Number.POSITIVE_INFINITY) * Math.sqrt(varianceFactor);
      const sure = Math.abs(estimate - guess) + halfWidth < 0.5;
      if (sure && guess === target.truth) {
        result.recoveredExactly++;
        if (result.examples.length < 12) result.examples.push(`${target.label} shown ${target.shown} → ${guess}`);
      }
    }
  }
  return result;
}

type Atom = Partial<Record<Dim, string>>;

/** The finest cells a metric's published numbers can tell apart, minus those inside a published zero. */
function candidateAtoms(
  metric: Metric,
  published: readonly Published[],
  zeroAt: (m: Metric, c: Constraint) => boolean,
): Atom[] {
  const dims = dimsOf(metric);
  const values = new Map<Dim, Set<string>>(dims.map((d) => [d, new Set()]));
  for (const p of published) {
    if (p.metric !== metric) continue;
    for (const [d, v] of Object.entries(p.constraint)) values.get(d as Dim)?.add(v);
  }
  // Organisations the officer did not open may have counts too: one more value stands for all of them.
  if (values.get("orgId")?.size) values.get("orgId")!.add("(other organisations)");
  // A dimension no published number names (no university filter was open to the officer) stays undivided.
  const valuesOrAny = (dim: Dim) => (values.get(dim)!.size > 0 ? [...values.get(dim)!] : [undefined]);
  if (metric === "supply") {
    const atoms: Atom[] = [];
    for (const skillId of values.get("skillId")!) {
      for (const universityId of valuesOrAny("universityId")) {
        const atom = { skillId, field: fieldOfSkill(skillId), ...(universityId ? { universityId } : {}) };
        if (!zeroAt(metric, { skillId, universityId }) && !zeroAt(metric, { skillId })) atoms.push(atom);
      }
    }
    return atoms;
  }
  // Field × university first, then each further dimension on its own (filtered tables show each one), so the
  // product stays small; then every published zero removes what it covers.
  const atoms: Atom[] = [];
  for (const field of valuesOrAny("field")) {
    for (const universityId of valuesOrAny("universityId")) {
      const base: Atom = {
        ...(field === undefined ? {} : { field }),
        ...(universityId === undefined ? {} : { universityId }),
      };
      if (zeroAt(metric, base)) continue;
      let partial: Atom[] = [base];
      // Only the dimensions the metric's tables break down by (the funnel has no park or commune table).
      for (const dim of dims.filter((d) => d !== "field" && d !== "universityId" && values.get(d)!.size > 0)) {
        const options = [...values.get(dim)!].filter((v) => !zeroAt(metric, { ...base, [dim]: v }));
        partial = partial.flatMap((a) => options.map((v) => ({ ...a, [dim]: v })));
      }
      atoms.push(...partial);
    }
  }
  const zeros = published.filter((p) => p.metric === metric && p.value === 0).map((p) => p.constraint);
  return atoms.filter((atom) => !zeros.some((z) => Object.entries(z).every(([d, v]) => atom[d as Dim] === v)));
}

/** True counts per metric and atom (all dimensions), from the stored counters. */
function trueAtoms(truth: readonly CellCount[], year: number) {
  const out: Array<{ metric: Metric; atom: Atom; count: number }> = [];
  for (const { key, count } of truth) {
    const c = parseCellKey(key);
    if (count === 0 || (c.bucket !== String(year) && c.bucket !== currentBucket)) continue;
    const atom: Atom =
      c.metric === "supply"
        ? { skillId: c.skillId, field: c.field, universityId: c.universityId }
        : {
            field: c.field,
            universityId: c.universityId,
            month: String(c.month),
            parkId: c.parkId,
            communeId: c.communeId,
            orgId: c.orgId,
          };
    out.push({ metric: c.metric, atom, count });
  }
  return out;
}

function trueValue(atoms: ReturnType<typeof trueAtoms>, metric: Metric, c: Constraint): number {
  let sum = 0;
  for (const a of atoms) {
    if (a.metric === metric && Object.entries(c).every(([d, v]) => a.atom[d as Dim] === v)) sum += a.count;
  }
  return sum;
}

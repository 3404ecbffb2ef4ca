/**
 * The cell-key method (as in the table builders of statistics offices: ABS TableBuilder, ONS Cantabular), the
 * dashboard's disclosure control (docs/dashboard.md#privacy). Every counted record carries a fixed secret
 * pseudo-random key, an integer in [0, 2³²) (HMAC of the record with a server secret, functions/src/aggregates/
 * record-keys.ts). A counter stores the sum of its records' keys beside its count; sums add up like counts, so any
 * published cell — a row, a total, a month, whatever filters led to it — knows its records' key sum, and its
 * cell key is that sum modulo 2³², as a fraction of 2³². The published value is the true count plus a noise
 * read from a fixed table by (count, cell key). Hence:
 * - the same records always show the same value, however they are reached: asking again, or by another route,
 *   gives no new draw to average;
 * - totals are cells of their own (their own records, their own noise), never the sum of perturbed parts, so
 *   "total minus the rest" is a difference of noisy numbers;
 * - 0 stays 0, a count of 1–4 is never shown as itself, and no count is ever shown below 1.
 */

/** Record keys are integers below this; a cell's key sum stays an exact integer in a JS number and in DynamoDB. */
export const recordKeyRange = 2 ** 32;

/** Counts below this (1–4) are never published as themselves. */
export const smallCountLimit = 5;

/** The noise's decay: P(noise = d) is proportional to noiseDecay^|d| (a two-sided geometric distribution). */
export const noiseDecay = 0.5;

/**
 * Standard deviation of the noise on large counts, √(2q)/(1−q) for q = noiseDecay: 2. A province total of 200
 * reads within ±4 of the truth 95 % of the time (2 %); a university's 40 within 10 %.
 */
export const noiseStandardDeviation = Math.sqrt(2 * noiseDecay) / (1 - noiseDecay);

// Beyond this the weights fall under 2⁻⁴⁰, finer than a cell key can resolve (2⁻³²): the table ends here.
const noiseCap = 40;

/** A count with the sum of its records' keys: what a counter stores and what rolls up. */
export interface KeyedCount {
  count: number;
  keySum: number;
}

/**
 * Sums keyed counts (a total of rows, a row of cells): counts and key sums add.
 * @example addKeyed({ count: 2, keySum: 7 }, { count: 1, keySum: 5 }) // { count: 3, keySum: 12 }
 */
export function addKeyed(a: KeyedCount, b: KeyedCount): KeyedCount {
  return { count: a.count + b.count, keySum: a.keySum + b.keySum };
}

/** The empty cell. */
export const noRecords: KeyedCount = { count: 0, keySum: 0 };

/**
 * A cell's key in [0, 1): its records' key sum modulo the key range, as a fraction of it.
 * @example cellKeyOf(2 ** 31 + 2 ** 32) // 0.5
 */
export function cellKeyOf(keySum: number): number {
  const reduced = ((keySum % recordKeyRange) + recordKeyRange) % recordKeyRange;
  return reduced / recordKeyRange;
}

/** One row of the perturbation table: the noises a count may get, with their cumulative probabilities. */
export interface NoiseRow {
  noises: number[];
  cumulative: number[];
}

const rows = new Map<number, NoiseRow>();

/**
 * The perturbation table's row for a count (≥ 1): noises d from max(1 − count, −40) to +40, weighted
 * noiseDecay^|d|, without d = 0 for a count below 5, most likely first. Counts above 41 share one row.
 * @example noiseRow(1).noises.slice(0, 3) // [1, 2, 3] — one person is never shown as 1, nor as 0
 */
export function noiseRow(count: number): NoiseRow {
  const n = Math.min(count, noiseCap + 1);
  const cached = rows.get(n);
  if (cached) return cached;
  const noises: number[] = [];
  const weights: number[] = [];
  // Most likely first (0, +1, −1, +2, −2…): a counter without a key sum yet (written before record keys, until
  // reconciliation repairs it) reads key 0 and so gets the smallest noise, not an extreme one.
  for (const d of [0, ...Array.from({ length: noiseCap }, (_, i) => [i + 1, -(i + 1)]).flat()]) {
    if ((d === 0 && n < smallCountLimit) || d < 1 - n) continue;
    noises.push(d);
    weights.push(noiseDecay ** Math.abs(d));
  }
  const total = weights.reduce((s, w) => s + w, 0);
  let running = 0;
  const cumulative = weights.map((w) => {
    running += w / total;
    return running;
  });
  const row = { noises, cumulative };
  rows.set(n, row);
  return row;
}

/**
 * The noise a cell gets: the table row of its count, read at its cell key (the first noise whose cumulative
 * probability exceeds the key).
 * @example noiseOf(100, 0.5) // 0
 */
export function noiseOf(count: number, cellKey: number): number {
  const { noises, cumulative } = noiseRow(count);
  const i = cumulative.findIndex((c) => cellKey < c);
  return noises[i === -1 ? noises.length - 1 : i]!;
}

/**
 * The value a people cell publishes: 0 for no one, else the count plus its noise (always ≥ 1, never the count
 * itself when it is 1–4). Deterministic: the same records give the same value every time.
 * @example publishedCount({ count: 0, keySum: 0 }) // 0
 * @example publishedCount({ count: 3, keySum: 123456789 }) !== 3 // true
 */
export function publishedCount(cell: KeyedCount): number {
  if (cell.count <= 0) return 0;
  return cell.count + noiseOf(cell.count, cellKeyOf(cell.keySum));
}

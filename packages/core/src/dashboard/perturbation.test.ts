import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addKeyed,
  cellKeyOf,
  noiseOf,
  noiseRow,
  noiseStandardDeviation,
  publishedCount,
  recordKeyRange,
  smallCountLimit,
} from "./perturbation";

const keys = fc.array(fc.integer({ min: 0, max: recordKeyRange - 1 }), { minLength: 1, maxLength: 60 });
const cellOf = (recordKeys: readonly number[]) =>
  recordKeys.reduce((sum, key) => addKeyed(sum, { count: 1, keySum: key }), { count: 0, keySum: 0 });

describe("the cell-key perturbation", () => {
  it("keeps 0 at 0, never shows a count of 1–4 as itself, and never shows a positive count below 1", () => {
    expect(publishedCount({ count: 0, keySum: 12345 })).toBe(0);
    fc.assert(
      fc.property(keys, (recordKeys) => {
        const cell = cellOf(recordKeys);
        const shown = publishedCount(cell);
        expect(shown).toBeGreaterThanOrEqual(1);
        if (cell.count < smallCountLimit) expect(shown).not.toBe(cell.count);
      }),
    );
  });

  it("shows the same records the same way whatever order they are added in (asking again draws nothing new)", () => {
    fc.assert(
      fc.property(keys, (recordKeys) => {
        expect(publishedCount(cellOf([...recordKeys].reverse()))).toBe(publishedCount(cellOf(recordKeys)));
      }),
    );
  });

  it("reads each table row as a probability distribution over noises, with the documented spread on large counts", () => {
    for (const count of [1, 2, 3, 4, 5, 6, 20, 41, 500]) {
      const { noises, cumulative } = noiseRow(count);
      expect(cumulative.at(-1)).toBeCloseTo(1, 12);
      // As low as the count allows (shown ≥ 1, and one person never as 1), as high as +40.
      expect(Math.min(...noises)).toBe(count === 1 ? 1 : Math.max(1 - count, -40));
      expect(Math.max(...noises)).toBe(40);
      expect(noises.includes(0)).toBe(count >= smallCountLimit);
    }
    const { noises, cumulative } = noiseRow(1000);
    const variance = noises.reduce((s, d, i) => s + d * d * (cumulative[i]! - (cumulative[i - 1] ?? 0)), 0);
    expect(Math.sqrt(variance)).toBeCloseTo(noiseStandardDeviation, 6);
    expect(noiseStandardDeviation).toBeCloseTo(2, 12);
  });

  it("draws noises for large counts at the table's frequencies over uniform cell keys (mean 0)", () => {
    const draws = Array.from({ length: 20_000 }, (_, i) => noiseOf(200, (i + 0.5) / 20_000));
    const mean = draws.reduce((s, d) => s + d, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(draws.filter((d) => d === 0).length / draws.length).toBeCloseTo(1 / 3, 2);
  });

  it("takes the cell key modulo the key range, negative sums included", () => {
    expect(cellKeyOf(recordKeyRange * 3 + recordKeyRange / 4)).toBe(0.25);
    expect(cellKeyOf(-recordKeyRange / 4)).toBe(0.75);
  });
});

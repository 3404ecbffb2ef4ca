import { expect, it } from "vitest";
import { discoverProbes, runProbes, summary } from "./probe";

// `npm test` runs the short variant of every probe in scripts/probe/ (each starts its own in-memory platform).
it("every probe finds its modules and reports 0 breaches in its short variant", async () => {
  const modules = await discoverProbes();
  expect(modules.map((m) => m.name)).toEqual(expect.arrayContaining(["authorization", "fuzz"]));
  const lines: string[] = [];
  const reports = await runProbes(modules, { short: true, log: (line) => lines.push(line) });
  const table = summary(reports);
  for (const report of reports) {
    expect(report.checks, `${report.probe}\n${table}`).toBeGreaterThan(0);
    expect(report.breaches, `${report.probe}\n${table}`).toEqual([]);
  }
}, 900_000);

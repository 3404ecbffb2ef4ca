import { type CellCount, currentBucket, yearMonthInVietnam } from "@ketnoi/core";
import { reconcileAggregates } from "@ketnoi/functions/aggregates/reconcile";
import { db } from "@ketnoi/functions/db/service";
import { attackDashboard } from "@ketnoi/functions/test/dashboard-attacker";
import { seedSmallCellWorld } from "@ketnoi/functions/test/dashboard-world";
import type { ProbeModule, ProbeReport } from "./contract";
import { probePlatform } from "./platform";

/**
 * The dashboard recovery attack (issue 11) against a running platform: starts it in memory with the demo data on
 * free ports, adds a world with known small cells (functions/test/dashboard-world.ts), signs in as the demo
 * province officer over HTTP, pulls every number the officer can reach (every scope, field and university filter,
 * the organisations' funnels, and unless `short` the CSV / XLSX exports; `short` also builds a smaller world) and solves
 * them as one system of equations (functions/test/dashboard-attacker.ts). A breach is a small cell (true count
 * 1–4) recovered with certainty, a small cell published as itself, or one cell shown as two different numbers.
 * The true counts come from the platform's own table, for scoring only.
 */
export const probe: ProbeModule = {
  name: "dashboard-recovery",
  async run({ short, log }): Promise<ProbeReport> {
    // Like every probe: one client playing many (the world's students apply from fresh addresses), not one address
    // that the apply limit (20 a minute) stops after the twentieth application.
    const platform = await probePlatform(log);
    try {
      const signIn = await fetch(`${platform.apiUrl}/api/dev-auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ userId: "prov-khcn" }),
      });
      if (signIn.status !== 200) throw new Error(`province sign-in: ${signIn.status} ${await signIn.text()}`);
      const { token } = (await signIn.json()) as { token: string };
      const request = (path: string) =>
        fetch(`${platform.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

      // Beside the demo data (which counts no placements), a world with known small cells, written through the
      // API in this process (the platform's table); then wait until the platform's aggregator has counted it all.
      const { orgIds } = await seedSmallCellWorld({ prefix: "probe-", small: short });
      // Generous: the probe is about what the published numbers reveal, not the aggregator's speed; how long it took is
      // reported (aggregatorCatchUpMs) so a slow or stalled aggregator still shows.
      const waitStarted = Date.now();
      const deadline = waitStarted + 180_000;
      for (let report = await reconcileAggregates(); report.drift.length > 0; report = await reconcileAggregates()) {
        if (Date.now() > deadline) {
          const sample = JSON.stringify(report.drift.slice(0, 3));
          throw new Error(
            `the platform's aggregator did not catch up within 180 s: ${report.drift.length} differ, ${sample}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const aggregatorCatchUpMs = Date.now() - waitStarted;
      log(`dashboard-recovery: the aggregator counted the probe's records in ${aggregatorCatchUpMs} ms`);
      const year = yearMonthInVietnam(new Date().toISOString()).year;
      const truth: CellCount[] = [];
      for (const bucket of [String(year), currentBucket]) {
        const { data } = await db().entities.dashCell.query.byBucket({ bucket }).go({ pages: "all" });
        truth.push(...data.map((c) => ({ key: c.cellKey, count: c.count, keySum: c.keySum })));
      }

      const totals = new Map<string, number>();
      for (const { key, count } of truth) {
        const metric = key.split("|")[1]!;
        totals.set(metric, (totals.get(metric) ?? 0) + count);
      }
      log(`dashboard-recovery: the platform counts ${[...totals].map(([m, n]) => `${n} ${m}`).join(", ")}`);
      const started = Date.now();
      const result = await attackDashboard({
        request,
        year,
        // Organisations whose listings the world counts (public: every listing names its organisation).
        orgIds: short ? orgIds.slice(0, 1) : orgIds,
        exports: short ? "none" : "all",
        truth,
      });
      log(
        `dashboard-recovery: ${result.requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
          `${result.equations} distinct published people numbers, ${result.smallCells} small cells, ` +
          `${result.recoveredExactly} recovered exactly, best guess right for ${result.bestGuessRight}`,
      );
      const breaches = [
        ...result.examples.map((e) => `recovered a small cell exactly: ${e}`),
        ...(result.publishedExactly > 0
          ? [`${result.publishedExactly} small cell(s) published as their true value`]
          : []),
        ...result.inconsistent.slice(0, 20).map((line) => `one cell, two numbers: ${line}`),
      ];
      if (result.refused > 0)
        log(`dashboard-recovery: ${result.refused} request(s) refused — those numbers were not attacked`);
      return {
        probe: "dashboard-recovery",
        checks: result.requests + result.smallCells,
        breaches,
        figures: {
          requests: result.requests,
          refused: result.refused,
          equations: result.equations,
          smallCells: result.smallCells,
          determined: result.determined,
          recoveredExactly: result.recoveredExactly,
          bestGuessRight: result.bestGuessRight,
          publishedExactly: result.publishedExactly,
          aggregatorCatchUpMs,
        },
      };
    } finally {
      await platform.stop();
    }
  },
};

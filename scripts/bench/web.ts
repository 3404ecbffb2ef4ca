/**
 * Web benchmarks (issue 7): the JavaScript the built app loads, measured in Chromium, and Lighthouse's mobile
 * performance and accessibility scores. The work is in ./web-run.ts, imported only when the case runs, so the parent
 * bench process (which loads every section to list the cases) never loads Lighthouse, Vite or Playwright.
 */
import type { BenchSection } from "./harness";

/** Lighthouse runs of the home page; the performance score is their median (it varies from run to run). */
export const homeRuns = 3;

export const webSection: BenchSection = {
  name: "web",
  cases: [
    {
      name: "web",
      description:
        "a fresh `vite build` served by `vite preview`, the platform in memory with demo data. JS: gzip -9 of every " +
        "script Chromium fetched (1 kB = 1,000 bytes) for / until the listings show and the network is quiet, and " +
        "what the province officer's menu link to /bang-dieu-khien adds, charts drawn. Lighthouse 13.5, default " +
        `mobile config; performance the median of ${homeRuns} runs of /`,
      targets: { initialJsGzipKb: "≤ 35", lighthousePerformance: "≥ 95", lighthouseAccessibility: "100" },
      async run() {
        const { runWebBench } = await import("./web-run");
        return runWebBench();
      },
    },
  ],
};

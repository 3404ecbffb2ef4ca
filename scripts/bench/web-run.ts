/**
 * The web case's work (declared in ./web.ts): the JavaScript the built app loads, measured in Chromium, and
 * Lighthouse's mobile performance and accessibility scores, against `vite preview` of a fresh build and the
 * platform in memory. Kept apart so that the parent bench process never loads Lighthouse, Vite or Playwright.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { freePort } from "@ketnoi/functions/local/ports";
import lighthouse from "lighthouse";
import { type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { build, type Manifest, type PreviewServer, preview } from "vite";
import { chromiumArgs, chromiumDescendants, waitForExit } from "../browser";
import { type Platform, root, startPlatform } from "../platform";
import { type FigureValue, median } from "./harness";

const webRoot = resolve(root, "web");
const configFile = resolve(webRoot, "vite.config.ts");
/** The demo province officer (functions/src/seed/demo-data.ts), who may open the province dashboard. */
const provinceOfficer = "Huỳnh Văn Tài";

import { homeRuns } from "./web";

/** gzip -9 of the bytes, in kB: the size a compressing CDN sends, the measure Vite's build report also uses. */
const gzipKb = (bodies: Iterable<Buffer>) => {
  let bytes = 0;
  for (const body of bodies) bytes += gzipSync(body, { level: 9 }).length;
  return Math.round(bytes / 10) / 100;
};

/** "name gzip-kB, …" of the largest files, largest first, without the content hashes: where the kilobytes are. */
function largestFiles(files: ReadonlyMap<string, Buffer>, count = 6): string {
  return [...files]
    .map(([url, body]) => ({ name: url.replace(/^.*\//, "").replace(/-[\w-]{8}\.js$/, ""), kb: gzipKb([body]) }))
    .sort((a, b) => b.kb - a.kb)
    .slice(0, count)
    .map(({ name, kb }) => `${name} ${kb.toFixed(1)}`)
    .join(", ");
}

/**
 * The files of the chunks under `keys` and everything they import statically, from Vite's build manifest: what
 * a browser must fetch before those modules run (their dynamic imports excluded).
 */
function staticClosure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return files;
}

/** Every JavaScript response of the app's origin in this context, by URL, from now on. */
function recordScripts(context: BrowserContext, origin: string) {
  const bodies = new Map<string, Promise<Buffer>>();
  context.on("response", (response) => {
    const url = response.url();
    if (response.request().resourceType() === "script" && url.startsWith(origin) && !bodies.has(url)) {
      bodies.set(url, response.body());
    }
  });
  return {
    urls: () => new Set(bodies.keys()),
    /** The scripts loaded so far, except those in `except`, by URL. */
    files: async (except: ReadonlySet<string> = new Set()) =>
      new Map(
        await Promise.all(
          [...bodies].filter(([url]) => !except.has(url)).map(async ([url, body]) => [url, await body] as const),
        ),
      ),
  };
}

/**
 * Counts the page's requests from now on; `quiet()` resolves once none has been in flight for a second. Unlike
 * Playwright's "networkidle", it also works after an in-app navigation, which loads no new document.
 */
function watchNetwork(page: Page) {
  let inFlight = 0;
  let changedAt = Date.now();
  const started = () => {
    inFlight++;
    changedAt = Date.now();
  };
  const ended = () => {
    inFlight--;
    changedAt = Date.now();
  };
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  return {
    async quiet(quietMs = 1_000, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      try {
        while (inFlight > 0 || Date.now() - changedAt < quietMs) {
          if (Date.now() > deadline)
            throw new Error(`${page.url()}: requests still in flight after ${timeoutMs / 1000} s`);
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        page.off("request", started);
        page.off("requestfinished", ended);
        page.off("requestfailed", ended);
      }
    },
  };
}

/** Debian's Chromium with a DevTools port, which both Playwright and Lighthouse drive. */
async function launchChromium(port: number, profile: string): Promise<ChildProcess> {
  const chrome = spawn(
    "/usr/bin/chromium",
    // No startup window (as Playwright launches it): no new-tab page or omnibox targets for the clients to attach
    // to; once, connecting hung on them for two minutes.
    [...chromiumArgs, "--no-startup-window", `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`],
    {
      stdio: "ignore",
      // Its own process group, so that stopping it stops its helpers too.
      detached: true,
    },
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (chrome.exitCode !== null) throw new Error(`Chromium exited with ${chrome.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return chrome;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("Chromium's DevTools port did not open within 60 s");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopChromium(chrome: ChildProcess) {
  const pids = [chrome.pid!, ...chromiumDescendants()];
  const exited = new Promise((r) => chrome.once("exit", r));
  try {
    process.kill(-chrome.pid!, "SIGTERM");
  } catch {
    // Already gone.
  }
  const killed = setTimeout(() => {
    try {
      process.kill(-chrome.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, 5_000);
  if (chrome.exitCode === null) await exited;
  clearTimeout(killed);
  await waitForExit(pids);
}

/** Lighthouse's default configuration: a mid-range phone (Moto G Power), simulated slow 4G and 4× slower CPU. */
async function audit(url: string, port: number) {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance", "accessibility"],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, environment, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const failing = (categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && audits[ref.id]!.score! < 1)
    .map((ref) => ref.id);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    failing,
    fcpMs: Math.round(audits["first-contentful-paint"]?.numericValue ?? 0),
    lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? 0),
    tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? 0),
    cls: Math.round((audits["cumulative-layout-shift"]?.numericValue ?? 0) * 1000) / 1000,
    benchmarkIndex: Math.round(environment.benchmarkIndex),
  };
}

/** Runs the web case (the section's declaration, in ./web.ts, loads this module only when the case runs). */
export async function runWebBench() {
  const scratch = mkdtempSync(join(tmpdir(), "ketnoi-bench-web-"));
  const outDir = join(scratch, "dist");
  let platform: Platform | undefined;
  let server: PreviewServer | undefined;
  let chrome: ChildProcess | undefined;
  try {
    await build({
      configFile,
      root: webRoot,
      // Only errors: on a loaded machine the build's plugin-timing notice is noise in the report.
      logLevel: "error",
      build: { outDir, emptyOutDir: true, manifest: true },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, ".vite/manifest.json"), "utf8")) as Manifest;
    const read = (files: Iterable<string>) => [...files].map((file) => readFileSync(join(outDir, file)));
    const homeFiles = staticClosure(manifest, ["index.html", "src/pages/Home.tsx"]);
    const dashboardFiles = staticClosure(manifest, ["src/dashboard/DashboardPage.tsx"]);

    platform = await startPlatform({
      inMemory: true,
      dynamoPort: await freePort(),
      apiPort: await freePort(),
      webPort: await freePort(),
    });
    const previewPort = await freePort();
    const cdpPort = await freePort();
    // startPlatform set KETNOI_API_URL, which the config's /api proxy reads (it also starts a dev server, idle).
    server = await preview({
      configFile,
      root: webRoot,
      logLevel: "warn",
      build: { outDir },
      preview: { host: "127.0.0.1", port: previewPort, strictPort: true },
    });
    const origin = `http://127.0.0.1:${previewPort}`;
    chrome = await launchChromium(cdpPort, join(scratch, "profile"));
    // Generous timeouts: on a machine shared with test suites, Chromium can take tens of seconds to answer.
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`, { timeout: 120_000 });
    const newContext = async (options?: BrowserContextOptions) => {
      const context = await browser.newContext(options);
      context.setDefaultTimeout(60_000);
      return context;
    };

    // The home page, signed out, up to the listings shown and the network quiet: nothing clicked.
    const visitor = await newContext();
    const home = recordScripts(visitor, origin);
    const page = await visitor.newPage();
    const homeLoad = watchNetwork(page);
    await page.goto(`${origin}/`);
    const firstCard = page.getByRole("main").getByRole("article").first();
    await firstCard.waitFor({ state: "visible" });
    await homeLoad.quiet();
    const listingPath = await firstCard.getByRole("link").first().getAttribute("href");
    if (!listingPath?.startsWith("/tin/")) throw new Error(`the first card links to ${listingPath}`);
    const homeJs = await home.files();

    // The search page (/tim-kiem) opened directly, in a fresh context (an empty cache), up to the network quiet.
    const searcher = await newContext();
    const searchScripts = recordScripts(searcher, origin);
    const searchPage = await searcher.newPage();
    const searchLoad = watchNetwork(searchPage);
    await searchPage.goto(`${origin}/tim-kiem`);
    await searchPage.getByRole("main").getByRole("heading", { level: 1 }).waitFor({ state: "visible" });
    await searchLoad.quiet();
    const searchJs = await searchScripts.files();
    await searcher.close();

    // The province officer signs in (the development identity provider's demo account), then a fresh context
    // with that session opens the home page and follows the menu to the dashboard.
    await page.goto(`${origin}/dang-nhap`);
    await page.getByRole("button", { name: `Đăng nhập với tên ${provinceOfficer}`, exact: true }).click();
    await page.waitForURL(`${origin}/`);
    const officer = await newContext({ storageState: await visitor.storageState() });
    await visitor.close();
    const officerScripts = recordScripts(officer, origin);
    const officerPage = await officer.newPage();
    const officerHome = watchNetwork(officerPage);
    await officerPage.goto(`${origin}/`);
    await officerPage.getByRole("main").getByRole("article").first().waitFor({ state: "visible" });
    await officerHome.quiet();
    const beforeDashboard = officerScripts.urls();
    // Up to the figures shown, charts drawn (uPlot loads once the figures arrive) and the network quiet.
    const dashboardLoad = watchNetwork(officerPage);
    await officerPage.locator('a[href="/bang-dieu-khien"]').first().click();
    await officerPage.waitForURL(`${origin}/bang-dieu-khien`);
    await officerPage.getByRole("main").getByRole("heading", { level: 1 }).waitFor({ state: "visible" });
    await dashboardLoad.quiet();
    const dashboardJs = await officerScripts.files(beforeDashboard);
    const chartsDrawn = await officerPage.locator("[data-chart] canvas").count();
    await officer.close();
    await browser.close();

    const homeAudits = [];
    for (let i = 0; i < homeRuns; i++) homeAudits.push(await audit(`${origin}/`, cdpPort));
    const detail = await audit(`${origin}${listingPath}`, cdpPort);
    const failing = [...new Set(homeAudits.flatMap((a) => a.failing))];

    const figures: Record<string, FigureValue> = {
      initialJsGzipKb: gzipKb(homeJs.values()),
      initialJsFiles: homeJs.size,
      initialJsLargestKb: largestFiles(homeJs),
      searchPageJsGzipKb: gzipKb(searchJs.values()),
      searchPageJsLargestKb: largestFiles(searchJs),
      dashboardJsGzipKb: gzipKb(dashboardJs.values()),
      dashboardJsFiles: dashboardJs.size,
      dashboardJsLargestKb: largestFiles(dashboardJs),
      dashboardChartsDrawn: chartsDrawn,
      lighthousePerformance: median(homeAudits.map((a) => a.performance)),
      // The same in every run (no timing in it); the lowest, should one run see a page in another state.
      lighthouseAccessibility: Math.min(...homeAudits.map((a) => a.accessibility)),
      lighthouseAccessibilityFailing: failing.join(", ") || "none",
      lighthousePerformanceRuns: homeAudits.map((a) => a.performance).join(", "),
      // The metrics behind the score, each the median of the runs (simulated: a phone on slow 4G).
      lighthouseFcpMs: median(homeAudits.map((a) => a.fcpMs)),
      lighthouseLcpMs: median(homeAudits.map((a) => a.lcpMs)),
      lighthouseTbtMs: median(homeAudits.map((a) => a.tbtMs)),
      lighthouseCls: median(homeAudits.map((a) => a.cls)),
      lighthouseBenchmarkIndex: median(homeAudits.map((a) => a.benchmarkIndex)),
      listingDetail: {
        lighthousePerformance: detail.performance,
        lighthouseAccessibility: detail.accessibility,
        lighthouseAccessibilityFailing: detail.failing.join(", ") || "none",
      },
      // Cross-checks from the build manifest alone: the entry and the home page's chunk with their static
      // imports; the dashboard page's chunk and static imports the home page does not already load.
      manifestInitialJsGzipKb: gzipKb(read(homeFiles)),
      manifestDashboardJsGzipKb: gzipKb(read([...dashboardFiles].filter((file) => !homeFiles.has(file)))),
    };
    return figures;
  } finally {
    if (chrome) await stopChromium(chrome).catch((error) => console.error("stopping Chromium:", error));
    await server?.close().catch((error) => console.error("stopping vite preview:", error));
    await platform?.stop().catch((error) => console.error("stopping the platform:", error));
    rmSync(scratch, { recursive: true, force: true });
  }
}

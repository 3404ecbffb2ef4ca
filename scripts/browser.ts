/** Shared helpers of the Chromium end-to-end scripts: launch flags, steps, and leaving no process behind. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { freePort } from "@ketnoi/functions/local/ports";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { type Platform, startPlatform } from "./platform";

/** Launch flags for Debian's Chromium on this closed network (see ../shared/STACK.md). */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  // Without these Chromium keeps calling Google services, which this closed network answers slowly or not at all.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs one named step, printing its outcome and duration. */
export async function step(name: string, run: () => Promise<void>) {
  const at = Date.now();
  process.stdout.write(`• ${name}… `);
  await run();
  console.log(`ok (${seconds(at)})`);
}

/** playwright-core has no `expect`: waiting for the element is the assertion, and its timeout the failure. */
export const visible = (locator: Locator) => locator.first().waitFor({ state: "visible" });

/** Chromium processes under this one, read from /proc (empty elsewhere). */
export function chromiumDescendants(): number[] {
  if (!existsSync("/proc/self/stat")) return [];
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we were reading: it is not ours to wait for any more.
    }
  }
  const found: number[] = [];
  const queue = [process.pid];
  while (queue.length > 0) {
    const parent = queue.pop();
    for (const [pid, ppid] of parentOf) {
      if (ppid === parent) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").includes("chrom");
    } catch {
      return false;
    }
  });
}

/**
 * Chromium's helper processes are orphaned when the browser exits and linger as zombies until init reaps them;
 * waiting for them means a `pgrep chromium` right after this script finds nothing.
 */
export async function waitForExit(pids: number[], timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (pids.some((pid) => existsSync(`/proc/${pid}`)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a journey gets from `runE2e`: the browser, the web app's address, and a sink for uncaught page errors. */
export interface E2eEnvironment {
  browser: Browser;
  webUrl: string;
  /** maildev's web UI and REST API (`/api/email`): every mail the platform sent. */
  mailUrl: string;
  /** Pages add `pageerror` messages here (`watchErrors`); any at the end fails the run. */
  pageErrors: string[];
}

/** Collects a page's uncaught errors into the run's list; the Vite dev server may take seconds per first page. */
export function watchErrors(page: Page, env: E2eEnvironment): Page {
  page.setDefaultTimeout(20_000);
  page.on("pageerror", (error) => env.pageErrors.push(error.message));
  return page;
}

/** A new context (its own session, as on a separate phone) at 360 px in Vietnamese, with errors watched. */
export async function phonePage(env: E2eEnvironment): Promise<Page> {
  const context = await env.browser.newContext({ locale: "vi-VN", viewport: { width: 360, height: 780 } });
  return watchErrors(await context.newPage(), env);
}

/**
 * Runs one Chromium end-to-end script: starts the whole platform in memory on free ports and Debian's Chromium,
 * runs `journey` (which may return a summary for the last line), fails on uncaught page errors, always stops the
 * browser and the platform, prints "<name> passed|failed … in N s" and exits 0 or 1.
 */
export async function runE2e(name: string, journey: (env: E2eEnvironment) => Promise<unknown>) {
  const started = Date.now();
  let platform: Platform | undefined;
  let browser: Browser | undefined;
  let failed = false;
  let summary: unknown;
  try {
    const dynamoPort = await freePort();
    const apiPort = await freePort();
    const webPort = await freePort();
    await step("start DynamoDB Local, demo data, API and web app", async () => {
      platform = await startPlatform({ inMemory: true, dynamoPort, apiPort, webPort });
    });
    await step("launch Chromium", async () => {
      browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
    });
    const env: E2eEnvironment = {
      browser: browser!,
      webUrl: platform!.webUrl,
      mailUrl: platform!.mail.webUrl,
      pageErrors: [],
    };
    summary = await journey(env);
    if (env.pageErrors.length > 0) throw new Error(`uncaught errors in the page:\n${env.pageErrors.join("\n")}`);
  } catch (error) {
    failed = true;
    console.log("FAILED");
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  } finally {
    const chromiumPids = chromiumDescendants();
    await browser?.close().catch((error) => console.error("closing Chromium:", error));
    await platform?.stop().catch((error) => console.error("stopping the platform:", error));
    await waitForExit(chromiumPids);
  }
  console.log(
    `${name} ${failed ? "failed" : "passed"}${typeof summary === "string" ? ` (${summary})` : ""} in ${seconds(started)}`,
  );
  process.exit(failed ? 1 : 0);
}

/** The people of a journey: each `newPage()` is a separate phone (its own session) on the web app. */
export interface Actors {
  newPage(): Promise<Page>;
  webUrl: string;
}

/**
 * What a phone user would notice on the page as it is now: sideways scrolling at its width, and visible form
 * controls without a name (label, aria-label or aria-labelledby). Empty when there is nothing.
 */
export function phoneProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    if (overflow > 1) found.push(`scrolls sideways by ${overflow}px`);
    for (const control of document.querySelectorAll<HTMLInputElement>("input, select, textarea")) {
      const shown = control.getClientRects().length > 0 && control.type !== "hidden";
      const named =
        (control.labels?.length ?? 0) > 0 ||
        control.hasAttribute("aria-label") ||
        control.hasAttribute("aria-labelledby");
      if (shown && !named) found.push(`unlabelled ${control.tagName.toLowerCase()} ${control.name || control.id}`);
    }
    return found;
  });
}

/** At 360 px the menu folds behind a "Menu" button: opens it as a phone user would; returns the navigation. */
export async function openMenu(page: Page): Promise<Locator> {
  const toggle = page.getByRole("button", { name: "Menu" });
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  return page.getByRole("navigation", { name: "Điều hướng chính" });
}

/** A fresh browser context (its own session) signed in, on the sign-in page, as the demo account with this name. */
export async function signedIn(actors: Actors, displayName: string): Promise<Page> {
  const page = await actors.newPage();
  await page.goto(`${actors.webUrl}/dang-nhap`);
  await page.getByRole("button", { name: `Đăng nhập với tên ${displayName}`, exact: true }).click();
  await page.waitForURL(`${actors.webUrl}/`);
  await visible((await openMenu(page)).getByText(`Đang đăng nhập: ${displayName}`));
  return page;
}

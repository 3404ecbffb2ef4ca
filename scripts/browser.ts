/** Shared helpers of the Chromium end-to-end scripts: launch flags, steps, and leaving no process behind. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Locator } from "playwright-core";

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

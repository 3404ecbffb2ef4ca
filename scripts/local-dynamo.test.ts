import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./codemods/run";

/** Whether `pid` runs (a zombie, dead but not yet reaped by whoever adopted it, does not count). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return process.platform !== "linux";
  }
};

// A process that starts DynamoDB Local (as `npm start`, the seed and the test setup do), prints java's pid and waits.
const parentScript = `
import("@ketnoi/functions/local/ports").then(async ({ freePort }) => {
  const { startDynamoLocal } = await import("@ketnoi/functions/local/dynamodb-local");
  const dynamo = await startDynamoLocal({ port: await freePort(), inMemory: true });
  console.log("java " + dynamo.process.pid);
  setInterval(() => {}, 60_000);
});`;

describe("DynamoDB Local", () => {
  it("dies with the process that started it, even when that process is killed with SIGKILL", async () => {
    const parent = spawn(process.execPath, ["--import", "tsx", "-e", parentScript], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    const javaPid = await new Promise<number>((resolve, reject) => {
      let out = "";
      parent.stdout.on("data", (chunk) => {
        out += chunk;
        const match = /java (\d+)/.exec(out);
        if (match) resolve(Number(match[1]));
      });
      parent.once("exit", (code) => reject(new Error(`the parent exited (${code}) before DynamoDB Local answered`)));
    });
    expect(alive(javaPid)).toBe(true);
    parent.kill("SIGKILL");
    const deadline = Date.now() + 15_000;
    while (alive(javaPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const orphaned = alive(javaPid);
    if (orphaned) process.kill(javaPid, "SIGKILL");
    expect(orphaned).toBe(false);
  });
});

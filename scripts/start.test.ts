import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort, portInUse } from "@ketnoi/functions/local/ports";
import { afterAll, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(join(tmpdir(), "ketnoi-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it("npm start serves the web page and a healthy API, then stops every child on SIGTERM", async () => {
  const [dynamoPort, apiPort, webPort] = [await freePort(), await freePort(), await freePort()];
  const [smtpPort, mailPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      KETNOI_DATA_DIR: dataDir,
      KETNOI_DYNAMO_PORT: String(dynamoPort),
      KETNOI_API_PORT: String(apiPort),
      KETNOI_WEB_PORT: String(webPort),
      KETNOI_MAIL_SMTP_PORT: String(smtpPort),
      KETNOI_MAIL_WEB_PORT: String(mailPort),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  try {
    const started = Date.now();
    while (!output.includes("Press Ctrl-C to stop.")) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      // A wait for readiness, not a speed assertion: seeding the demo data into the on-disk DynamoDB Local takes
      // ~60 s on this 2-core machine when other suites run beside it (docs/benchmarks.md has the seed's rates).
      if (Date.now() - started > 180_000) throw new Error(`npm start not ready in 180 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(output).toContain(`http://127.0.0.1:${webPort}`);
    // maildev, where local mail lands (docs/mail.md): its line, and its REST API answering.
    expect(output).toContain(`Mail: http://127.0.0.1:${mailPort}`);
    expect((await fetch(`http://127.0.0.1:${mailPort}/api/email`)).status).toBe(200);
    const health = await fetch(`http://127.0.0.1:${apiPort}/api/health`);
    expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });
    const page = await fetch(`http://127.0.0.1:${webPort}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"');
    // The web server proxies /api to the API.
    const listings = await fetch(`http://127.0.0.1:${webPort}/api/listings?limit=1`);
    expect(((await listings.json()) as { items: unknown[] }).items).toHaveLength(1);
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  expect(child.exitCode).toBe(0);
  expect(output).toContain("stopping KetNoi");
  // No orphan: every port is released (DynamoDB Local's port can take a moment after SIGTERM).
  for (const port of [apiPort, webPort, dynamoPort, smtpPort, mailPort]) {
    let busy = true;
    for (let i = 0; i < 20 && busy; i++) {
      busy = await portInUse(port);
      if (busy) await new Promise((r) => setTimeout(r, 250));
    }
    expect(busy, `port ${port} still in use`).toBe(false);
  }
}, 240_000);

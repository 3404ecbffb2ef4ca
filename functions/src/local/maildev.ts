import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A running maildev: the SMTP server local mail goes to, with its web UI and REST API (`/api/email`). */
export interface MailDev {
  smtpPort: number;
  /** The web UI and REST API, e.g. `http://127.0.0.1:1080` (`GET /api/email`, `/api/email/:id/source`). */
  webUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function maildevBin(): string {
  // The package exports only its ES main (dist/index.js); its CLI sits beside it.
  return join(dirname(fileURLToPath(import.meta.resolve("maildev"))), "bin/maildev.js");
}

/**
 * Starts maildev (npm, a child node process) on 127.0.0.1: SMTP on `smtpPort`, web UI and REST API on `webPort`.
 * Mail is kept in memory only: a restart starts with an empty mailbox. Polls its REST API until it answers.
 * @example const mail = await startMailDev({ smtpPort: 1025, webPort: 1080 }); … await mail.stop();
 */
export async function startMailDev(options: { smtpPort: number; webPort: number }): Promise<MailDev> {
  // Its own folder: maildev's default (/tmp/maildev) would be shared with every other maildev on the machine.
  const directory = mkdtempSync(join(tmpdir(), "ketnoi-maildev-"));
  const child = spawn(
    process.execPath,
    [
      maildevBin(),
      "--smtp",
      String(options.smtpPort),
      "--web",
      String(options.webPort),
      "--ip",
      "127.0.0.1",
      "--web-ip",
      "127.0.0.1",
      "--mail-directory",
      directory,
      "--silent",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = `${stderr}${chunk}`.slice(-2000);
  });
  const webUrl = `http://127.0.0.1:${options.webPort}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => {
        rmSync(directory, { recursive: true, force: true });
        resolve();
      });
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
    });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`maildev exited with code ${child.exitCode}: ${stderr}`);
    try {
      const response = await fetch(`${webUrl}/api/email`);
      if (response.ok) return { smtpPort: options.smtpPort, webUrl, process: child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`maildev did not answer on ${webUrl} within 30 s: ${stderr}`);
}

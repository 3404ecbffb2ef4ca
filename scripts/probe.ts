import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ProbeModule, ProbeReport } from "./probe/contract";

const folder = resolve(import.meta.dirname, "probe");

/**
 * Every probe module in scripts/probe/: each `*.ts` file exporting `probe: ProbeModule` (helpers export none).
 * Read from the folder, so a probe added by anyone plugs in without editing this runner.
 */
export async function discoverProbes(only?: string[]): Promise<ProbeModule[]> {
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts"))
    .sort();
  const modules: ProbeModule[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(resolve(folder, file)).href)) as { probe?: ProbeModule };
    if (mod.probe && (!only?.length || only.includes(mod.probe.name))) modules.push(mod.probe);
  }
  return modules;
}

const reportMarker = "PROBE-REPORT ";

/** Runs one probe module in this process and prints its report on a marked line (the child side of `runProbes`). */
async function runOne(name: string, short: boolean) {
  const [module] = await discoverProbes([name]);
  if (!module) throw new Error(`No probe module named ${name}`);
  const report = await module.run({ short, log: (line) => console.log(line) });
  console.log(`${reportMarker}${JSON.stringify(report)}`);
}

/**
 * Runs probes one after another, each in its own Node process: a probe starts its own platform, and the
 * process-wide singletons (configuration, DynamoDB client, search index, caches) must not leak from one
 * platform into the next. A probe that fails or prints no report counts as a breach.
 */
export async function runProbes(
  modules: ProbeModule[],
  options: { short: boolean; log: (line: string) => void },
): Promise<ProbeReport[]> {
  const reports: ProbeReport[] = [];
  for (const module of modules) {
    options.log(`▶ ${module.name}${options.short ? " (short)" : ""}`);
    const started = Date.now();
    const args = ["--import", "tsx", fileURLToPath(import.meta.url), "--child", module.name];
    if (options.short) args.push("--short");
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let report: ProbeReport | undefined;
    let errors = "";
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      if (line.startsWith(reportMarker)) report = JSON.parse(line.slice(reportMarker.length)) as ProbeReport;
      else options.log(`  ${line}`);
    });
    child.stderr.on("data", (chunk) => {
      errors += chunk;
    });
    const code = await new Promise<number | null>((done) => child.on("close", done));
    reports.push(
      report ?? {
        probe: module.name,
        checks: 0,
        breaches: [`the probe itself failed (exit ${code}): ${errors.trim().split("\n").slice(-3).join(" ")}`],
      },
    );
    options.log(`  ${module.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return reports;
}

/** The summary table: one row per probe, then every breach in full. */
export function summary(reports: ProbeReport[]): string {
  const rows = reports.map((r) => [
    r.probe,
    String(r.checks),
    String(r.breaches.length),
    Object.entries(r.figures ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(" "),
  ]);
  const header = ["probe", "checks", "breaches", "figures"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  for (const r of reports) for (const breach of r.breaches) out.push(`BREACH ${r.probe}: ${breach}`);
  const total = reports.reduce((n, r) => n + r.breaches.length, 0);
  out.push(`${reports.length} probe(s), ${reports.reduce((n, r) => n + r.checks, 0)} checks, ${total} breach(es)`);
  return out.join("\n");
}

async function main() {
  const args = process.argv.slice(2);
  const short = args.includes("--short");
  const child = args.indexOf("--child");
  if (child >= 0) {
    await runOne(args[child + 1]!, short);
    process.exit(0);
  }
  const only = args.filter((a) => !a.startsWith("--"));
  const modules = await discoverProbes(only);
  if (modules.length === 0) throw new Error(`No probe module${only.length ? ` named ${only.join(", ")}` : ""}`);
  const reports = await runProbes(modules, { short, log: (line) => console.log(line) });
  console.log(summary(reports));
  process.exit(reports.some((r) => r.breaches.length > 0 || r.checks === 0) ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

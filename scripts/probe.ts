import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
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

/** Runs probes one after another (each starts its own platform); a probe that throws counts as a breach. */
export async function runProbes(
  modules: ProbeModule[],
  options: { short: boolean; log: (line: string) => void },
): Promise<ProbeReport[]> {
  const reports: ProbeReport[] = [];
  for (const module of modules) {
    options.log(`▶ ${module.name}${options.short ? " (short)" : ""}`);
    const started = Date.now();
    try {
      reports.push(await module.run({ short: options.short, log: (line) => options.log(`  ${line}`) }));
    } catch (error) {
      reports.push({ probe: module.name, checks: 0, breaches: [`the probe itself failed: ${String(error)}`] });
    }
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

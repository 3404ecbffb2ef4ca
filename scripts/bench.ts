/**
 * `npm run bench`: the performance figures of this machine, as a table, or as one JSON object with `-- --json`.
 * `-- --only=<section or case>` runs part of it. Each case runs in a fresh child process (this same script with
 * `--section <section> --case <name>`, loading only that section) so its time and peak memory are its own. Add a
 * section: write scripts/bench/<name>.ts exporting a `BenchSection` and list it in `sectionModules` below.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { type BenchCase, type BenchSection, type Figures, flattenFigures } from "./bench/harness";

/**
 * The sections, loaded on demand: a case's child process loads only its own section's module, because merely
 * loading the others (esbuild, the platform's modules) made the placement round ~50 % slower in the same child.
 */
const sectionModules: Record<string, () => Promise<BenchSection>> = {
  api: async () => (await import("./bench/api")).apiSection,
  web: async () => (await import("./bench/web")).webSection,
  lambda: async () => (await import("./bench/lambda")).lambdaSection,
  matching: async () => (await import("./bench/matching")).matchingSection,
  routes: async () => (await import("./bench/routes")).routesSection,
  candidates: async () => (await import("./bench/candidates")).candidatesSection,
  search: async () => (await import("./bench/search")).searchSection,
};

const args = process.argv.slice(2);
const option = (name: string) => {
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};

async function casesOf(sectionNames: readonly string[]) {
  const sections = await Promise.all(sectionNames.map((name) => sectionModules[name]!()));
  return sections.flatMap((section) => section.cases.map((c) => ({ section: section.name, benchCase: c })));
}

async function runCaseHere(section: string, name: string): Promise<void> {
  if (!sectionModules[section]) throw new Error(`unknown bench section ${section}`);
  const found = (await casesOf([section])).find((c) => c.benchCase.name === name);
  if (!found) throw new Error(`unknown bench case ${name}`);
  const figures = await found.benchCase.run();
  // Exit once written: a case that leaves a handle open (a keep-alive socket, a timer) must not hang the run.
  process.stdout.write(`${JSON.stringify(figures)}\n`, () => process.exit(0));
}

function runCaseInChild(section: string, benchCase: BenchCase): Figures {
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      "--expose-gc",
      fileURLToPath(import.meta.url),
      "--section",
      section,
      "--case",
      benchCase.name,
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`bench case ${benchCase.name} failed (exit ${child.status})`);
  const lastLine = child.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(lastLine) as Figures;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    // Runnable processes over the last minute (the bench itself counts for about one): above the core count,
    // others competed for the CPU, and absolute times are inflated more than ratios are.
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

function printTable(results: ReadonlyArray<{ section: string; benchCase: BenchCase; figures: Figures }>) {
  const m = machine();
  console.log(
    `KetNoi benchmarks — ${new Date().toISOString()} — ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, ` +
      `load average ${m.loadAverage}`,
  );
  for (const { section, benchCase, figures } of results) {
    console.log(`\n[${section}] ${benchCase.name}: ${benchCase.description}`);
    const flat = flattenFigures(figures);
    const width = Math.max(...Object.keys(flat).map((k) => k.length));
    for (const [key, value] of Object.entries(flat)) {
      const target = benchCase.targets?.[key] ?? benchCase.targets?.[key.replace(/^[^.]+\./, "*.")];
      console.log(`  ${key.padEnd(width)}  ${String(value).padStart(10)}${target ? `   target ${target}` : ""}`);
    }
  }
}

const caseName = option("case");
if (caseName) await runCaseHere(option("section") ?? "", caseName);
else {
  const only = option("only");
  const allCases = await casesOf(Object.keys(sectionModules));
  const duplicate = allCases.find((c, i) => allCases.findIndex((o) => o.benchCase.name === c.benchCase.name) !== i);
  if (duplicate) throw new Error(`two bench cases are named ${duplicate.benchCase.name}`);
  const selected = allCases.filter((c) => !only || c.section === only || c.benchCase.name === only);
  if (selected.length === 0) throw new Error(`no bench section or case named ${only}`);
  const results = selected.map((c) => {
    if (!args.includes("--json")) console.error(`running ${c.benchCase.name}…`);
    return { ...c, figures: runCaseInChild(c.section, c.benchCase) };
  });
  if (args.includes("--json")) {
    const report: Record<string, unknown> = { date: new Date().toISOString(), machine: machine() };
    for (const { benchCase, figures } of results) report[benchCase.name] = figures;
    console.log(JSON.stringify(report));
  } else printTable(results);
}

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The TypeScript files under `path` (or `path` itself), outside node_modules, hidden folders and build output. */
export function* typeScriptFiles(path: string): Generator<string> {
  if (statSync(path).isFile()) {
    if (/\.tsx?$/.test(path)) yield path;
    return;
  }
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".") || entry === "dist" || entry === "cdk.out") continue;
    yield* typeScriptFiles(join(path, entry));
  }
}

export interface Codemod {
  /** Folders (from the repository root) rewritten when no path is given on the command line. */
  defaultRoots: readonly string[];
  /** Which of the files found it looks at. */
  include: (file: string) => boolean;
  /** The file's new text (the same text when nothing changes). */
  rewrite: (source: string, file: string) => string;
  /** How Biome tidies rewritten files: `format` folds lines, `check` also sorts imports. */
  biome: "format" | "check";
  /** What `--check` prints before the files left in the old form, and when none are left. */
  pending: string;
  clean: string;
}

/**
 * Runs a codemod the way every codemod here runs: `[paths…] [--check]`. Rewrites in place and lets Biome tidy the
 * files, or with `--check` only lists the files it would change (exit 1 when there are some). Idempotent.
 */
export function runCodemod(codemod: Codemod, argv: readonly string[]): void {
  const check = argv.includes("--check");
  const targets = argv.filter((a) => !a.startsWith("--"));
  const roots = targets.length
    ? targets.map((p) => join(process.cwd(), p))
    : codemod.defaultRoots.map((p) => join(repoRoot, p));
  const changed: string[] = [];
  for (const root of roots) {
    for (const file of typeScriptFiles(root)) {
      if (!codemod.include(file)) continue;
      const source = readFileSync(file, "utf8");
      const next = codemod.rewrite(source, file);
      if (next === source) continue;
      changed.push(relative(repoRoot, file));
      if (!check) writeFileSync(file, next);
    }
  }
  if (check) {
    if (changed.length) {
      console.error(`${codemod.pending}:\n  ${changed.join("\n  ")}`);
      process.exit(1);
    }
    console.log(codemod.clean);
    return;
  }
  if (changed.length) {
    execFileSync(join(repoRoot, "node_modules/.bin/biome"), [codemod.biome, "--write", ...changed], {
      cwd: repoRoot,
      stdio: "inherit",
    });
  }
  console.log(`rewrote ${changed.length} file(s)${changed.length ? `:\n  ${changed.join("\n  ")}` : ""}`);
}

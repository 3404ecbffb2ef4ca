/**
 * Finds import circles that run through more than one folder (issue 18): `data/listings → search/live →
 * data/organisations → data/listings` makes two folders depend on each other, so neither can be read, moved or
 * bundled without the other, and which module initialises first depends on who imports first. A circle inside one
 * folder is that folder's own business and is not reported.
 *
 *   npm run check:circles     # lists each circle (exit 1), or says there is none
 *
 * The graph is every TypeScript file of the packages and the static imports, re-exports and `import()`s between them
 * (`import type` too: a folder that needs another's types depends on it as much), relative or by workspace name.
 * import-circles.test.ts runs the same check in the suite.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { repoRoot, typeScriptFiles } from "./codemods/run";
import { moduleSpecifiers } from "./codemods/workspace-imports";

const roots = ["packages/core/src", "functions/src", "functions/test", "web/src", "web/test", "infra", "scripts"];

/** Workspace names → the folder their subpaths resolve in (each package.json's `exports`). */
const workspaces: [prefix: string, folder: string][] = [
  ["@ketnoi/functions/test/", "functions/test/"],
  ["@ketnoi/functions/", "functions/src/"],
  ["@ketnoi/core/", "packages/core/src/"],
];

function resolveFile(base: string, files: Set<string>): string | undefined {
  const bare = base.replace(/\.(js|jsx|ts|tsx)$/, "");
  return [`${bare}.ts`, `${bare}.tsx`, join(bare, "index.ts"), join(bare, "index.tsx")].find((f) => files.has(f));
}

function resolveSpecifier(specifier: string, file: string, files: Set<string>): string | undefined {
  if (specifier.startsWith(".")) return resolveFile(resolve(dirname(file), specifier), files);
  if (specifier === "@ketnoi/functions") return join(repoRoot, "functions/src/index.ts");
  if (specifier === "@ketnoi/core") return join(repoRoot, "packages/core/src/index.ts");
  const workspace = workspaces.find(([prefix]) => specifier.startsWith(prefix));
  if (!workspace) return undefined;
  return resolveFile(join(repoRoot, workspace[1], specifier.slice(workspace[0].length)), files);
}

/** The import graph: file → the files it imports (absolute paths). */
export function importGraph(): Map<string, string[]> {
  const files = new Set(roots.flatMap((root) => [...typeScriptFiles(join(repoRoot, root))]));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const imported = moduleSpecifiers(readFileSync(file, "utf8"), file)
      .map((literal) => resolveSpecifier(literal.text, file, files))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(imported)]);
  }
  return graph;
}

/** The strongly connected components of more than one file (Tarjan's algorithm, iterative). */
export function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: [node: string, edge: number][] = [[start, 0]];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1]!;
      const [node, edge] = top;
      const targets = graph.get(node) ?? [];
      if (edge < targets.length) {
        top[1]++;
        const target = targets[edge]!;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          work.push([target, 0]);
        } else if (onStack.has(target)) {
          low.set(node, Math.min(low.get(node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1) found.push(component);
      }
    }
  }
  return found;
}

/** One shortest circle through `from` inside `component` (breadth-first), as repository paths, `from` first. */
function oneCircle(graph: Map<string, string[]>, component: string[], from: string): string[] {
  const inside = new Set(component);
  const previous = new Map<string, string>();
  const queue = [from];
  while (queue.length) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!inside.has(target)) continue;
      if (target === from) {
        const path = [node];
        while (path[0] !== from) path.unshift(previous.get(path[0]!)!);
        return [...path, from];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [from];
}

const folderOf = (file: string) => relative(repoRoot, dirname(file)).split(sep).join("/");
const show = (file: string) => relative(repoRoot, file).split(sep).join("/");

/** Each circle between files of different folders, as `a → b → … → a`; empty when there is none. */
export function folderCircles(graph = importGraph()): string[] {
  return circles(graph)
    .filter((component) => new Set(component.map(folderOf)).size > 1)
    .map((component) => {
      const first = [...component].sort()[0]!;
      const members = component.length > 2 ? ` (${component.length} files in this knot)` : "";
      return `${oneCircle(graph, component, first).map(show).join(" → ")}${members}`;
    });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const found = folderCircles();
  if (found.length) {
    console.error(`import circles between folders:\n  ${found.join("\n  ")}`);
    process.exit(1);
  }
  console.log("no import circle between folders");
}

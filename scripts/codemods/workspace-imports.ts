/**
 * Rewrites relative imports that reach into another workspace package (`../functions/src/app`,
 * `../../functions/test/world`, `../packages/core/src/time`) to the package's own name (`@ketnoi/functions/app`,
 * `@ketnoi/functions/test/world`, `@ketnoi/core/time`), resolved through the package's `exports` (issue 18): a
 * folder moved inside functions then breaks no import outside it, and what infra and scripts use of another package
 * is visible at a glance. Idempotent: rerun it after merging a branch that still writes relative paths.
 *
 *   npm run codemod:workspace-imports              # rewrite infra/, scripts/, web/, functions/, packages/ in place
 *   npm run codemod:workspace-imports -- --check   # exit 1 listing the files that still need it, change nothing
 *   npm run codemod:workspace-imports -- some/file.ts other/dir
 *
 * Imports, re-exports, `import()` and `vi.mock()`/`vi.importActual()` specifiers are rewritten; a relative path
 * into a folder that is not a package with `exports` (scripts/, infra/, web/) is reported by
 * workspace-imports.test.ts, which a person then resolves by hand.
 */
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { repoRoot, runCodemod } from "./run";

const defaultRoots = ["infra", "scripts", "web", "functions", "packages"];

/** The folders that are a package of their own (or, for scripts, a tsconfig project of their own), longest first. */
export const packageFolders = ["packages/core", "functions", "infra", "scripts", "web"] as const;

/**
 * The packages others may import by name: folder → (path inside the folder → the name's subpath). Mirrors each
 * package.json `exports` ("." → src/index.ts, "./*" → src/*.ts; functions also "./test/*" → test/*.ts).
 */
const exported: Record<string, { name: string; dirs: Record<string, string> }> = {
  functions: { name: "@ketnoi/functions", dirs: { src: "", test: "test/" } },
  "packages/core": { name: "@ketnoi/core", dirs: { src: "" } },
};

/** The package folder (from the repository root) a file lies in, or undefined for the root's own files. */
export function packageOf(file: string): string | undefined {
  const rel = relative(repoRoot, file).split(sep).join("/");
  return packageFolders.find((folder) => rel === folder || rel.startsWith(`${folder}/`));
}

/** The `.ts` file a specifier without extension names (`x.ts`, `x.tsx` or `x/index.ts`), as a path without `.ts`. */
function resolveModule(absolute: string): string | undefined {
  const bare = absolute.replace(/\.(js|ts)$/, "");
  if (existsSync(`${bare}.ts`)) return bare;
  if (existsSync(join(bare, "index.ts"))) return join(bare, "index");
  return undefined;
}

/** The workspace name for a relative `specifier` in `file` reaching into another package, else undefined. */
export function workspaceSpecifier(specifier: string, file: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const target = resolve(dirname(file), specifier);
  const from = packageOf(file);
  const to = packageOf(target);
  if (!to || to === from) return undefined;
  const pkg = exported[to];
  if (!pkg) return undefined;
  const module = resolveModule(target);
  if (!module) return undefined;
  const inside = relative(join(repoRoot, to), module).split(sep).join("/");
  const [dir, ...rest] = inside.split("/");
  const prefix = dir === undefined ? undefined : pkg.dirs[dir];
  if (prefix === undefined || !rest.length) return undefined;
  const sub = `${prefix}${rest.join("/")}`;
  return sub === "index" ? pkg.name : `${pkg.name}/${sub}`;
}

/** Every module specifier in the source: imports, re-exports, `import()`, `vi.mock()`-like calls. */
export function moduleSpecifiers(source: string, fileName = "file.ts"): ts.StringLiteralLike[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const found: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier);
    } else if (ts.isCallExpression(node) && isModuleCall(node.expression)) {
      const first = node.arguments[0];
      if (first && ts.isStringLiteralLike(first)) found.push(first);
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) found.push(arg.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const moduleCalls = new Set(["mock", "doMock", "unmock", "importActual", "importMock"]);
function isModuleCall(callee: ts.Expression): boolean {
  if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === "vi" &&
    moduleCalls.has(callee.name.text)
  );
}

/** The rewritten source (the same string when no import reaches into another package by a relative path). */
export function rewriteWorkspaceImports(source: string, file: string): string {
  if (!/["'](\.\.?\/)/.test(source)) return source;
  const edits = moduleSpecifiers(source, file).flatMap((literal) => {
    const next = workspaceSpecifier(literal.text, file);
    return next ? [{ start: literal.getStart() + 1, end: literal.getEnd() - 1, text: next }] : [];
  });
  let out = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, start) + text + out.slice(end);
  }
  return out;
}

function main(argv: string[]) {
  runCodemod(
    {
      defaultRoots,
      include: () => true,
      rewrite: rewriteWorkspaceImports,
      // The new names sort elsewhere among the imports: let Biome order them.
      biome: "check",
      pending: "relative imports into another package (run npm run codemod:workspace-imports)",
      clean: "no relative import into another package",
    },
    argv,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));

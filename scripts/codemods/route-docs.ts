/**
 * Rewrites a route's `describeRoute({ tags, summary, description?, security: bearer?, responses: responses(ok,
 * [statuses]) })` into `route({ tags, summary, description?, auth?, body?, ok, errors })` (functions/src/http/openapi.ts),
 * which adds the standard error responses itself: the route keeps only its own statuses.
 *
 * Only where the result documents at least what the route listed: the list has 503; `security: bearer` exactly
 * when it has 401. A route that validates a JSON body (`validate("json", …)` beside the documentation) gains 400, 413
 * and 415 if it did not list them (the middleware answers them to any such route), and a list with 413 or 415 but not
 * all three is left alone when no JSON validation is seen. A signed-in route that did not list 403 gains it (the MFA
 * gate answers 403 `mfa_required` on every signed-in route but `GET /api/me`). Anything
 * else — other options, a computed list, a custom response map — is left as written, and so is a call after a
 * comment `route-docs: by hand`. Idempotent: rerun it after merging a branch that adds routes the old way.
 *
 *   npm run codemod:route-docs              # rewrite functions/src in place (then biome check --write)
 *   npm run codemod:route-docs -- --check   # exit 1 listing the files it would change
 */
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { runCodemod } from "./run";

const defaultRoots = ["functions/src"];
const allowed = new Set(["tags", "summary", "description", "security", "responses"]);

type Edit = { start: number; end: number; text: string };

/** The rewritten source (the same string when nothing is rewritten). */
export function rewriteRouteDocs(source: string, fileName = "routes.ts"): string {
  if (!source.includes("describeRoute(")) return source;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node) => {
    const text = ts.isCallExpression(node) ? converted(node, file) : undefined;
    if (text !== undefined) edits.push({ start: node.getStart(file), end: node.end, text });
    else ts.forEachChild(node, visit);
  };
  visit(file);
  if (!edits.length) return source;
  let out = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, start) + text + out.slice(end);
  return fixImports(out, fileName);
}

/** The `route({...})` text for a convertible `describeRoute({...})` call, else undefined. */
function converted(call: ts.CallExpression, file: ts.SourceFile): string | undefined {
  if (!ts.isIdentifier(call.expression) || call.expression.text !== "describeRoute") return undefined;
  const [options] = call.arguments;
  if (call.arguments.length !== 1 || !options || !ts.isObjectLiteralExpression(options)) return undefined;
  const before = file.text.slice(call.getFullStart(), call.getStart(file));
  if (/route-docs: by hand/.test(before)) return undefined;
  const kept: string[] = [];
  let auth = false;
  let responsesCall: ts.CallExpression | undefined;
  for (const property of options.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) return undefined;
    const name = property.name.text;
    if (!allowed.has(name)) return undefined;
    if (name === "security") {
      if (!ts.isIdentifier(property.initializer) || property.initializer.text !== "bearer") return undefined;
      auth = true;
    } else if (name === "responses") {
      const init = property.initializer;
      if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== "responses")
        return undefined;
      responsesCall = init;
    } else kept.push(property.getText(file));
  }
  if (responsesCall?.arguments.length !== 2) return undefined;
  const [ok, list] = responsesCall.arguments;
  if (!ok || !list || !ts.isArrayLiteralExpression(list)) return undefined;
  if (!list.elements.every(ts.isNumericLiteral)) return undefined;
  const statuses = new Set(list.elements.map((e) => Number((e as ts.NumericLiteral).text)));
  if (!statuses.has(503) || auth !== statuses.has(401)) return undefined;
  // A JSON body: the route validates one (a sibling `validate("json", …)` in the same `.post(…)`), or its list says so.
  const listsBody = statuses.has(413) || statuses.has(415);
  const body = readsJson(call) || listsBody;
  if (listsBody && !readsJson(call) && !(statuses.has(400) && statuses.has(413) && statuses.has(415))) return undefined;
  // The same rule as route()'s standardErrors: what is standard is not listed again.
  const standard = new Set([...(body ? [400, 413, 415] : []), ...(auth ? [401, 403] : []), 503]);
  const own = [...statuses].filter((s) => !standard.has(s)).sort((a, b) => a - b);
  const parts = [
    ...kept,
    ...(auth ? ["auth: true"] : []),
    ...(body ? ["body: true"] : []),
    `ok: ${ok.getText(file)}`,
    ...(own.length ? [`errors: [${own.join(", ")}]`] : []),
  ];
  return `route({ ${parts.join(", ")} })`;
}

/** Whether the route call this documentation belongs to validates a JSON body. */
function readsJson(doc: ts.CallExpression): boolean {
  const routeCall = doc.parent;
  if (!routeCall || !ts.isCallExpression(routeCall)) return false;
  return routeCall.arguments.some(
    (arg) =>
      ts.isCallExpression(arg) &&
      ts.isIdentifier(arg.expression) &&
      arg.expression.text === "validate" &&
      literal(arg.arguments[0]) === "json",
  );
}

const literal = (node: ts.Node | undefined) => (node && ts.isStringLiteral(node) ? node.text : undefined);

/** `route` imported from the http/openapi module; names no longer used dropped from the imports. */
function fixImports(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const used = new Set<string>();
  const collect = (node: ts.Node) => {
    const parent = node.parent;
    const isName =
      (ts.isPropertyAssignment(parent) && parent.name === node) ||
      (ts.isPropertyAccessExpression(parent) && parent.name === node);
    if (ts.isIdentifier(node) && !isName) used.add(node.text);
    ts.forEachChild(node, collect);
  };
  for (const statement of file.statements) if (!ts.isImportDeclaration(statement)) collect(statement);
  const edits: Edit[] = [];
  let routeImported = false;
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const openapi = /(^|\/)http\/openapi$/.test(from);
    if (from !== "hono-openapi" && !openapi) continue;
    const names = bindings.elements.map((e) => e.getText(file));
    let next = names.filter((n) => {
      const local = n
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/)
        .pop()!;
      return !["describeRoute", "responses", "bearer"].includes(local) || used.has(local);
    });
    if (openapi) {
      routeImported = true;
      if (!next.includes("route")) next = [...next, "route"].sort();
    }
    if (next.join() === names.join()) continue;
    const text = next.length ? `import { ${next.join(", ")} } from "${from}";` : "";
    // A whole import that goes takes its line with it.
    const end = text === "" && source[statement.end] === "\n" ? statement.end + 1 : statement.end;
    edits.push({ start: statement.getStart(file), end, text });
  }
  let out = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, start) + text + out.slice(end);
  if (!routeImported) throw new Error(`${fileName}: no import from http/openapi to add route() to`);
  return out;
}

function main(argv: string[]) {
  runCodemod(
    {
      defaultRoots,
      include: (file) => file.endsWith(".ts") && !file.endsWith(".test.ts"),
      rewrite: rewriteRouteDocs,
      // The one-line route({...}) calls are folded and the imports sorted by the project's formatter.
      biome: "check",
      pending: "describeRoute calls route() can replace (run npm run codemod:route-docs)",
      clean: "no describeRoute call left that route() can replace",
    },
    argv,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));

/**
 * Rewrites `new AppError(code, status, message)` calls to `new AppError(code, message)`: the status comes from core's
 * `errorCatalogue`, so the call site no longer restates it. A message equal to the catalogue's default (`vi`) is
 * dropped as well, so each default is written once. Idempotent: a second run changes nothing, so rerun it after
 * merging a branch that still writes the old form.
 *
 *   npm run codemod:app-error              # rewrite functions/, scripts/, infra/, packages/ in place (then biome format)
 *   npm run codemod:app-error -- --check   # exit 1 listing the files that still need it, change nothing
 *   npm run codemod:app-error -- some/file.ts other/dir
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ErrorCode, errorCatalogue } from "@ketnoi/core";
import ts from "typescript";
import { runCodemod } from "./run";

const defaultRoots = ["functions", "scripts", "infra", "packages"];

type Edit = { start: number; end: number };

const keepMarker = "codemod:app-error keep";

const isCode = (text: string): text is ErrorCode => Object.hasOwn(errorCatalogue, text);
const literalText = (node: ts.Node | undefined) =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

/** The rewritten source (the same string when there is nothing to rewrite). */
export function rewriteAppErrors(source: string, fileName = "file.ts"): string {
  // A file that spells out the old form on purpose (the test that it still compiles) says so.
  if (!source.includes("AppError(") || source.includes(keepMarker)) return source;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "AppError") {
      const original = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
      const args = [...original];
      // The old form: (code, <status>, message, details?). Only a literal status goes (the type checked it against
      // the catalogue); a status in a variable is left for a person to remove.
      if (args.length >= 3 && isStatus(args[1]!)) args.splice(1, 1);
      const code = literalText(args[0]);
      const message = literalText(args[1]);
      if (args.length === 2 && code && isCode(code) && message === errorCatalogue[code].vi) args.splice(1, 1);
      // What goes is always the arguments right after the code: one cut from the code's end.
      const dropped = original.length - args.length;
      if (dropped > 0) edits.push({ start: original[0]!.end, end: original[dropped]!.end });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const { start, end } of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + out.slice(end);
  return out;
}

/** A status argument: a number literal (or `a ? 401 : 403`). */
function isStatus(node: ts.Expression): boolean {
  if (ts.isNumericLiteral(node)) return true;
  if (ts.isParenthesizedExpression(node)) return isStatus(node.expression);
  if (ts.isConditionalExpression(node)) return isStatus(node.whenTrue) && isStatus(node.whenFalse);
  return false;
}

function main(argv: string[]) {
  runCodemod(
    {
      defaultRoots,
      // This file and its test spell out the old form on purpose.
      include: (file) => !file.includes(join("scripts", "codemods")),
      rewrite: rewriteAppErrors,
      // Dropping arguments leaves calls that fit on fewer lines: let the formatter fold them.
      biome: "format",
      pending: "AppError calls in the old form (run npm run codemod:app-error)",
      clean: "no AppError call in the old form",
    },
    argv,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));

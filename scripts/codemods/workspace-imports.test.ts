import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, typeScriptFiles } from "./run";
import { moduleSpecifiers, packageFolders, packageOf, rewriteWorkspaceImports } from "./workspace-imports";

const at = (path: string) => join(repoRoot, path);

describe("the workspace imports codemod", () => {
  it("names the package for imports, re-exports, import(), import types and vi.mock into another package", () => {
    const before = [
      'import { createApp } from "../functions/src/app";',
      'import type { AppType } from "../functions/src/index";',
      'export { originVerifyHeader } from "../functions/src/http/origin-verify";',
      'import { call } from "../functions/test/helpers";',
      'import { vietnamDate } from "../packages/core/src/time";',
      'const { db } = await import("../functions/src/db/service");',
      'vi.mock("../functions/src/config");',
      'type T = import("../functions/src/app").App;',
      'import { apiRoutes } from "./routes";',
      'import { x } from "@ketnoi/functions/app";',
    ].join("\n");
    const after = rewriteWorkspaceImports(before, at("infra/example.ts"));
    expect(after.split("\n")).toEqual([
      'import { createApp } from "@ketnoi/functions/app";',
      'import type { AppType } from "@ketnoi/functions";',
      'export { originVerifyHeader } from "@ketnoi/functions/http/origin-verify";',
      'import { call } from "@ketnoi/functions/test/helpers";',
      'import { vietnamDate } from "@ketnoi/core/time";',
      'const { db } = await import("@ketnoi/functions/db/service");',
      'vi.mock("@ketnoi/functions/config");',
      'type T = import("@ketnoi/functions/app").App;',
      'import { apiRoutes } from "./routes";',
      'import { x } from "@ketnoi/functions/app";',
    ]);
    expect(rewriteWorkspaceImports(after, at("infra/example.ts"))).toBe(after);
  });

  it("leaves relative imports inside a package alone, even between its src and test", () => {
    const source = 'import { createApp } from "../src/app";\nimport { call } from "./helpers";';
    expect(rewriteWorkspaceImports(source, at("functions/test/example.ts"))).toBe(source);
  });
});

describe("the tree", () => {
  it("has no relative import from one package (functions, core, web, infra, scripts) into another", () => {
    const crossing: string[] = [];
    for (const folder of packageFolders) {
      for (const file of typeScriptFiles(at(folder))) {
        const from = packageOf(file);
        for (const literal of moduleSpecifiers(readFileSync(file, "utf8"), file)) {
          if (!literal.text.startsWith(".")) continue;
          const to = packageOf(resolve(dirname(file), literal.text));
          if (to !== from) crossing.push(`${relative(repoRoot, file)}: ${literal.text}`);
        }
      }
    }
    // Fix: npm run codemod:workspace-imports (a package without `exports` needs one first).
    expect(crossing).toEqual([]);
  });
});

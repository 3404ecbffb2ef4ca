import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, expect, it } from "vitest";
import { createApp } from "../app";
import { type DocumentedRoute, declaredRoutes } from "../http/private-routes";
import { routeGroups } from "../routes/groups";

// The deployed bundles alias hono-openapi to hono-openapi-lean.ts (infra/function.ts bundleAliases). signInFirst
// reads the routes' declarations from it: every route group, built with the stand-in, must declare the same
// public/private table as with the real package, and as the sources' whole app (which the OpenAPI document and
// API Gateway's routes follow, private-routes.test.ts).
const root = resolve(__dirname, "../../..");
const dir = mkdtempSync(join(tmpdir(), "ketnoi-openapi-lean-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (r: DocumentedRoute) =>
  `${r.method} ${r.pattern.source} ${r.staticSegments} ${r.private ? "private" : "public"}`;

/** Every route group's app as its function builds it (app-base.ts `buildApp`), bundled with `alias`. */
async function groupTables(name: string, alias: Record<string, string>): Promise<string[]> {
  const groups = Object.keys(routeGroups);
  const entry = join(dir, `${name}.ts`);
  const src = (path: string) => JSON.stringify(join(root, "functions/src", path));
  writeFileSync(
    entry,
    [
      `import { buildApp } from ${src("app-base.ts")};`,
      `import { declaredRoutes } from ${src("http/private-routes.ts")};`,
      ...groups.map((group, i) => `import { mount as mount${i} } from ${src(`routes/groups/${group}.ts`)};`),
      `const tables = [${groups.map((_, i) => `declaredRoutes(buildApp(mount${i}).app)`).join(", ")}];`,
      // Printed as rows: the built file runs in a Node process of its own, as a function's bundle does.
      "const row = (r) => [r.method, r.pattern.source, r.staticSegments, r.private ? 'private' : 'public'].join(' ');",
      `process.stdout.write("\\n@@" + JSON.stringify(tables.flat().filter((r) => r.method !== "ALL").map(row)));`,
    ].join("\n"),
  );
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    // Minified as deployed (which also renames the modules' own `createRequire` beside the banner's).
    minify: true,
    alias,
    external: ["zod", "zod-openapi", "zod-to-json-schema", "effect", "arktype", "@sinclair/typebox", "typebox", "sury"],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: "silent",
  });
  // What the configuration requires (functions/src/config.ts); building the apps reads no table.
  const env = {
    PATH: process.env.PATH,
    TABLE_NAME: "ketnoi",
    AUTH_ISSUER: "issuer",
    AUTH_AUDIENCE: "audience",
    DEV_AUTH: "true",
  };
  const { stdout } = await promisify(execFile)(process.execPath, [outfile], { env, encoding: "utf8" });
  return (JSON.parse(stdout.slice(stdout.lastIndexOf("\n@@") + 3)) as string[]).sort();
}

it("the route groups declare the same public/private table with the stand-in as with hono-openapi", async () => {
  const lean = await groupTables("lean", { "hono-openapi": "./functions/src/bundle/hono-openapi-lean.ts" });
  const real = await groupTables("real", {});
  expect(lean.filter((r) => r.endsWith("private")).length).toBeGreaterThan(40);
  expect(lean).toEqual(real);
  // Every private route of the sources' app is declared private by the group that serves it.
  const sources = declaredRoutes(createApp() as never)
    .filter((r) => r.method !== "ALL")
    .map(row)
    .sort();
  expect(sources.filter((r) => r.endsWith("private"))).toEqual(lean.filter((r) => r.endsWith("private")));
  expect(sources).toEqual(expect.arrayContaining(lean));
}, 120_000);

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, it } from "vitest";
import { unusedSchemaVendors } from "./function";
import { repoRoot } from "./paths";

// Bundles the API Lambda as NodejsFunction does (ESM, node22, minified, same externals) and runs the bundle in a
// fresh Node process with an API Gateway v2 event: proves that what deploys actually starts and answers.
const dir = mkdtempSync(join(tmpdir(), "ketnoi-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  await build({
    entryPoints: [join(repoRoot, "functions/src/lambda.ts")],
    outfile: join(dir, "index.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    minify: true,
    mainFields: ["module", "main"],
    external: [...unusedSchemaVendors],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: "silent",
  });
}, 60_000);

function invoke(path: string): { statusCode: number; body: string } {
  const runner = join(dir, "invoke.mjs");
  writeFileSync(
    runner,
    `import { handler } from "./index.mjs";
const event = { version: "2.0", routeKey: "$default", rawPath: ${JSON.stringify(path)}, rawQueryString: "",
  headers: { host: "api.example" }, isBase64Encoded: false,
  requestContext: { http: { method: "GET", path: ${JSON.stringify(path)}, protocol: "HTTP/1.1", sourceIp: "1.2.3.4",
    userAgent: "test" }, requestId: "r", routeKey: "$default", stage: "$default", timeEpoch: 0, domainName: "api.example",
    accountId: "1", apiId: "a", domainPrefix: "api", time: "" } };
const res = await handler(event, {});
process.stdout.write(JSON.stringify({ statusCode: res.statusCode, body: res.body }));`,
  );
  const out = execFileSync(process.execPath, [runner], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      STAGE: "prod",
      TABLE_NAME: "ketnoi-prod",
      AWS_REGION: "ap-southeast-1",
      AUTH_ISSUER: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool",
      AUTH_AUDIENCE: "client",
      AUTH_JWKS_URL: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool/.well-known/jwks.json",
      DEV_AUTH: "false",
      WEB_ORIGIN: "https://ketnoi.example",
    },
    encoding: "utf8",
  });
  return JSON.parse(out);
}

it("starts from the bundle and serves the OpenAPI document without the excluded schema libraries", () => {
  const res = invoke("/api/openapi.json");
  expect(res.statusCode).toBe(200);
  const doc = JSON.parse(res.body);
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/listings");
  // Production configuration: the development sign-in is not mounted.
  expect(Object.keys(doc.paths).some((p) => p.startsWith("/api/dev-auth"))).toBe(false);
}, 30_000);

it("answers unknown paths with the JSON error shape", () => {
  const res = invoke("/api/nope");
  expect(res.statusCode).toBe(404);
  expect(JSON.parse(res.body).error.code).toBe("not_found");
}, 30_000);

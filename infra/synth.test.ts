import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { createTableInput } from "@ketnoi/functions/db/table";
import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { stackName, stages } from "./app";
import { coldStartBytes } from "./cold-start";
import { repoRoot } from "./paths";
import { apiRoutes } from "./routes";
import { resourceAt, resourcesOfType } from "./test/template";

/**
 * Ceiling per function for its minified bundle (index.mjs with the chunks it imports statically, cold-start.ts), issue 14. The goal is 400 kB each; what is over it and
 * why (docs/benchmarks.md, "Cold start", and `npm run bench -- --only=lambda` for today's figures):
 * - the floor of any function that talks to DynamoDB is ~345 kB: the SDK's DynamoDB DocumentClient alone;
 * - ElectroDB is another ~196 kB on top, in every function that reads or writes the table through it (the group
 *   functions with writes, the consumer, retention);
 * - the lite data path (functions/src/db/lite.ts: ElectroDB's stored format over the DocumentClient alone) serves the
 *   middleware chain (account lock, memberships, idempotency) and the public reads, so the health function (the chain
 *   alone), the browse function (listing detail, search, recommendations) and the account function carry no ElectroDB
 *   (bundle-contents.test.ts); health and browse also reach DynamoDB by a SigV4-signed fetch instead of the SDK's
 *   client (no @aws-sdk/client-dynamodb, no @smithy: infra/function.ts bundleAliases), so both are under the 400 kB
 *   goal; account too (its writes and transactions included), and its erasure deletes the Cognito user by a signed
 *   fetch too (functions/src/auth/cognito-admin.ts), so it carries no SDK client and no @smithy at all;
 * - one function per route group (issue 14, infra/api.ts): each bundles its group's routes behind the one middleware
 *   chain (app-base.ts);
 * - the docs function serves the one OpenAPI document as built (`npm run openapi`), not generated from the routes.
 * Each budget is what the function measured when set, plus ~4 % for growth: a merge that adds a package fails here
 * and has to say why it is worth its cold start.
 */
const bundleBudgets: [RegExp, number][] = [
  // The route-group functions (2026-12-06 21:15, `@ketnoi/core` side-effect free and no docs/dev-auth routes in the
  // group functions: docs/benchmarks.md "Core side-effect free…"):
  // The lite data path (2026-12-07, docs/benchmarks.md "The lite data path"): no ElectroDB in browse and health.
  // The signed-fetch transport (2026-12-07, docs/benchmarks.md "The lean functions without the SDK's DynamoDB client").
  // hono-openapi's converters out of every deployed function (2026-12-07, functions/src/bundle/hono-openapi-lean.ts):
  // ~21 kB less in each group function and the docs function.
  // 264 kB (was 303, 324, 504, 518): listing detail, search, recommendations; built split, the search index and
  // MiniSearch a chunk the first search or recommendation loads (search/live.ts)
  [/^PlatformApiBrowseHandler/, 275_000],
  // Every function on the lite data path over the signed request (2026-12-07 07:45, issue 14: no ElectroDB, no SDK
  // DynamoDB client, no @smithy in any API group; infra/bundle-contents.test.ts):
  // Route modules split so a function imports only the routes it mounts (2026-12-07 09:50: a module's top-level
  // route definitions are kept wherever it is imported; application-access.ts holds what they share), and the heavy
  // writers built as chunks (infra/function.ts splitEntries): index.mjs is what a cold start loads.
  // 302 kB (was 374, 841, 865, 886): the feed, listing writes, applying; not split (no writer to load later)
  [/^PlatformApiCatalogHandler/, 314_000],
  // 225 kB (was 315, 388, 843, 865): applications, interviews, offers, messages, bookings; the .ics writer a chunk
  [/^PlatformApiWorkHandler/, 234_000],
  // 270 kB: placement rounds, in a function of their own since 2026-12-07 (they were ~90 kB of the work function)
  [/^PlatformApiPlacementHandler/, 281_000],
  // 247 kB (was 308, 777, 799): an organisation's rounds are routes/organisation-placement.ts, not all of placement.ts
  [/^PlatformApiOrganisationsHandler/, 258_000],
  // 288 kB (was 308, 786, 813, 536, 488): no ElectroDB, no SDK DynamoDB client (its lite writes and transactions go
  // through the transport seam's signed fetch), and no Cognito client or @smithy (erasure's AdminDeleteUser is a
  // signed fetch too, auth/cognito-admin.ts).
  [/^PlatformApiAccountHandler/, 300_000],
  // 244 kB (was 340, 811, 841): no ElectroDB and no SDK DynamoDB client (the signed fetch); the XLSX writer
  // (write-excel-file + fflate, 77 kB) is a chunk the first export loads.
  [/^PlatformApiInsightsHandler/, 254_000],
  // 148 kB (was 662, then 741, 369, 171): the middleware chain alone, no SDK client
  [/^PlatformApiHealthHandler/, 154_000],
  // 182 kB (was the whole app but files: 1,099, then 1,151, 203 kB): the docs function serves the OpenAPI document as built
  // (39 kB gzip-compressed, `npm run openapi`) behind the middleware chain, on the signed-fetch transport (2026-12-07).
  [/^PlatformApiHandler/, 189_000],
  // 226 kB (was 1,834, 1,448, 1,399, then 642): the files group alone (app-base.ts), S3 by signed fetch (no client-s3,
  // no presigners), the lite data path, and built split (infra/function.ts splitEntries): this is index.mjs, what a
  // cold start loads. Beside it in chunks/ (~440 kB, not budgeted here): pdf-lib with its fonts, loaded by the first PDF
  // check (files/pdf-check.ts); the 16 chunks of hono-openapi's converters (~23 kB) left with its stand-in.
  [/^PlatformApiFilesHandler/, 236_000],
  [/^PlatformStreamConsumerHandler/, 255_000], // 244 kB (was 713 with ElectroDB and the SDK; 960, 679, 695)
  [/^PlatformRetentionHandler/, 147_000], // 141 kB (was 579, 771 kB)
  [/^PlatformInterviewJobsHandler/, 127_000], // 122 kB (was 576): reminders and offer expiry
  // 11 kB (was 326, then 190 kB): AdminGetUser by a signed fetch (auth/cognito-admin.ts), no SDK client.
  [/^PlatformAuthMfaClaim/, 12_000],
  // Mail (issue 15, infra/mail.ts), own functions so the stream consumer stays at its size. They send through SES v2 by a
  // signed fetch with nodemailer's composer alone (functions/src/mail/ses-fetch.ts; no @aws-sdk/client-sesv2, no
  // nodemailer mailer or SMTP) and read the table over the lite data path: the consumer 295 kB (was 1,016, then 777)
  // and the digest 289 kB (was 1,008, then 768) are the composer (~137 kB, 75 of them its MIME type table), the
  // templates and the interview .ics writer (ics, ~34 kB with runes2); the bounce handler 66 kB sends nothing.
  // Built split (2026-12-07 09:40, infra/function.ts splitEntries): the composer and the .ics writer are chunks the
  // first mail loads; the entry is the stream/schedule handling, the templates and the lite data path.
  [/^PlatformMailConsumer/, 112_000], // 107 kB (was 295)
  [/^PlatformMailDigest/, 108_000], // 103 kB (was 290)
  [/^PlatformMailBounces/, 70_000],
];
const budgetOf = (id: string) => bundleBudgets.find(([pattern]) => pattern.test(id))?.[1];

const cdkOut = join(repoRoot, "cdk.out");
const readJson = (file: string) => JSON.parse(readFileSync(join(cdkOut, file), "utf8"));
let synthSeconds = 0;

// `npm run synth` exactly as a person runs it: the CDK CLI, offline, writing cdk.out/ (esbuild bundles here).
beforeAll(() => {
  const started = Date.now();
  execFileSync("npm", ["run", "synth"], { cwd: repoRoot, stdio: "pipe", env: { ...process.env, NO_COLOR: "1" } });
  synthSeconds = (Date.now() - started) / 1000;
});

it("writes a template for each stage, with no error or warning from synthesis", () => {
  const manifest = readJson("manifest.json");
  for (const stage of stages) expect(manifest.artifacts[stackName(stage)]?.type).toBe("aws:cloudformation:stack");
  const problems = Object.values(
    manifest.artifacts as Record<string, { metadata?: Record<string, { type: string; data: unknown }[]> }>,
  )
    .flatMap((artifact) => Object.values(artifact.metadata ?? {}).flat())
    .filter((entry) => /^aws:cdk:(error|warning)/.test(entry.type));
  expect(problems).toEqual([]);
  console.info(`npm run synth: ${synthSeconds.toFixed(1)} s`);
});

describe.each(stages)("cdk.out/%s template", (stage) => {
  const template = () => Template.fromJSON(readJson(`${stackName(stage)}.template.json`));

  it("holds the table, the routes and the functions the in-process synthesis asserts", () => {
    const [, table] = resourceAt(template(), "AWS::DynamoDB::Table", "PlatformDataTable");
    expect(table.Properties!.KeySchema).toEqual(createTableInput("x").KeySchema);
    expect(table.Properties!.PointInTimeRecoverySpecification).toEqual({
      PointInTimeRecoveryEnabled: stage === "prod",
    });
    expect(resourcesOfType(template(), "AWS::ApiGatewayV2::Route")).toHaveLength(apiRoutes.length);
    const [, api] = resourcesOfType(template(), "AWS::Lambda::Function").find(([id]) =>
      id.startsWith("PlatformApiHandler"),
    )!;
    expect(api.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
  });

  it("bundles each KetNoi function minified with a source map, within the size budget", () => {
    const assets = readJson(`${stackName(stage)}.assets.json`).files as Record<string, { source: { path: string } }>;
    const functions = resourcesOfType(template(), "AWS::Lambda::Function").filter(([id]) => id.startsWith("Platform"));
    expect(functions.length).toBeGreaterThan(0);
    for (const [id, fn] of functions) {
      const hash = String(fn.Properties!.Code.S3Key).replace(/\.zip$/, "");
      const folder = join(cdkOut, assets[hash]!.source.path);
      const code = readFileSync(join(folder, "index.mjs"));
      const map = readFileSync(join(folder, "index.mjs.map"));
      const zipped = deflateRawSync(code, { level: 9 }).length + deflateRawSync(map, { level: 9 }).length;
      const budget = budgetOf(id);
      console.info(
        `${stage} ${id}: index.mjs ${(code.length / 1000).toFixed(0)} kB, map ${(map.length / 1000).toFixed(0)} kB, ` +
          `deployed zip ≈ ${(zipped / 1000).toFixed(0)} kB (budget ${((budget ?? 0) / 1000).toFixed(0)} kB)`,
      );
      // Every function has its own budget: a new one gets a line in bundleBudgets.
      expect(budget, `${id} has no size budget`).toBeDefined();
      // What a cold start loads: index.mjs and the chunks it imports statically (a split function's shared code).
      expect(coldStartBytes(folder), id).toBeLessThanOrEqual(budget!);
      // Minified: no indentation-driven line structure left. Lines that remain come from template literals (the API
      // has ~100, some from Powertools' messages and the mail templates): on average thousands of characters, not ~40. The
      // MFA trigger's 11 kB keeps 15 (aws4fetch's canonical strings): a small bundle may have up to 20.
      const lines = code.toString("utf8").split("\n").length;
      expect(lines, id).toBeLessThanOrEqual(Math.max(20, code.length / 2_000));
      expect(JSON.parse(map.toString("utf8")).sourcesContent).toBeUndefined();
    }
  });
});

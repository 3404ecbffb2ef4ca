import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { createTableInput } from "../functions/src/db/table";
import { stackName, stages } from "./app";
import { repoRoot } from "./paths";
import { apiRoutes } from "./routes";
import { resourceAt, resourcesOfType } from "./test/template";

/**
 * Ceiling for one function's minified bundle. The API's is ~1.30 MB with the AWS SDK bundled in: 32 kB of it
 * Powertools' logger and metrics (issue 17; docs/benchmarks.md), ~20 kB the Cognito admin client the API needs to
 * delete an erased person's user (functions/src/auth/account-lock.ts), ~90 kB the `ics` calendar library with its
 * validator (yup) for interview invitations (functions/src/interviews/ics.ts; issue 15). The cold-start issue owns
 * the real budget (≤ 400 kB); bigger bundles mean slower cold starts.
 */
const bundleBudgetBytes = 1_420_000;

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
      console.info(
        `${stage} ${id}: index.mjs ${(code.length / 1024).toFixed(0)} KiB, map ${(map.length / 1024).toFixed(0)} KiB, ` +
          `deployed zip ≈ ${(zipped / 1024).toFixed(0)} KiB (budget ${(bundleBudgetBytes / 1024).toFixed(0)} KiB)`,
      );
      expect(statSync(join(folder, "index.mjs")).size).toBeLessThanOrEqual(bundleBudgetBytes);
      // Minified: no indentation-driven line structure left. Lines that remain come from template literals (the API
      // has ~100, some from Powertools' messages): on average they are thousands of characters long, not ~40.
      const lines = code.toString("utf8").split("\n").length;
      expect(code.length / lines).toBeGreaterThan(5_000);
      expect(JSON.parse(map.toString("utf8")).sourcesContent).toBeUndefined();
    }
  });
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

import { call } from "../../test/helpers";

const scratch = mkdtempSync(join(tmpdir(), "ketnoi-openapi-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the OpenAPI document", () => {
  it("marks public operations `security: []`, and every operation's 429 carries Retry-After", async () => {
    const doc = (await call("GET", "/api/openapi.json")).json;
    expect(doc.servers).toEqual([expect.objectContaining({ url: "/" })]);
    expect(doc.paths["/api/listings"].get.security).toEqual([]);
    expect(doc.paths["/api/me"].get.security).toEqual([{ bearerAuth: [] }]);
    for (const item of Object.values(doc.paths) as Record<string, { responses: Record<string, unknown> }>[]) {
      for (const operation of Object.values(item)) expect(operation.responses["429"]).toBeDefined();
    }
    expect(doc.components.responses.TooManyRequests.headers["Retry-After"]).toBeDefined();
  });

  it("documents the standard errors route() adds: 401/403 when signed in, 400/413/415 with a JSON body, 503", async () => {
    const doc = (await call("GET", "/api/openapi.json")).json;
    type Op = { security?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> };
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths) as [string, Record<string, Op>][]) {
      for (const [method, op] of Object.entries(item)) {
        const expected = [
          ...(op.security?.length && path !== "/api/me" ? ["401", "403"] : []),
          ...(op.requestBody ? ["400", "413", "415"] : []),
          ...(path.startsWith("/api/dev-auth/") ? [] : ["503"]),
        ];
        for (const status of expected) if (!op.responses[status]) missing.push(`${method} ${path} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("passes Redocly's recommended lint (redocly.yaml) with no error and no warning", async () => {
    const file = join(scratch, "openapi.json");
    writeFileSync(file, (await call("GET", "/api/openapi.json")).text);
    let output: string;
    try {
      output = execFileSync(
        join(repoRoot, "node_modules/.bin/redocly"),
        ["lint", file, "--config", join(repoRoot, "redocly.yaml"), "--format=stylish"],
        {
          cwd: repoRoot,
          encoding: "utf8",
          stdio: "pipe",
          env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        },
      );
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string };
      throw new Error(`redocly lint failed:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
    }
    expect(output).not.toMatch(/warning|error/i);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { esbuildOptions } from "./function";
import { apiEntry, groupEntry, mfaClaimEntry } from "./paths";

// What a function's cold start must not pay for (issue 14, docs/benchmarks.md): its bundle holds only the modules it
// can run. Built exactly as deployed (`esbuildOptions`), read from esbuild's metafile (bytes each input kept).
const dir = mkdtempSync(join(tmpdir(), "ketnoi-bundle-contents-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function keptInputs(entry: string, name: string): Promise<string[]> {
  const { metafile } = await build({
    ...esbuildOptions(entry, join(dir, name, "index.mjs")),
    metafile: true,
    logLevel: "silent",
  });
  const output = Object.values((metafile as Metafile).outputs).find((o) => o.entryPoint);
  return Object.entries(output!.inputs)
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([input]) => input);
}

describe("what the deployed bundles carry", () => {
  it("a group function leaves out the skills taxonomy, the OpenAPI document's routes and the dev sign-in", async () => {
    const health = await keptInputs(groupEntry("health"), "health");
    // `@ketnoi/core` is side-effect free (package.json): a module none of whose exports is used is left out, even
    // the taxonomy, which builds its 217 skills at its top level.
    expect(health.filter((input) => input.startsWith("packages/core/src/taxonomy/"))).toEqual([]);
    // The docs routes (hono-openapi's generator) and the development identity provider: app.ts passes them in.
    expect(health).not.toContain("functions/src/routes/docs.ts");
    expect(health).not.toContain("functions/src/routes/dev-auth.ts");
    expect(health).toContain("functions/src/app-base.ts");
  }, 120_000);

  it("the docs function still carries the document's routes, and the catalog the taxonomy its schemas need", async () => {
    expect(await keptInputs(apiEntry, "docs")).toContain("functions/src/routes/docs.ts");
    expect(await keptInputs(groupEntry("catalog"), "catalog")).toContain("packages/core/src/taxonomy/taxonomy.ts");
  }, 120_000);

  it("the lean functions (health, browse, account: the middleware chain, the public reads, a person's own things) carry no ElectroDB", async () => {
    // Their reads and the middleware's (account lock, memberships, idempotency) go through the lite data path
    // (functions/src/db/lite.ts), which writes ElectroDB's format from the same models without ElectroDB (issue 14).
    // The account group (me, mail preferences, saved searches, profiles, export and erasure, notifications) writes
    // too: its conditional writes and transactions go through db/lite-writes.ts and db/lite-transact.ts.
    const kept: Record<string, string[]> = {};
    for (const group of ["health", "browse", "account"]) {
      const inputs = await keptInputs(groupEntry(group), group);
      kept[group] = inputs;
      expect(
        inputs.filter((input) => input.includes("node_modules/electrodb/")),
        group,
      ).toEqual([]);
      expect(inputs, group).not.toContain("functions/src/db/service.ts");
      expect(inputs, group).toContain("functions/src/db/lite.ts");
      // They carry not even the SDK's DynamoDB client: the lite path's transport is a signed fetch there
      // (infra/function.ts bundleAliasesFor, functions/src/db/transport.ts), its writes and transactions included.
      // No SDK client and no @smithy at all: account's erasure deletes the Cognito user with a signed fetch too
      // (functions/src/auth/cognito-admin.ts); only @aws-sdk/util-dynamodb's marshalling stays.
      expect(
        inputs.filter((input) => /node_modules\/(@aws-sdk\/client-|@aws-sdk\/lib-dynamodb|@smithy)/.test(input)),
        group,
      ).toEqual([]);
      expect(inputs, group).toContain("functions/src/db/transport-fetch.ts");
      expect(inputs, group).not.toContain("functions/src/db/transport-sdk.ts");
    }
    expect(kept.account).toContain("functions/src/db/lite-transact.ts");
    expect(kept.account).toContain("functions/src/data/privacy.ts");
    expect(kept.account).toContain("functions/src/auth/cognito-admin.ts");
    // The catalog function (the feed and the writes) still reads and writes through ElectroDB, and its lite path
    // shares ElectroDB's DocumentClient (infra/function.ts bundleAliasesFor): one client, no fetch transport beside it.
    const catalog = await keptInputs(groupEntry("catalog"), "catalog-electrodb");
    expect(catalog).toContain("node_modules/electrodb/index.js");
    expect(catalog).toContain("functions/src/db/transport-sdk.ts");
    expect(catalog).not.toContain("functions/src/db/transport-fetch.ts");
  }, 180_000);

  it("the MFA claim trigger (run on every sign-in) reads Cognito with a signed fetch: no SDK client, no @smithy", async () => {
    const inputs = await keptInputs(mfaClaimEntry, "mfa-claim");
    expect(inputs.filter((input) => /node_modules\/(@aws-sdk|@smithy)\//.test(input))).toEqual([]);
    expect(inputs).toContain("functions/src/auth/cognito-admin.ts");
  }, 120_000);
});

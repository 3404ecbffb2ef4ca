import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { esbuildOptions } from "./function";
import { apiEntry, groupEntry } from "./paths";

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

  it("the docs function carries the document as built, not the routes that generate it; the catalog the taxonomy", async () => {
    const docs = await keptInputs(apiEntry, "docs");
    expect(docs).toContain("functions/src/routes/openapi-document.generated.ts");
    expect(docs).not.toContain("functions/src/routes/docs.ts");
    expect(docs.filter((input) => input.startsWith("functions/src/routes/groups/"))).toEqual([]);
    expect(await keptInputs(groupEntry("catalog"), "catalog")).toContain("packages/core/src/taxonomy/taxonomy.ts");
  }, 120_000);

  it("the lean functions (health, browse, account, insights: the middleware chain, the public reads, a person's own things, the dashboard) carry no ElectroDB", async () => {
    // Their reads and the middleware's (account lock, memberships, idempotency) go through the lite data path
    // (functions/src/db/lite.ts), which writes ElectroDB's format from the same models without ElectroDB (issue 14).
    // The account group (me, mail preferences, saved searches, profiles, export and erasure, notifications) writes
    // too: its conditional writes and transactions go through db/lite-writes.ts and db/lite-transact.ts. So does
    // insights (the dashboard's counters and roll-ups, targets with their history, the audit log).
    const kept: Record<string, string[]> = {};
    for (const group of ["health", "browse", "account", "insights"]) {
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
      // Health, browse and insights carry no @smithy at all; account still does, for the Cognito admin client its
      // erasure uses.
      const sdk =
        group === "account"
          ? /node_modules\/@aws-sdk\/(client-dynamodb|lib-dynamodb)\//
          : /node_modules\/(@aws-sdk\/client-dynamodb|@aws-sdk\/lib-dynamodb|@smithy)\//;
      expect(
        inputs.filter((input) => sdk.test(input)),
        group,
      ).toEqual([]);
      expect(inputs, group).toContain("functions/src/db/transport-fetch.ts");
      expect(inputs, group).not.toContain("functions/src/db/transport-sdk.ts");
    }
    expect(kept.account).toContain("functions/src/db/lite-transact.ts");
    expect(kept.account).toContain("functions/src/data/privacy.ts");
    expect(kept.insights).toContain("functions/src/db/lite-transact.ts");
    expect(kept.insights).toContain("functions/src/data/targets.ts");
    // The catalog function (the feed and the writes) still reads and writes through ElectroDB, and its lite path
    // shares ElectroDB's DocumentClient (infra/function.ts bundleAliasesFor): one client, no fetch transport beside it.
    const catalog = await keptInputs(groupEntry("catalog"), "catalog-electrodb");
    expect(catalog).toContain("node_modules/electrodb/index.js");
    expect(catalog).toContain("functions/src/db/transport-sdk.ts");
    expect(catalog).not.toContain("functions/src/db/transport-fetch.ts");
  }, 180_000);
});

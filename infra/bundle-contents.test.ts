import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { esbuildOptions } from "./function";
import { apiEntry, filesEntry, groupEntry } from "./paths";

// What a function's cold start must not pay for (issue 14, docs/benchmarks.md): its bundle holds only the modules it
// can run. Built exactly as deployed (`esbuildOptions`), read from esbuild's metafile (bytes each input kept).
const dir = mkdtempSync(join(tmpdir(), "ketnoi-bundle-contents-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The inputs `output` kept (bytes in the output), by their path from the repository root. */
const kept = (output: Metafile["outputs"][string]) =>
  Object.entries(output.inputs)
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([input]) => input);

/** The inputs of the function's entry file, index.mjs (a split function's chunks are not loaded at its start). */
async function keptInputs(entry: string, name: string): Promise<string[]> {
  return kept((await outputsOf(entry, name)).get("index.mjs")!);
}

/** Every file of the function's build, by its path under the function's folder (index.mjs, chunks/…). */
async function outputsOf(entry: string, name: string) {
  const { metafile } = await build({
    ...esbuildOptions(entry, join(dir, name, "index.mjs")),
    metafile: true,
    logLevel: "silent",
  });
  const outputs = Object.entries((metafile as Metafile).outputs).map(
    ([path, output]) => [path.slice(path.lastIndexOf(`/${name}/`) + name.length + 2), output] as const,
  );
  return new Map(outputs.filter(([path]) => path.endsWith(".mjs")));
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
      // Health and browse carry no @smithy at all; account still does, for the Cognito admin client its erasure uses.
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
    // The catalog function (the feed and the writes) still reads and writes through ElectroDB, and its lite path
    // shares ElectroDB's DocumentClient (infra/function.ts bundleAliasesFor): one client, no fetch transport beside it.
    const catalog = await keptInputs(groupEntry("catalog"), "catalog-electrodb");
    expect(catalog).toContain("node_modules/electrodb/index.js");
    expect(catalog).toContain("functions/src/db/transport-sdk.ts");
    expect(catalog).not.toContain("functions/src/db/transport-fetch.ts");
  }, 180_000);

  it("the files function's entry carries neither the S3 SDK nor pdf-lib: pdf-lib is a chunk the first PDF check loads", async () => {
    // Its S3 calls are SigV4-signed fetch (files/objects.ts); pdf-lib is imported dynamically (files/pdf-check.ts) and
    // the files function is built split (infra/function.ts splitEntries), so a cold start reads index.mjs alone.
    const outputs = await outputsOf(filesEntry, "files");
    const entry = kept(outputs.get("index.mjs")!);
    expect(entry).toContain("functions/src/files/objects.ts");
    // Every S3 package of the SDK (client-s3, the presigners, middleware-sdk-s3…); @smithy stays while the files
    // routes' table access goes through ElectroDB and the SDK's DynamoDB client (the lite data path's work).
    const heavy =
      /node_modules\/(@aws-sdk\/[^/]*s3[^/]*|pdf-lib|@pdf-lib\/[^/]+|pako|@smithy\/(hash-stream-node|chunked-blob-reader|eventstream-[^/]+))\//;
    expect(entry.filter((input) => heavy.test(input))).toEqual([]);
    const chunks = [...outputs].filter(([path]) => path.startsWith("chunks/"));
    const pdfChunk = chunks.find(([, output]) => kept(output).some((input) => input.includes("node_modules/pdf-lib/")));
    expect(pdfChunk, "a chunk holding pdf-lib").toBeDefined();
    // Nothing of the S3 SDK anywhere in the function, chunks included.
    const everything = [...outputs.values()].flatMap(kept);
    expect(everything.filter((input) => /node_modules\/@aws-sdk\/[^/]*s3[^/]*\//.test(input))).toEqual([]);
  }, 120_000);
});

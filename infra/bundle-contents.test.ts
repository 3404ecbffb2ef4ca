import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { groupFunctions } from "./api";
import { esbuildOptions, splitEntries } from "./function";
import {
  apiEntry,
  bounceEntry,
  digestEntry,
  filesEntry,
  groupEntry,
  interviewJobsEntry,
  mailConsumerEntry,
  mfaClaimEntry,
  repoRoot,
  retentionEntry,
  streamEntry,
} from "./paths";

// What a function's cold start must not pay for (issue 14, docs/benchmarks.md): its bundle holds only the modules it
// can run. Built exactly as deployed (`esbuildOptions`), read from esbuild's metafile (bytes each input kept).
const dir = mkdtempSync(join(tmpdir(), "ketnoi-bundle-contents-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The inputs `output` kept (bytes in the output), by their path from the repository root. */
const kept = (output: Metafile["outputs"][string]) =>
  Object.entries(output.inputs)
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([input]) => input);

/**
 * The inputs a cold start of the function loads: its entry file, index.mjs, with the chunks it imports statically
 * (code a split function's entry shares with a chunk it imports dynamically; infra/cold-start.ts). The chunks it
 * imports dynamically are not loaded at its start.
 */
async function keptInputs(entry: string, name: string): Promise<string[]> {
  const outputs = await outputsOf(entry, name);
  const atStart = new Set<string>();
  const visit = (file: string) => {
    if (atStart.has(file) || !outputs.has(file)) return;
    atStart.add(file);
    for (const { path, kind } of outputs.get(file)!.imports) {
      if (kind === "import-statement" && !path.startsWith("node:")) visit(underFolder(path, name));
    }
  };
  visit("index.mjs");
  return [...new Set([...atStart].flatMap((file) => kept(outputs.get(file)!)))];
}

/** An output's path in esbuild's metafile, from the function's folder (index.mjs, chunks/…). */
const underFolder = (path: string, name: string) => path.slice(path.lastIndexOf(`/${name}/`) + name.length + 2);

/** Every file of the function's build, by its path under the function's folder (index.mjs, chunks/…). */
async function outputsOf(entry: string, name: string) {
  const metafile = await bundleOf(entry, name);
  const outputs = Object.entries(metafile.outputs).map(([path, output]) => [underFolder(path, name), output] as const);
  return new Map(outputs.filter(([path]) => path.endsWith(".mjs")));
}

/** The function's build, as deployed, with esbuild's metafile. */
async function bundleOf(entry: string, name: string): Promise<Metafile> {
  const { metafile } = await build({
    ...esbuildOptions(entry, join(dir, name, "index.mjs")),
    metafile: true,
    logLevel: "silent",
  });
  return metafile as Metafile;
}

/** Every input `from` imports, directly or not, in a bundle's metafile (`from` included). */
function reachableFrom(metafile: Metafile, from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (input: string) => {
    if (seen.has(input) || !metafile.inputs[input]) return;
    seen.add(input);
    for (const imported of metafile.inputs[input].imports) if (!imported.external) visit(imported.path);
  };
  visit(from);
  return seen;
}

/** Every deployed function's entry, by a name for the messages and the scratch folders. */
const deployedEntries: [string, string][] = [
  ["docs", apiEntry],
  ...groupFunctions.map((group): [string, string] => [group, groupEntry(group)]),
  ["files", filesEntry],
  ["stream", streamEntry],
  ["retention", retentionEntry],
  ["interview-jobs", interviewJobsEntry],
  ["mail-consumer", mailConsumerEntry],
  ["mail-digest", digestEntry],
  ["mail-bounces", bounceEntry],
  ["mfa-claim", mfaClaimEntry],
];

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

  it("a group function carries the route sets its group mounts and no other: route modules hold one group's routes", async () => {
    // A route module's top-level definitions (`export const x = new Hono().get(…)`) are kept wherever the module is
    // imported, mounted or not: a module imported for one of its route sets brings all of them and their data code
    // (the whole placement engine rode into the organisations function that way). What route modules share lives in
    // modules without routes (routes/application-access.ts, listing-visibility.ts).
    const source = (input: string) => readFileSync(join(repoRoot, input), "utf8");
    const routeSets = (input: string) =>
      [...source(input).matchAll(/export const (\w+) = new Hono\b/g)].map(([, name]) => name!);
    for (const group of ["browse", "catalog", "work", "placement", "organisations", "account", "insights"]) {
      const mounted = [
        ...source(`functions/src/routes/groups/${group}.ts`).matchAll(/import \{([^}]+)\} from "\.\.\//g),
      ]
        .flatMap(([, names]) => names!.split(",").map((name) => name.trim()))
        .filter(Boolean);
      const kept = (await keptInputs(groupEntry(group), `${group}-routes`)).filter((input) =>
        /^functions\/src\/routes\/[a-z-]+\.ts$/.test(input),
      );
      const carried = kept.flatMap(routeSets);
      expect(carried.sort(), group).toEqual(mounted.sort());
    }
  }, 180_000);

  it("every function whose code imports a module dynamically is built split, so the module is a chunk", async () => {
    // Built whole, esbuild keeps a dynamically imported module in the one file, wrapped for lazy initialisation, and
    // with it every module it imports, side effects and all: nothing is saved, and the bundle grows (issue 14).
    const whole: string[] = [];
    for (const [name, entry] of deployedEntries) {
      if (splitEntries.has(entry)) continue;
      const metafile = await bundleOf(entry, `${name}-dynamic`);
      const dynamic = Object.entries(metafile.inputs).flatMap(([input, { imports }]) =>
        imports.filter((i) => i.kind === "dynamic-import" && !i.external).map((i) => `${name}: ${input} → ${i.path}`),
      );
      whole.push(...dynamic);
    }
    expect(whole, "functions to add to splitEntries").toEqual([]);
  }, 180_000);

  it("no deployed function carries ElectroDB or the SDK's DynamoDB client: every table access is the lite data path", async () => {
    // Issue 14: every function's reads, writes and transactions go through the lite data path (functions/src/db/lite.ts,
    // lite-writes.ts, lite-transact.ts), which writes ElectroDB's format from the same models without ElectroDB, over a
    // SigV4-signed request instead of the DocumentClient (infra/function.ts `bundleAliases`, db/transport.ts).
    // The MFA claim trigger is held by its own test below.
    const entries = deployedEntries.filter(([name]) => name !== "mfa-claim");
    const kept: Record<string, string[]> = {};
    for (const [name, entry] of entries) {
      const inputs = await keptInputs(entry, name);
      kept[name] = inputs;
      expect(
        inputs.filter((input) =>
          /node_modules\/(electrodb|@aws-sdk\/client-dynamodb|@aws-sdk\/lib-dynamodb)\//.test(input),
        ),
        name,
      ).toEqual([]);
      expect(inputs, name).not.toContain("functions/src/db/service.ts");
      expect(inputs, name).not.toContain("functions/src/db/transport-sdk.ts");
      if (inputs.includes("functions/src/db/lite.ts"))
        expect(inputs, name).toContain("functions/src/db/transport-fetch.ts");
    }
    // No function carries @smithy at all (no AWS SDK client): every one of them above, and the MFA claim trigger (the
    // 17th, held by its own test below).
    expect(Object.keys(kept)).toHaveLength(16);
    for (const name of Object.keys(kept)) {
      expect(
        kept[name]!.filter((input) => input.includes("node_modules/@smithy/")),
        name,
      ).toEqual([]);
    }
    expect(kept.account).toContain("functions/src/db/lite-transact.ts");
    expect(kept.account).toContain("functions/src/data/privacy.ts");
    expect(kept.account).toContain("functions/src/auth/cognito-admin.ts");
  }, 400_000);

  it("no deployed function carries hono-openapi's document generator or its schema converters", async () => {
    // The OpenAPI document is generated ahead of time (`npm run openapi`); a deployed function runs only the routes'
    // declarations and the request validation, from functions/src/bundle/hono-openapi-lean.ts (infra/function.ts
    // bundleAliases). The converters were ~21 kB minified of every group function (issue 14).
    const deployed = deployedEntries;
    const generator = /node_modules\/(hono-openapi|@standard-community\/[^/]+|quansync|@valibot\/to-json-schema)\//;
    for (const [name, entry] of deployed) {
      // Every file of the function, a split function's chunks included.
      const inputs = [...(await outputsOf(entry, `${name}-openapi`)).values()].flatMap(kept);
      expect(
        inputs.filter((input) => generator.test(input)),
        name,
      ).toEqual([]);
      expect(inputs, name).not.toContain("functions/src/routes/docs.ts");
      expect(inputs, name).not.toContain("functions/src/http/complete-document.ts");
    }
    // A route group validates with the stand-in's validator: @hono/standard-validator's sValidator, as hono-openapi's.
    const account = await keptInputs(groupEntry("account"), "account-openapi-kept");
    expect(account).toContain("functions/src/bundle/hono-openapi-lean.ts");
    expect(account.some((input) => input.includes("node_modules/@hono/standard-validator/"))).toBe(true);
  }, 400_000);

  it("the MFA claim trigger (run on every sign-in) reads Cognito with a signed fetch: no SDK client, no @smithy", async () => {
    const inputs = await keptInputs(mfaClaimEntry, "mfa-claim");
    expect(inputs.filter((input) => /node_modules\/(@aws-sdk|@smithy)\//.test(input))).toEqual([]);
    expect(inputs).toContain("functions/src/auth/cognito-admin.ts");
  }, 120_000);

  it("the mail functions send through SES over a signed fetch: nodemailer's composer only, no SES client, no SMTP", async () => {
    // functions/src/mail/ses-fetch.ts (issue 14): nodemailer's SES transport over @aws-sdk/client-sesv2, its mailer and
    // its SMTP transport were ~430 kB of each mail function; the SMTP module is replaced in every deployed bundle
    // (infra/function.ts bundleAliases) because a deployed function sends through SES only.
    for (const [name, entry] of [
      ["mail-consumer", mailConsumerEntry],
      ["mail-digest", digestEntry],
    ] as const) {
      const metafile = await bundleOf(entry, name);
      // Built split (infra/function.ts splitEntries): the sender and the composer are chunks the first mail loads,
      // so the entry file a cold start reads holds neither; what the function can run is every file of it.
      const outputs = await outputsOf(entry, `${name}-kept`);
      const entryFile = await keptInputs(entry, `${name}-kept`);
      expect(
        entryFile.filter((input) => /mail\/ses-fetch\.ts|node_modules\/nodemailer\//.test(input)),
        name,
      ).toEqual([]);
      const all = [...outputs.values()].flatMap((output) => kept(output));
      expect(all, name).toContain("functions/src/mail/ses-fetch.ts");
      expect(all, name).toContain("functions/src/bundle/smtp-absent.ts");
      expect(all, name).not.toContain("functions/src/mail/smtp.ts");
      expect(all.filter((input) => input.includes("node_modules/@aws-sdk/client-sesv2/"), name)).toEqual([]);
      // nodemailer's composer and what it needs to write a message, nothing of its mailer or its transports.
      const nodemailer = new Set(
        all.flatMap((input) => input.match(/node_modules\/nodemailer\/dist\/esm\/([^/]+)/)?.slice(1) ?? []),
      );
      expect(nodemailer.has("mail-composer"), name).toBe(true);
      for (const part of [
        "nodemailer.js",
        "mailer",
        "smtp-transport",
        "smtp-pool",
        "smtp-connection",
        "ses-transport",
        "sendmail-transport",
        "stream-transport",
        "json-transport",
        "well-known",
        "xoauth2",
        "dkim",
      ]) {
        expect(nodemailer.has(part), `${name}: nodemailer/${part}`).toBe(false);
      }
      // Sending mail brings no AWS SDK code: nothing the SES transport imports is @aws-sdk or @smithy. (What of them
      // is left in these bundles is the table's DynamoDB client, which the lite data path removes.)
      const sending = [...reachableFrom(metafile, "functions/src/mail/ses-fetch.ts")];
      expect(sending).toContain("functions/node_modules/nodemailer/dist/esm/mail-composer/index.js");
      expect(
        sending.filter((input) => /node_modules\/(@aws-sdk|@smithy)\//.test(input)),
        name,
      ).toEqual([]);
    }
  }, 180_000);

  it("the files function's entry carries neither the S3 SDK nor pdf-lib: pdf-lib is a chunk the first PDF check loads", async () => {
    // Its S3 calls are SigV4-signed fetch (files/objects.ts); pdf-lib is imported dynamically (files/pdf-check.ts) and
    // the files function is built split (infra/function.ts splitEntries): a cold start reads index.mjs and the small
    // chunk it imports statically, not pdf-lib.
    const outputs = await outputsOf(filesEntry, "files");
    const entry = await keptInputs(filesEntry, "files");
    expect(entry).toContain("functions/src/files/objects.ts");
    // Every S3 package of the SDK (client-s3, the presigners, middleware-sdk-s3…); no @smithy either (checked with
    // every function above).
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

  it("the search index (browse), the calendar writer (work) and the XLSX writer (insights) are chunks their first use loads, not in the entry", async () => {
    // interviews/attachment.ts and data/dashboard-export.ts import them dynamically, and these functions are built
    // split (infra/function.ts splitEntries): a cold start reads index.mjs alone. The catalog serves no calendar
    // (its listing routes are modules apart from the application routes), so it carries no ics at all.
    const lazy = {
      browse: /node_modules\/minisearch\/|functions\/src\/search\/(listing|ranked)-index\.ts/,
      work: /node_modules\/ics\//,
      insights: /node_modules\/(write-excel-file|fflate)\//,
    } as const;
    const catalog = [...(await outputsOf(groupEntry("catalog"), "catalog-ics")).values()].flatMap((o) => kept(o));
    expect(catalog.filter((input) => /node_modules\/ics\//.test(input))).toEqual([]);
    for (const [group, heavy] of Object.entries(lazy)) {
      const outputs = await outputsOf(groupEntry(group), group);
      expect(
        (await keptInputs(groupEntry(group), group)).filter((input) => heavy.test(input)),
        group,
      ).toEqual([]);
      const chunk = [...outputs].find(
        ([path, output]) => path.startsWith("chunks/") && kept(output).some((input) => heavy.test(input)),
      );
      expect(chunk, `${group}: a chunk holding ${heavy}`).toBeDefined();
    }
  }, 120_000);
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { esbuildOptions } from "./function";
import { digestEntry, mailConsumerEntry } from "./mail";
import { apiEntry, groupEntry } from "./paths";

// What a function's cold start must not pay for (issue 14, docs/benchmarks.md): its bundle holds only the modules it
// can run. Built exactly as deployed (`esbuildOptions`), read from esbuild's metafile (bytes each input kept).
const dir = mkdtempSync(join(tmpdir(), "ketnoi-bundle-contents-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundleOf(entry: string, name: string): Promise<Metafile> {
  const { metafile } = await build({
    ...esbuildOptions(entry, join(dir, name, "index.mjs")),
    metafile: true,
    logLevel: "silent",
  });
  return metafile as Metafile;
}

async function keptInputs(entry: string, name: string): Promise<string[]> {
  const output = Object.values((await bundleOf(entry, name)).outputs).find((o) => o.entryPoint);
  return Object.entries(output!.inputs)
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([input]) => input);
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

  it("the mail functions send through SES over a signed fetch: nodemailer's composer only, no SES client, no SMTP", async () => {
    // functions/src/mail/ses-fetch.ts (issue 14): nodemailer's SES transport over @aws-sdk/client-sesv2, its mailer and
    // its SMTP transport were ~430 kB of each mail function; the SMTP module is replaced in every deployed bundle
    // (infra/function.ts bundleAliases) because a deployed function sends through SES only.
    for (const [name, entry] of [
      ["mail-consumer", mailConsumerEntry],
      ["mail-digest", digestEntry],
    ] as const) {
      const metafile = await bundleOf(entry, name);
      const kept = await keptInputs(entry, `${name}-kept`);
      expect(kept, name).toContain("functions/src/mail/ses-fetch.ts");
      expect(kept, name).toContain("functions/src/bundle/smtp-absent.ts");
      expect(kept, name).not.toContain("functions/src/mail/smtp.ts");
      expect(kept.filter((input) => input.includes("node_modules/@aws-sdk/client-sesv2/"), name)).toEqual([]);
      // nodemailer's composer and what it needs to write a message, nothing of its mailer or its transports.
      const nodemailer = new Set(
        kept.flatMap((input) => input.match(/node_modules\/nodemailer\/dist\/esm\/([^/]+)/)?.slice(1) ?? []),
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
});

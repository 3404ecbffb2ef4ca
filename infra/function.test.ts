import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { App, Duration, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { build } from "esbuild";
import { afterAll, expect, it } from "vitest";
import { chunkFolder, esbuildOptions, functionNodeOptions, KetNoiFunction, splitEntries } from "./function";
import { filesEntry, groupEntry, mailConsumerEntry, streamEntry } from "./paths";
import { stageSettings } from "./stage";
import { resourceAt, scratchFolder } from "./test/template";

const scratch = scratchFolder("ketnoi-function-");
afterAll(() => scratch.remove());

// The bench (scripts/bench/lambda.ts) and bundle-runtime.test.ts build the functions with `esbuildOptions`
// instead of synthesizing a stack: this holds them to what NodejsFunction really deploys.
// The health function too: a lean one, with the fetch transport's alias (bundleAliases). The files function is
// split (splitEntries): KetNoiFunction runs esbuildOptions' build itself, and every file of it is deployed, chunks too.
/** A function of `entry` with nothing but what its bundling needs. */
const bundlingCheck = (stack: Stack, id: string, entry: string) =>
  new KetNoiFunction(stack, id, {
    stage: stageSettings("test"),
    entry,
    description: "bundling check",
    memorySize: 128,
    timeout: Duration.seconds(3),
    environment: {},
  });

/** Every file under `folder`, by its path relative to it. */
const filesUnder = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();

it.each([
  ["the stream consumer", streamEntry],
  ["the health function", groupEntry("health")],
  ["the files function (split)", filesEntry],
])(
  "esbuildOptions builds, byte for byte, the files KetNoiFunction deploys: %s",
  async (name, entry) => {
    const app = new App({ outdir: join(scratch.path, name, "cdk.out") });
    const stack = new Stack(app, "Bundling");
    bundlingCheck(stack, "Consumer", entry);
    const [, fn] = resourceAt(Template.fromStack(stack), "AWS::Lambda::Function", "Consumer");
    expect(fn.Properties!.Environment.Variables.NODE_OPTIONS).toBe(functionNodeOptions);
    const asset = join(app.outdir, `asset.${String(fn.Properties!.Code.S3Key).replace(/\.zip$/, "")}`);
    const deployed = readFileSync(join(asset, "index.mjs"));

    // Built beside the asset: the maps name the sources by their path from the output folder, and a chunk's name
    // hashes its content, map comment included, so only a folder at the same depth gives the same bytes.
    const folder = join(app.outdir, "esbuild");
    const outfile = join(folder, "index.mjs");
    await build({ ...esbuildOptions(entry, outfile), logLevel: "silent" });
    expect(readFileSync(outfile).equals(deployed)).toBe(true);
    expect(JSON.parse(readFileSync(`${outfile}.map`, "utf8")).sourcesContent).toBeUndefined();
    const built = filesUnder(folder);
    expect(filesUnder(asset)).toEqual(built);
    for (const file of built) {
      expect(readFileSync(join(asset, file)).equals(readFileSync(join(folder, file))), file).toBe(true);
    }
    // Only the split functions have chunks (the files function's pdf-lib, the consumer's search index).
    const chunks = built.filter((file) => file.startsWith(`${chunkFolder}/`) && file.endsWith(".mjs"));
    if (splitEntries.has(entry)) expect(chunks.length).toBeGreaterThan(0);
    else expect(chunks).toEqual([]);
  },
  60_000,
);

it("gives each split function its own code: CDK's asset cache keys them apart (work, insights, files, mail)", async () => {
  // One stack, as synthesis builds them: the bundled asset is cached by its options, and the local bundler is a
  // function left out of that key, so the entry must be in it (splitCode's extraHash).
  const app = new App({ outdir: join(scratch.path, "split-apart", "cdk.out") });
  const stack = new Stack(app, "Bundling");
  const entries = {
    Work: groupEntry("work"),
    Insights: groupEntry("insights"),
    Files: filesEntry,
    Mail: mailConsumerEntry,
  };
  for (const [id, entry] of Object.entries(entries)) bundlingCheck(stack, id, entry);
  const template = Template.fromStack(stack);
  for (const [id, entry] of Object.entries(entries)) {
    const [, fn] = resourceAt(template, "AWS::Lambda::Function", id);
    const asset = join(app.outdir, `asset.${String(fn.Properties!.Code.S3Key).replace(/\.zip$/, "")}`);
    const outfile = join(app.outdir, `esbuild-${id}`, "index.mjs");
    await build({ ...esbuildOptions(entry, outfile), logLevel: "silent" });
    expect(readFileSync(join(asset, "index.mjs")).equals(readFileSync(outfile)), id).toBe(true);
  }
}, 120_000);

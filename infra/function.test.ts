import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App, Duration, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { build } from "esbuild";
import { afterAll, expect, it } from "vitest";
import { esbuildOptions, functionNodeOptions, KetNoiFunction } from "./function";
import { groupEntry, streamEntry } from "./paths";
import { stageSettings } from "./stage";
import { resourceAt, scratchFolder } from "./test/template";

const scratch = scratchFolder("ketnoi-function-");
afterAll(() => scratch.remove());

// The bench (scripts/bench/lambda.ts) and bundle-runtime.test.ts build the functions with `esbuildOptions`
// instead of synthesizing a stack: this holds them to what NodejsFunction really deploys.
// The health function too: a lean one, with the fetch transport's alias (bundleAliases).
it.each([
  ["the stream consumer", streamEntry],
  ["the health function", groupEntry("health")],
])(
  "esbuildOptions builds, byte for byte, the file NodejsFunction deploys: %s",
  async (name, entry) => {
    const app = new App({ outdir: join(scratch.path, name, "cdk.out") });
    const stack = new Stack(app, "Bundling");
    new KetNoiFunction(stack, "Consumer", {
      stage: stageSettings("test"),
      entry,
      description: "bundling check",
      memorySize: 128,
      timeout: Duration.seconds(3),
      environment: {},
    });
    const [, fn] = resourceAt(Template.fromStack(stack), "AWS::Lambda::Function", "Consumer");
    expect(fn.Properties!.Environment.Variables.NODE_OPTIONS).toBe(functionNodeOptions);
    const asset = join(app.outdir, `asset.${String(fn.Properties!.Code.S3Key).replace(/\.zip$/, "")}`);
    const deployed = readFileSync(join(asset, "index.mjs"));

    const outfile = join(scratch.path, name, "esbuild", "index.mjs");
    await build({ ...esbuildOptions(entry, outfile), logLevel: "silent" });
    expect(readFileSync(outfile).equals(deployed)).toBe(true);
    expect(JSON.parse(readFileSync(`${outfile}.map`, "utf8")).sourcesContent).toBeUndefined();
  },
  60_000,
);

/**
 * Lambda benchmarks (issue 7): each function's bundle, built as it deploys, its size and the time a fresh Node
 * process takes to import it, against a hello-world handler bundled the same way in the same run.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { App } from "aws-cdk-lib";
import type { IConstruct } from "constructs";
import { type BuildOptions, build, type Metafile } from "esbuild";
import { type BenchSection, type FigureValue, median, round2 } from "./harness";

const root = resolve(fileURLToPath(import.meta.url), "../../..");

// The bundling is declared once, in infra/function.ts (infra/function.test.ts holds it to NodejsFunction's output).
// The scripts project does not reference the infra project, so tsc would refuse a static import: the modules are
// loaded at run time (tsx) and typed here by what this file uses of them.
interface InfraFunction {
  esbuildOptions(entry: string, outfile: string): BuildOptions;
  functionNodeOptions: string;
  KetNoiFunction: abstract new (...args: never[]) => IConstruct & { readonly entry: string };
}
interface InfraApp {
  createCdkApp(app: App): App;
  stackName(stage: string): string;
}
const loadInfra = async <T>(file: string) => (await import(pathToFileURL(join(root, "infra", file)).href)) as T;

/**
 * Every KetNoi function of the production stack, by the id of the construct holding it in lower camel case (api,
 * streamConsumer, retention…) with its entry: read from the construct tree of infra/app.ts, without bundling.
 */
async function lambdaEntries(infra: InfraFunction, outdir: string): Promise<Record<string, string>> {
  const { App } = await import("aws-cdk-lib");
  const { createCdkApp, stackName } = await loadInfra<InfraApp>("app.ts");
  // The context `npm run synth` passes, so prod synthesizes offline (infra/test/template.ts synthContext).
  const context = {
    webPlaceholder: "true",
    acceptDefaultDomain: "true",
    alarmEmail: "alarms@example.invalid",
    "aws:cdk:bundling-stacks": [],
  };
  const app = createCdkApp(new App({ outdir, context }));
  const functions = app.node
    .findChild(stackName("prod"))
    .node.findAll()
    .filter((c): c is InstanceType<InfraFunction["KetNoiFunction"]> => c instanceof infra.KetNoiFunction);
  if (functions.length === 0) throw new Error("no KetNoiFunction in infra/app.ts's production stack");
  const named = functions.map((fn) => {
    const id = fn.node.scope!.node.id;
    return [id.charAt(0).toLowerCase() + id.slice(1), fn.entry] as const;
  });
  return Object.fromEntries(named.sort(([a], [b]) => a.localeCompare(b)));
}

/** The AWS SDK v3: what NodejsFunction leaves out by default because the Lambda Node.js runtime provides it. */
const sdkPackages = ["@aws-sdk/*", "@smithy/*"];
const packageOf = (input: string) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? "(KetNoi code)";
const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/** Output bytes by package (the app's own modules together), largest first. */
function bytesByPackage(metafile: Metafile): [string, number][] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      totals.set(packageOf(input), (totals.get(packageOf(input)) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * The environment of a deployed function, with sample values: the entries parse their configuration when they
 * are imported, so an import without it fails. NODE_OPTIONS is the function's own (source maps are loaded).
 */
const deployEnv = (nodeOptions: string) => ({
  PATH: process.env.PATH,
  NODE_OPTIONS: nodeOptions,
  STAGE: "prod",
  TABLE_NAME: "ketnoi-prod",
  AWS_REGION: "ap-southeast-1",
  AUTH_ISSUER: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool",
  AUTH_AUDIENCE: "client",
  AUTH_JWKS_URL: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool/.well-known/jwks.json",
  DEV_AUTH: "false",
  WEB_ORIGIN: "https://ketnoi.example",
  SEARCH_BUCKET: "ketnoi-prod-search-snapshots",
  SEARCH_KEY: "search/listings.json",
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "secret",
});

/**
 * Milliseconds from the start of a fresh `node` process until `bundle` is imported: `performance.now()` counts from
 * the process's time origin, so this is Node's own start plus loading, compiling and running the bundle's top level
 * — the part of a cold start the code decides. The hello-world bundle gives Node's share.
 */
function importMs(runner: string, bundle: string, env: NodeJS.ProcessEnv): number {
  const child = spawnSync(process.execPath, [runner, bundle], { env, encoding: "utf8", timeout: 30_000 });
  const ms = Number(child.stdout);
  if (child.status !== 0 || !Number.isFinite(ms)) {
    throw new Error(`importing ${bundle} failed (exit ${child.status}):\n${child.stderr}`);
  }
  return ms;
}

const rounds = 15;

export const lambdaSection: BenchSection = {
  name: "lambda",
  cases: [
    {
      name: "lambda",
      description:
        "each function bundled as it deploys (infra/function.ts esbuildOptions; 1 kB = 1,000 bytes): size, and the " +
        `time from a fresh node's start to the bundle imported, with the function's NODE_OPTIONS; median of ${rounds} ` +
        "rounds interleaved with a hello-world bundle. SdkExternal: the AWS SDK left out (NodejsFunction's default) " +
        "and loaded from node_modules; WithoutSourceMaps: the deployed bundle without --enable-source-maps",
      targets: { "*.sizeKb": "≤ 400", "*.importRatio": "≤ 1.5" },
      async run() {
        const infra = await loadInfra<InfraFunction>("function.ts");
        // Under the repository, so that a bundle leaving the SDK out finds it in node_modules, as it would in Lambda.
        const dir = join(root, ".tmp", `bench-lambda-${process.pid}`);
        mkdirSync(dir, { recursive: true });
        try {
          const hello = join(dir, "hello.ts");
          writeFileSync(hello, 'export const handler = async () => ({ statusCode: 200, body: "hello" });\n');
          const runner = join(dir, "import.mjs");
          writeFileSync(runner, "await import(process.argv[2]);\nprocess.stdout.write(String(performance.now()));\n");

          const entries = await lambdaEntries(infra, join(dir, "cdk.out"));
          const bundle = async (entry: string, outfile: string, sdkExternal: boolean) => {
            const options = infra.esbuildOptions(entry, outfile);
            const external = [...(options.external ?? []), ...(sdkExternal ? sdkPackages : [])];
            const { metafile } = await build({ ...options, external, metafile: true, logLevel: "error" });
            return { file: outfile, bytes: statSync(outfile).size, packages: bytesByPackage(metafile) };
          };
          const deployedEnv = deployEnv(infra.functionNodeOptions);
          const helloBundle = await bundle(hello, join(dir, "hello", "index.mjs"), false);
          const variants = [{ name: "hello", file: helloBundle.file, env: deployedEnv }];
          const sizes = new Map<string, Record<string, FigureValue>>();
          for (const [name, entry] of Object.entries(entries)) {
            const deployed = await bundle(entry, join(dir, name, "index.mjs"), false);
            const sdkExternal = await bundle(entry, join(dir, `${name}-sdk-external`, "index.mjs"), true);
            variants.push(
              { name, file: deployed.file, env: deployedEnv },
              { name: `${name}SdkExternal`, file: sdkExternal.file, env: deployedEnv },
              { name: `${name}WithoutSourceMaps`, file: deployed.file, env: deployEnv("") },
            );
            const sdkBytes = deployed.packages
              .filter(([pkg]) => pkg.startsWith("@aws-sdk/") || pkg.startsWith("@smithy/"))
              .reduce((sum, [, bytes]) => sum + bytes, 0);
            sizes.set(name, {
              sizeKb: kb(deployed.bytes),
              sdkKb: kb(sdkBytes),
              sizeKbSdkExternal: kb(sdkExternal.bytes),
              largestPackagesKb: deployed.packages
                .slice(0, 6)
                .map(([pkg, bytes]) => `${pkg} ${Math.round(bytes / 1000)}`)
                .join(", "),
            });
          }

          // One warm-up import of each (the file system cache), then rounds in a rotated order, so that every variant
          // sees the same machine load on average.
          const samples = new Map<string, number[]>(variants.map((v) => [v.name, []]));
          for (const v of variants) importMs(runner, v.file, v.env);
          for (let round = 0; round < rounds; round++) {
            for (let i = 0; i < variants.length; i++) {
              const v = variants[(i + round) % variants.length]!;
              samples.get(v.name)!.push(importMs(runner, v.file, v.env));
            }
          }
          const medianOf = (name: string) => round2(median(samples.get(name)!));
          const helloMs = medianOf("hello");
          const figures: Record<string, FigureValue> = { helloImportMs: helloMs };
          for (const name of Object.keys(entries)) {
            const { sizeKb, ...sizeDetails } = sizes.get(name)!;
            const ms = medianOf(name);
            figures[name] = {
              sizeKb: sizeKb!,
              importMs: ms,
              importRatio: round2(ms / helloMs),
              importMsSdkExternal: medianOf(`${name}SdkExternal`),
              importMsWithoutSourceMaps: medianOf(`${name}WithoutSourceMaps`),
              ...sizeDetails,
            };
          }
          return { ...figures, rounds };
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
  ],
};

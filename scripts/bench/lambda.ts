/**
 * Lambda benchmarks (issue 7): each function's bundle, built as it deploys, its size and the time a fresh Node
 * process takes to import it, against a hello-world handler bundled the same way in the same run.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
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
interface InfraColdStart {
  coldStartFiles(folder: string, entry?: string): string[];
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
    // With a mail domain, the stack holds the mail functions too (infra/mail.ts: mailConsumer, mailDigest, mailBounces).
    mailDomain: "ketnoi.example",
    "aws:cdk:bundling-stacks": [],
  };
  const app = createCdkApp(new App({ outdir, context }));
  const functions = app.node
    .findChild(stackName("prod"))
    .node.findAll()
    .filter((c): c is InstanceType<InfraFunction["KetNoiFunction"]> => c instanceof infra.KetNoiFunction);
  if (functions.length === 0) throw new Error("no KetNoiFunction in infra/app.ts's production stack");
  const scopeIds = functions.map((fn) => fn.node.scope!.node.id);
  const named = functions.map((fn) => {
    let id = fn.node.scope!.node.id;
    // Two functions in one construct (the API's and the files function, infra/api.ts): the second is named by its
    // own id too ("apiFiles").
    if (scopeIds.filter((other) => other === id).length > 1 && fn.node.id !== "Handler") {
      id += fn.node.id.replace(/Handler$/, "");
    }
    return [id.charAt(0).toLowerCase() + id.slice(1), fn.entry] as const;
  });
  return Object.fromEntries(named.sort(([a], [b]) => a.localeCompare(b)));
}

/** The AWS SDK v3: what NodejsFunction leaves out by default because the Lambda Node.js runtime provides it. */
const sdkPackages = ["@aws-sdk/*", "@smithy/*"];
const packageOf = (input: string) => input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? "(KetNoi code)";
const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/** Output bytes by package (the app's own modules together) in `outputs`, largest first. */
function bytesByPackage(outputs: Metafile["outputs"][string][]): [string, number][] {
  const totals = new Map<string, number>();
  for (const output of outputs) {
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
const deployEnv = (nodeOptions: string, dynamoEndpoint: string, tableName: string) => ({
  PATH: process.env.PATH,
  NODE_OPTIONS: nodeOptions,
  STAGE: "prod",
  TABLE_NAME: tableName,
  // DynamoDB Local (in memory, the demo data seeded) answers the first requests.
  DYNAMODB_ENDPOINT: dynamoEndpoint,
  SERVER_SECRET: "a-bench-secret-of-at-least-32-characters",
  AWS_REGION: "ap-southeast-1",
  AUTH_ISSUER: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool",
  AUTH_AUDIENCE: "client",
  AUTH_JWKS_URL: "https://cognito-idp.ap-southeast-1.amazonaws.com/pool/.well-known/jwks.json",
  DEV_AUTH: "false",
  WEB_ORIGIN: "https://ketnoi.example",
  SEARCH_BUCKET: "ketnoi-prod-search-snapshots",
  SEARCH_KEY: "search/listings.json",
  // The candidate snapshot beside it (required in prod since the one deployed snapshot store, ffd2dc8).
  CANDIDATES_KEY: "candidates/pool.json",
  AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
  AWS_SECRET_ACCESS_KEY: "secret",
});

/**
 * The mail functions' own variables (infra/mail.ts `environment`): the consumer refuses to start without a transport.
 * They are only imported here (no SES to answer a first request).
 */
const mailEnv = {
  MAIL_TRANSPORT: "ses",
  MAIL_FROM: "KetNoi <no-reply@ketnoi.example>",
  SES_CONFIGURATION_SET: "ketnoi-prod",
};
const envOf = (name: string, env: NodeJS.ProcessEnv) => (name.startsWith("mail") ? { ...env, ...mailEnv } : env);

/**
 * Milliseconds from the start of a fresh `node` process until `bundle` is imported: `performance.now()` counts from
 * the process's time origin, so this is Node's own start plus loading, compiling and running the bundle's top level
 * — the part of a cold start the code decides. The hello-world bundle gives Node's share.
 */
interface ImportSample {
  importMs: number;
  importCpuMs?: number;
  /** With an event: the first call of `handler` after the import, and the median of the warm calls after it. */
  firstMs?: number;
  warmMs?: number;
}
function importMs(runner: string, bundle: string, env: NodeJS.ProcessEnv, event?: string): ImportSample {
  const args = [runner, bundle, ...(event ? [event] : [])];
  const child = spawnSync(process.execPath, args, { env, encoding: "utf8", timeout: 60_000 });
  let sample: ImportSample | undefined;
  try {
    sample = JSON.parse(child.stdout) as ImportSample;
  } catch {}
  if (child.status !== 0 || !sample || !Number.isFinite(sample.importMs)) {
    throw new Error(`importing ${bundle} failed (exit ${child.status}):\n${child.stdout}\n${child.stderr}`);
  }
  return sample;
}

/**
 * The child's script: imports the bundle and, given an event, calls `handler` once (the first request of a cold
 * start) and then 5 times warm. A response of 500 or more, or a reported batch failure, fails the bench: a fast
 * error is not a measurement.
 */
const runnerScript = `const started = performance.now();
const { handler } = await import(process.argv[2]);
const importMs = performance.now();
// CPU time of the process so far (every thread: V8's compiler and GC helpers too): less sensitive than the wall
// clock to other processes competing for the cores.
const cpu = process.cpuUsage();
const out = { importMs, importCpuMs: (cpu.user + cpu.system) / 1000 };
if (process.argv[3]) {
  const event = JSON.parse(process.argv[3]);
  const context = { getRemainingTimeInMillis: () => 600000, functionName: "bench", awsRequestId: "r" };
  const call = async () => {
    const t = performance.now();
    const result = await handler(structuredClone(event), context);
    const ms = performance.now() - t;
    if ((result?.statusCode ?? 200) >= 500 || result?.batchItemFailures?.length) {
      throw new Error("the handler failed: " + JSON.stringify(result).slice(0, 500));
    }
    return ms;
  };
  out.firstMs = await call();
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await call());
  out.warmMs = warm.sort((a, b) => a - b)[2];
}
void started;
process.stdout.write(JSON.stringify(out));
`;

/** An API Gateway v2 (HTTP API, payload 2.0) GET, as the API function receives it. */
export function httpApiGet(path: string, query = "", headers: Record<string, string> = {}) {
  return {
    version: "2.0",
    routeKey: "$default",
    rawPath: path,
    rawQueryString: query,
    headers: { host: "api.example", ...headers },
    isBase64Encoded: false,
    requestContext: {
      http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "1.2.3.4", userAgent: "bench" },
      requestId: "r",
      routeKey: "$default",
      stage: "$default",
      timeEpoch: 0,
      domainName: "api.example",
      accountId: "1",
      apiId: "a",
      domainPrefix: "api",
      time: "",
    },
  };
}

/** DynamoDB Local in memory with the table and the demo data; the first requests read from it. */
async function startSeededTable() {
  const { startDynamoLocal } = await import("@ketnoi/functions/local/dynamodb-local");
  const { freePort } = await import("@ketnoi/functions/local/ports");
  const { ensureTable } = await import("@ketnoi/functions/local/tables");
  const { useLocalConfig } = await import("@ketnoi/functions/local/config");
  const { seedDemoData } = await import("@ketnoi/functions/seed/seed");
  const { db } = await import("@ketnoi/functions/db/service");
  const tableName = "ketnoi-bench";
  const dynamo = await startDynamoLocal({ port: await freePort(), inMemory: true });
  process.once("exit", () => dynamo.process.kill("SIGKILL"));
  useLocalConfig({ endpoint: dynamo.endpoint, tableName, apiUrl: "http://127.0.0.1:1" });
  await ensureTable(dynamo.endpoint, tableName);
  await seedDemoData();
  const { data } = await db().entities.listing.scan.go({ limit: 50 });
  const listing = data.find((l) => l.status === "published");
  if (!listing) throw new Error("the demo data has no published listing");
  return { endpoint: dynamo.endpoint, tableName, listingId: listing.listingId, stop: () => dynamo.stop() };
}

const rounds = Number(process.env.BENCH_LAMBDA_ROUNDS ?? 15);
/**
 * `BENCH_LAMBDA_VARIANTS=0` leaves out each function's SdkExternal and WithoutSourceMaps variants: with one
 * function per route group (issue 14) they triple a run of ten functions.
 */
const withVariants = process.env.BENCH_LAMBDA_VARIANTS !== "0";
/**
 * `BENCH_LAMBDA_IMPORT_ONLY=retention,…`: those functions are imported but not called (a retention run over the
 * whole demo data can outlast the 60 s per sample on a loaded machine).
 */
const importOnly = new Set((process.env.BENCH_LAMBDA_IMPORT_ONLY ?? "").split(",").filter(Boolean));

/** The event each function's first request is measured with (functions without one are only imported). */
function firstEvents(table: {
  listingId: string;
  studentImage: Record<string, unknown>;
  unsubscribeToken: string;
}): Record<string, unknown> {
  return {
    // A listing's public detail: GetItem of the listing and of its organisation. The docs function (`api`) still
    // answers it (it builds the whole app); deployed, the browse function does (issue 14: the public reads over the
    // lite data path). `apiBrowseBefore=<main's catalog bundle>` compares the same request before the split.
    api: httpApiGet(`/api/listings/${table.listingId}`),
    apiBrowse: httpApiGet(`/api/listings/${table.listingId}`),
    // The catalog function keeps the feed (a Query through ElectroDB) and the writes.
    apiCatalog: httpApiGet("/api/listings"),
    // The public routes of the other group functions (the private ones need a token the bench's JWKS cannot verify).
    apiOrganisations: httpApiGet("/api/organisations"),
    apiHealth: httpApiGet("/api/health"),
    // The account group's public route: what a mail's unsubscribe link is for (the signed token is its authority;
    // the middleware chain, then the user's mail preferences read over the lite data path, issue 14).
    apiAccount: httpApiGet("/api/mail/unsubscribe", `token=${table.unsubscribeToken}`),
    // A student's profile item changed (no search work, so no S3): the consumer's aggregation and bookkeeping.
    streamConsumer: {
      Records: [
        {
          eventID: "bench-1",
          eventName: "MODIFY",
          eventSourceARN: "arn:aws:dynamodb:ap-southeast-1:1:table/ketnoi-bench/stream/x",
          dynamodb: { NewImage: table.studentImage, OldImage: table.studentImage, SequenceNumber: "1" },
        },
      ],
    },
    retention: {},
    // The SDK floor: one GetItem.
    floor: {},
  };
}

/**
 * Extra bundles measured in the same rotation, `BENCH_LAMBDA_EXTRA=name=/abs/index.mjs,…`: a bundle built from an
 * earlier commit, so a before/after comparison shares the run's load (docs/benchmarks.md, issue 14).
 */
const extraBundles = (process.env.BENCH_LAMBDA_EXTRA ?? "")
  .split(",")
  .filter(Boolean)
  .map((pair) => pair.split("=") as [string, string]);

export const lambdaSection: BenchSection = {
  name: "lambda",
  cases: [
    {
      name: "lambda",
      description:
        "each function bundled as it deploys (infra/function.ts esbuildOptions; 1 kB = 1,000 bytes): size (of the " +
        "entry file a cold start loads; chunksKb: a split function's chunks, loaded on first use), and the " +
        `time from a fresh node's start to the bundle imported, with the function's NODE_OPTIONS; median of ${rounds} ` +
        "rounds interleaved with a hello-world bundle and the SDK floor (DynamoDB DocumentClient, one GetItem); " +
        "importVsFloorWithRequest: against the floor that also loads Node's web Request (undici), as every Hono " +
        "function must before its first answer; " +
        "firstRequestMs: the first handler call after the import (API: a listing's detail; consumer: one stream " +
        "record) on DynamoDB Local with the demo data, warmRequestMs the median of 5 calls after it",
      targets: {
        "*.sizeKb": "≤ 400",
        "*.importVsFloor": "≤ 1.3",
        "*.firstRequestOverWarmMs": "≤ 20",
      },
      async run() {
        const infra = await loadInfra<InfraFunction>("function.ts");
        const { coldStartFiles } = await loadInfra<InfraColdStart>("cold-start.ts");
        // Under the repository, so that a bundle leaving the SDK out finds it in node_modules, as it would in Lambda.
        const dir = join(root, ".tmp", `bench-lambda-${process.pid}`);
        mkdirSync(dir, { recursive: true });
        const table = await startSeededTable();
        try {
          const hello = join(dir, "hello.ts");
          writeFileSync(hello, 'export const handler = async () => ({ statusCode: 200, body: "hello" });\n');
          const floor = join(dir, "floor.ts");
          writeFileSync(
            floor,
            `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT }));
export const handler = async () => {
  await client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: "floor", sk: "floor" } }));
  return { statusCode: 200 };
};
`,
          );
          // The floor plus what every Hono function loads before its first answer and the floor never does: Node's web
          // Request and Response (undici, loaded on first touch). Hono's Lambda adapter builds a Request per event.
          const floorRequest = join(dir, "floor-request.ts");
          writeFileSync(
            floorRequest,
            readFileSync(floor, "utf8").replace(
              "const client =",
              "void globalThis.Request; // loads undici, as hono/aws-lambda's first Request does\nconst client =",
            ),
          );
          const runner = join(dir, "import.mjs");
          writeFileSync(runner, runnerScript);

          const { ScanCommand } = await import("@aws-sdk/client-dynamodb");
          const { localClient } = await import("@ketnoi/functions/local/tables");
          const scan = await localClient(table.endpoint).send(
            new ScanCommand({
              TableName: table.tableName,
              FilterExpression: "#e = :e",
              ExpressionAttributeNames: { "#e": "__edb_e__" },
              ExpressionAttributeValues: { ":e": { S: "student" } },
            }),
          );
          const studentImage = scan.Items?.[0];
          if (!studentImage) throw new Error("the demo data has no student");
          const { unsubscribeToken } = await import("@ketnoi/functions/mail/token");
          const secret = deployEnv("", "", "").SERVER_SECRET;
          const token = unsubscribeToken(secret, String(studentImage.userId?.S), "application_status");
          const events = Object.fromEntries(
            Object.entries(firstEvents({ listingId: table.listingId, studentImage, unsubscribeToken: token })).map(
              ([k, v]) => [k, JSON.stringify(v)],
            ),
          );

          const entries = await lambdaEntries(infra, join(dir, "cdk.out"));
          const bundle = async (entry: string, outfile: string, sdkExternal: boolean, aliases = true) => {
            const options = { ...infra.esbuildOptions(entry, outfile), ...(aliases ? {} : { alias: {} }) };
            const external = [...(options.external ?? []), ...(sdkExternal ? sdkPackages : [])];
            const { metafile } = await build({ ...options, external, metafile: true, logLevel: "error" });
            // A split function (infra/function.ts splitEntries) starts with its entry file and the chunks it imports
            // statically (infra/cold-start.ts): its size and packages are theirs; the chunks it imports dynamically
            // (loaded on first use, like pdf-lib in the files function) are counted apart.
            const coldStart = new Set(
              coldStartFiles(dirname(outfile), basename(outfile)).map((file) => join(dirname(outfile), file)),
            );
            const outputs = Object.entries(metafile.outputs).filter(([path]) => path.endsWith(".mjs"));
            const startOutputs = outputs.filter(([path]) => coldStart.has(resolve(root, path))).map(([, o]) => o);
            const bytes = startOutputs.reduce((sum, output) => sum + output.bytes, 0);
            const chunkBytes = outputs
              .filter(([path]) => !coldStart.has(resolve(root, path)))
              .reduce((sum, [, output]) => sum + output.bytes, 0);
            return { file: outfile, bytes, chunkBytes, packages: bytesByPackage(startOutputs) };
          };
          const deployedEnv = deployEnv(infra.functionNodeOptions, table.endpoint, table.tableName);
          const noMapsEnv = deployEnv("", table.endpoint, table.tableName);
          const helloBundle = await bundle(hello, join(dir, "hello", "index.mjs"), false);
          const floorBundle = await bundle(floor, join(dir, "floor", "index.mjs"), false);
          // The floor as issue 14 first measured it: the SDK's own credential chain (no bundleAliases).
          const floorChain = await bundle(floor, join(dir, "floor-chain", "index.mjs"), false, false);
          const floorRequestBundle = await bundle(floorRequest, join(dir, "floor-request", "index.mjs"), false);
          type Variant = { name: string; file: string; env: NodeJS.ProcessEnv; event?: string };
          const variants: Variant[] = [
            { name: "hello", file: helloBundle.file, env: deployedEnv },
            { name: "floor", file: floorBundle.file, env: deployedEnv, event: events.floor },
            { name: "floorDefaultChain", file: floorChain.file, env: deployedEnv },
            { name: "floorWithRequest", file: floorRequestBundle.file, env: deployedEnv, event: events.floor },
          ];
          const sizes = new Map<string, Record<string, FigureValue>>();
          for (const [name, entry] of Object.entries(entries)) {
            const deployed = await bundle(entry, join(dir, name, "index.mjs"), false);
            const sdkExternal = await bundle(entry, join(dir, `${name}-sdk-external`, "index.mjs"), true);
            variants.push({
              name,
              file: deployed.file,
              env: envOf(name, deployedEnv),
              event: importOnly.has(name) ? undefined : events[name],
            });
            if (withVariants) {
              variants.push(
                { name: `${name}SdkExternal`, file: sdkExternal.file, env: envOf(name, deployedEnv) },
                { name: `${name}WithoutSourceMaps`, file: deployed.file, env: envOf(name, noMapsEnv) },
              );
            }
            const sdkBytes = deployed.packages
              .filter(([pkg]) => pkg.startsWith("@aws-sdk/") || pkg.startsWith("@smithy/"))
              .reduce((sum, [, bytes]) => sum + bytes, 0);
            sizes.set(name, {
              sizeKb: kb(deployed.bytes),
              ...(deployed.chunkBytes ? { chunksKb: kb(deployed.chunkBytes) } : {}),
              sdkKb: kb(sdkBytes),
              sizeKbSdkExternal: kb(sdkExternal.bytes),
              largestPackagesKb: deployed.packages
                .slice(0, 6)
                .map(([pkg, bytes]) => `${pkg} ${Math.round(bytes / 1000)}`)
                .join(", "),
            });
          }
          for (const [name, file] of extraBundles) {
            const base = name.replace(/Before$/, "");
            variants.push({ name, file, env: envOf(name, deployedEnv), event: events[base] });
            sizes.set(name, { sizeKb: kb(statSync(file).size) });
          }

          // One warm-up import of each (the file system cache), then rounds in a rotated order, so that every variant
          // sees the same machine load on average.
          const samples = new Map<string, ImportSample[]>(variants.map((v) => [v.name, []]));
          for (const v of variants) importMs(runner, v.file, v.env, v.event);
          for (let round = 0; round < rounds; round++) {
            for (let i = 0; i < variants.length; i++) {
              const v = variants[(i + round) % variants.length]!;
              samples.get(v.name)!.push(importMs(runner, v.file, v.env, v.event));
            }
          }
          const medianOf = (name: string, key: keyof ImportSample = "importMs") => {
            const values = samples.get(name)!.flatMap((s) => (s[key] === undefined ? [] : [s[key]]));
            return values.length ? round2(median(values)) : undefined;
          };
          const helloMs = medianOf("hello")!;
          const floorMs = medianOf("floor")!;
          const floorCpuMs = medianOf("floor", "importCpuMs")!;
          const figures: Record<string, FigureValue> = {
            helloImportMs: helloMs,
            floorImportMs: floorMs,
            floorSizeKb: kb(floorBundle.bytes),
            helloImportCpuMs: medianOf("hello", "importCpuMs")!,
            floorImportCpuMs: floorCpuMs,
            floorFirstRequestMs: medianOf("floor", "firstMs")!,
            floorWarmRequestMs: medianOf("floor", "warmMs")!,
            floorDefaultChainImportMs: medianOf("floorDefaultChain")!,
            floorDefaultChainSizeKb: kb(floorChain.bytes),
            floorWithRequestImportMs: medianOf("floorWithRequest")!,
          };
          const floorWithRequestMs = medianOf("floorWithRequest")!;
          for (const name of [...Object.keys(entries), ...extraBundles.map(([n]) => n)]) {
            const { sizeKb, ...sizeDetails } = sizes.get(name)!;
            const ms = medianOf(name)!;
            const first = medianOf(name, "firstMs");
            const warm = medianOf(name, "warmMs");
            const request: Record<string, number> =
              first === undefined || warm === undefined
                ? {}
                : { firstRequestMs: first, warmRequestMs: warm, firstRequestOverWarmMs: round2(first - warm) };
            const variantsOf: Record<string, number> =
              entries[name] && withVariants
                ? {
                    importMsSdkExternal: medianOf(`${name}SdkExternal`)!,
                    importMsWithoutSourceMaps: medianOf(`${name}WithoutSourceMaps`)!,
                  }
                : {};
            const cpuMs = medianOf(name, "importCpuMs")!;
            figures[name] = {
              sizeKb: sizeKb!,
              importMs: ms,
              importRatio: round2(ms / helloMs),
              importVsFloor: round2(ms / floorMs),
              // Against the floor that also loads the web Request every Hono function needs (context, not the goal).
              importVsFloorWithRequest: round2(ms / floorWithRequestMs),
              importCpuMs: cpuMs,
              importCpuVsFloor: round2(cpuMs / floorCpuMs),
              ...request,
              ...variantsOf,
              ...sizeDetails,
            };
          }
          return { ...figures, rounds };
        } finally {
          await table.stop();
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
  ],
};

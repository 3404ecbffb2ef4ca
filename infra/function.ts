import { createRequire } from "node:module";
import { basename, dirname, join, relative } from "node:path";
import { AssetHashType, DockerImage, type Duration } from "aws-cdk-lib";
import {
  ApplicationLogLevel,
  Architecture,
  type CfnFunction,
  Code,
  type FunctionProps,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from "aws-cdk-lib/aws-lambda";
import { type BundlingOptions, NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import type { BuildOptions } from "esbuild";
import { digestEntry, filesEntry, groupEntry, mailConsumerEntry, repoRoot, streamEntry } from "./paths";
import type { StageSettings } from "./stage";

/**
 * Packages replaced in the deployed bundles by a lighter module of KetNoi's own (esbuild `alias`, resolved from the
 * repository root), each measured in `npm run bench -- --only=lambda` (issue 14, docs/decisions.md):
 * - `@ketnoi/functions/db/lite-transport`: the lite data path's transport (functions/src/db/transport.ts) becomes a
 *   SigV4-signed POST (functions/src/db/transport-fetch.ts over aws/signed-json.ts: node:crypto signs, node:http(s)
 *   sends over a keep-alive agent) instead of the SDK's DocumentClient, so no deployed
 *   function carries @aws-sdk/client-dynamodb or @smithy for its table (~200 kB; bundle-contents.test.ts). Every
 *   deployed function's table access is the lite data path (no ElectroDB: db/service.ts serves the seed, the local
 *   scripts and the tests, which hold the lite path to it); the tests and the local server keep the DocumentClient.
 * - jsonschema: ElectroDB's check of each entity model at import; kept for any bundle that still reaches ElectroDB.
 * - @aws-sdk/credential-provider-node: the SDK's full credential chain; in Lambda the role's keys are always in the
 *   environment.
 * - yup: the `ics` calendar writer's validation of each event (strict, so a valid event passes unchanged); ~39 kB
 *   in the functions carrying interview routes; the tests write every calendar through the real yup.
 * - `@ketnoi/functions/mail/smtp`: nodemailer's SMTP transport (local runs only); a deployed function sends through
 *   SES v2 over a signed fetch with nodemailer's composer alone (functions/src/mail/ses-fetch.ts), so nodemailer's
 *   mailer, SMTP and SES transports and `@aws-sdk/client-sesv2` stay out of the mail functions (~240 kB each).
 * - hono-openapi: the document is generated ahead of time (`npm run openapi`), so a deployed function needs only
 *   `describeRoute`, `validator` (the same `sValidator` of @hono/standard-validator) and `uniqueSymbol`
 *   (functions/src/bundle/hono-openapi-lean.ts); its converters (@standard-community/*, quansync,
 *   @valibot/to-json-schema) were ~21 kB of every group function (esbuild metafile; bundle-contents.test.ts).
 */
export const bundleAliases = {
  "@ketnoi/functions/db/lite-transport": "./functions/src/bundle/lite-transport-fetch.ts",
  jsonschema: "./functions/src/bundle/jsonschema-skip.ts",
  yup: "./functions/src/bundle/yup-skip.ts",
  "@aws-sdk/credential-provider-node": "./functions/src/bundle/env-credentials.ts",
  "@ketnoi/functions/mail/smtp": "./functions/src/bundle/smtp-absent.ts",
  "hono-openapi": "./functions/src/bundle/hono-openapi-lean.ts",
} as const;

/** One `--alias:<package>=<path>` flag each (NodejsFunction writes `key="value"` for keys it does not know). */
const aliasArgs = (aliases: Record<string, string>) =>
  Object.fromEntries(Object.entries(aliases).map(([pkg, path]) => [`--alias:${pkg}`, path]));

/**
 * How every KetNoi function is bundled (NodejsFunction's `bundling`, run by the local esbuild). `esbuildOptions`
 * turns it into the same build for esbuild's API, so the bench and the bundle tests build exactly what deploys.
 */
export const functionBundling = {
  format: OutputFormat.ESM,
  target: "node22",
  mainFields: ["module", "main"],
  minify: true,
  sourceMap: true,
  // The map keeps names and line numbers; the sources themselves would double the upload for nothing.
  sourcesContent: false,
  // Nothing external, not even the AWS SDK NodejsFunction leaves out by default: what the tests ran is what deploys
  // (the deployed functions carry no SDK client now, only @aws-sdk/util-dynamodb's marshalling). hono-openapi's
  // converters, which imported every schema library dynamically, are not in any deployed bundle (bundleAliases).
  externalModules: [] as string[],
  // CommonJS dependencies inside an ES module bundle still call require().
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  esbuildArgs: aliasArgs(bundleAliases),
} satisfies BundlingOptions;

/** NODE_OPTIONS of every function: stack traces point at the TypeScript sources, not at the minified bundle. */
export const functionNodeOptions = "--enable-source-maps";

const esbuildFormat = { [OutputFormat.ESM]: "esm", [OutputFormat.CJS]: "cjs" } as const;

/**
 * The functions built with esbuild's code splitting (issue 14): a module they import dynamically (`await import()`)
 * becomes a chunk of its own beside index.mjs, read only when first needed, so the cold start loads the entry (and the
 * small chunks it imports statically, infra/cold-start.ts). What each loads later:
 * - files: pdf-lib and its fonts (~440 kB) by the first PDF check (files/pdf-check.ts);
 * - work, the mail consumer and the digest: the calendar writer (ics, ~28 kB) by the first interview calendar
 *   (interviews/attachment.ts); the mail functions also the SES sender with nodemailer's composer (~140 kB) by the
 *   first mail (mail/transport.ts);
 * - insights: the XLSX writer (write-excel-file and fflate, ~77 kB) by the first export (data/dashboard-export.ts);
 * - browse, catalog and the stream consumer: the search index with MiniSearch (~50 kB) by the first search or
 *   recommendation, or the consumer's first listing change (search/live.ts).
 * Every function whose code imports dynamically is built split (bundle-contents.test.ts): built whole, esbuild keeps
 * the imported module in the file, wrapped for lazy initialisation, with every module it imports, side effects and
 * all (the consumer grew by 21 kB that way, the mail consumer by 66).
 * NodejsFunction cannot split (it passes `--outfile`), so `KetNoiFunction` builds these with `esbuildOptions` itself.
 */
export const splitEntries: ReadonlySet<string> = new Set([
  filesEntry,
  groupEntry("browse"),
  groupEntry("catalog"),
  groupEntry("work"),
  groupEntry("insights"),
  mailConsumerEntry,
  digestEntry,
  streamEntry,
]);
/** Where a split build writes its chunks, beside the entry file. */
export const chunkFolder = "chunks";

/**
 * The esbuild build NodejsFunction runs for `entry` with `functionBundling`, flag for flag (`esbuild --bundle
 * --platform=node` from the repository root, aws-lambda-nodejs/lib/bundling.js), for esbuild's `build()`. Write
 * `outfile` as `index.mjs` to get the deployed file byte for byte (function.test.ts checks it). For a split entry
 * (`splitEntries`) `outfile` is the entry file, and its chunks go to `chunks/` beside it: that build is the one
 * deployed (KetNoiFunction runs it).
 * @example await build(esbuildOptions(apiEntry, "/tmp/api/index.mjs"))
 */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  const output: BuildOptions = splitEntries.has(entry)
    ? {
        outdir: dirname(outfile),
        entryNames: basename(outfile).replace(/\.mjs$/, ""),
        chunkNames: `${chunkFolder}/[name]-[hash]`,
        outExtension: { ".js": ".mjs" },
        splitting: true,
      }
    : { outfile };
  return {
    entryPoints: [entry],
    ...output,
    absWorkingDir: repoRoot,
    bundle: true,
    platform: "node",
    format: esbuildFormat[functionBundling.format],
    target: functionBundling.target,
    minify: functionBundling.minify,
    sourcemap: functionBundling.sourceMap,
    sourcesContent: functionBundling.sourcesContent,
    external: [...functionBundling.externalModules],
    mainFields: [...functionBundling.mainFields],
    banner: { js: functionBundling.banner },
    alias: { ...bundleAliases },
  };
}

export interface KetNoiFunctionProps {
  readonly stage: StageSettings;
  /** Absolute path of the TypeScript entry exporting `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  /** Everything the code reads from process.env besides what Lambda sets itself (AWS_REGION…). */
  readonly environment: Record<string, string>;
}

/**
 * A KetNoi Lambda function: Node.js 22 on arm64 (Graviton: ~20% cheaper per GB-second than x86), bundled by
 * the local esbuild (no Docker), minified, with source maps, JSON logs and a log group that expires.
 */
export class KetNoiFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;
  /** The entry bundled: the bench (scripts/bench/lambda.ts) finds every function's through the construct tree. */
  readonly entry: string;

  constructor(scope: Construct, id: string, props: KetNoiFunctionProps) {
    super(scope, id);
    this.entry = props.entry;
    this.logGroup = new LogGroup(this, "Logs", {
      retention: props.stage.logRetention,
      removalPolicy: props.stage.removalPolicy,
    });
    const common = {
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      environment: { ...props.environment, NODE_OPTIONS: functionNodeOptions },
      logGroup: this.logGroup,
      // Lambda wraps every console line in JSON with level, timestamp and request id.
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
    } satisfies Omit<FunctionProps, "code" | "handler">;
    this.function = splitEntries.has(props.entry)
      ? new LambdaFunction(this, "Function", { ...common, handler: "index.handler", code: splitCode(props.entry) })
      : new NodejsFunction(this, "Function", {
          ...common,
          entry: props.entry,
          handler: "handler",
          projectRoot: repoRoot,
          depsLockFilePath: join(repoRoot, "package-lock.json"),
          bundling: functionBundling,
        });
  }

  /**
   * Reserves `count` concurrent executions (a ceiling and a floor). Set after construction, so the platform sizes
   * every function in one place (stage.ts) without each construct taking a prop for it.
   */
  reserveConcurrency(count: number | undefined): void {
    if (count === undefined) return;
    (this.function.node.defaultChild as CfnFunction).reservedConcurrentExecutions = count;
  }
}

/**
 * The code of a split entry: `esbuildOptions`' build run by the local esbuild into the asset folder (index.mjs, its
 * chunks, their maps), as NodejsFunction bundles the others: hashed by its output, and skipped where a synthesis
 * bundles no stack (`aws:cdk:bundling-stacks`). Never in Docker: the image is required by the type, never pulled.
 */
function splitCode(entry: string): Code {
  return Code.fromAsset(repoRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry("public.ecr.aws/sam/build-nodejs22.x"),
      // CDK caches a bundled asset by its source and its bundling options as JSON: `tryBundle` is a function, left
      // out of that JSON, so without the entry named here every split function of a stack would get the first one's
      // code (function.test.ts). Only a Docker build would read the variable; this one never runs in Docker.
      environment: { KETNOI_ENTRY: relative(repoRoot, entry) },
      local: {
        tryBundle(outputDir) {
          // esbuild from node_modules, required at run time: SST bundles sst.config.ts with what it imports into one ES
          // module, where esbuild's own API (which locates its binary by __filename) cannot run.
          const { buildSync } = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
          buildSync({ ...esbuildOptions(entry, join(outputDir, "index.mjs")), logLevel: "warning" });
          return true;
        },
      },
    },
  });
}

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, type Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { createCdkApp, stackName, stages } from "../app";

export type Stage = (typeof stages)[number];

/** A CloudFormation resource as synthesized. */
export interface Resource {
  Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are untyped JSON; tests read them freely.
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** Resources of one type, by logical id. */
export function resourcesOfType(template: Template, type: string): [string, Resource][] {
  return Object.entries(template.toJSON().Resources as Record<string, Resource>).filter(([, r]) => r.Type === type);
}

/** The one resource of a type whose logical id starts with `prefix` (the construct path, e.g. "PlatformApiHandler"). */
export function resourceAt(template: Template, type: string, prefix: string): [string, Resource] {
  const found = resourcesOfType(template, type).filter(([id]) => id.startsWith(prefix));
  if (found.length !== 1) throw new Error(`Expected one ${type} under ${prefix}, found ${found.length}`);
  return found[0]!;
}

/**
 * Lambda functions that CDK or SST add for their own custom resources (S3 upload of the web app, emptying a dev
 * bucket, SST's stack metadata). They sit outside the platform construct; every other function is KetNoi's.
 */
export const providerFunctionPrefixes = [
  "CustomCDKBucketDeployment",
  "CustomS3AutoDeleteObjectsCustomResourceProviderHandler",
  "CustomResourceHandler",
  // Reads the edge stack's web ACL ARN (us-east-1) into the platform's region: infra/app.ts, crossRegionReferences.
  "CustomCrossRegionExportReaderCustomResourceProviderHandler",
];

/**
 * Replaces CloudFormation references by plausible deploy-time strings: `Ref` by the logical id, `Fn::GetAtt` by
 * a host name, `Fn::Join` by the joined parts. Lets the function's environment go through its config parser.
 */
export function sampleValue(value: unknown): string {
  if (typeof value === "string") return value;
  // biome-ignore lint/suspicious/noExplicitAny: an intrinsic function object, checked key by key below.
  const v = value as Record<string, any>;
  if (v.Ref) return String(v.Ref);
  if (v["Fn::GetAtt"]) return `${v["Fn::GetAtt"][0]}.${v["Fn::GetAtt"][1]}.example`.toLowerCase();
  if (v["Fn::Join"]) return (v["Fn::Join"][1] as unknown[]).map(sampleValue).join(v["Fn::Join"][0]);
  throw new Error(`No sample for ${JSON.stringify(value)}`);
}

/**
 * The config.json the web upload writes, as the web app will read it: the staged JSON file with each deploy-time
 * marker replaced by `sampleValue` of its value (`Ref` → logical id, `Fn::GetAtt` → a lowercase host name).
 */
export function deployedWebConfig(template: Template, stack: Stack): Record<string, unknown> {
  const [, upload] = resourceAt(template, "Custom::CDKBucketDeployment", "PlatformWebUpload");
  const keys = upload.Properties!.SourceObjectKeys as string[];
  const markers = upload.Properties!.SourceMarkers[1] as Record<string, unknown>;
  const outdir = (stack.node.root as unknown as { outdir: string }).outdir;
  let text = readFileSync(join(outdir, `asset.${keys[1]!.replace(/\.zip$/, "")}`, "config.json"), "utf8");
  for (const [marker, value] of Object.entries(markers)) text = text.replace(marker, sampleValue(value));
  return JSON.parse(text) as Record<string, unknown>;
}

/** A fresh scratch folder under the system temp dir, and its removal. */
export function scratchFolder(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** infra/app.ts synthesized offline, both stages, as `npx cdk deploy` would see them; once per test file. */
export interface SynthesizedCdkApp {
  readonly stacks: Record<Stage, Stack>;
  readonly templates: Record<Stage, Template>;
  /** The one resource of a type under a construct path prefix, in a stage's template. */
  resource(stage: Stage, type: string, prefix: string): [string, Resource];
  remove(): void;
}

/**
 * The CDK context `npm run synth` passes: the placeholder web app, prod on the default CloudFront domain and a
 * placeholder alarm address, so that prod synthesizes offline (its guards are tested in ketnoi.test.ts).
 */
export const synthContext = {
  webPlaceholder: "true",
  acceptDefaultDomain: "true",
  alarmEmail: "alarms@example.invalid",
  mailDomain: "mail.example.invalid",
} as const;

export function synthesizeCdkApp(): SynthesizedCdkApp {
  const outdir = scratchFolder("ketnoi-cdk-");
  const app = createCdkApp(new App({ outdir: outdir.path, context: synthContext }));
  const stacks = Object.fromEntries(stages.map((stage) => [stage, app.node.findChild(stackName(stage)) as Stack]));
  const templates = Object.fromEntries(stages.map((stage) => [stage, Template.fromStack(stacks[stage]!)]));
  return {
    stacks: stacks as Record<Stage, Stack>,
    templates: templates as Record<Stage, Template>,
    resource: (stage, type, prefix) => resourceAt(templates[stage]!, type, prefix),
    remove: outdir.remove,
  };
}

/** A CloudFormation `Ref` to a logical id. */
export const ref = (id: string) => ({ Ref: id });

// biome-ignore lint/suspicious/noExplicitAny: IAM statements are untyped CloudFormation JSON.
export type PolicyStatementJson = Record<string, any>;

/** Every statement of every IAM policy attached to the role of the one function under `fnPrefix`. */
export function functionPolicyStatements(template: Template, fnPrefix: string): PolicyStatementJson[] {
  const [, fn] = resourceAt(template, "AWS::Lambda::Function", fnPrefix);
  const roleRef = JSON.stringify(ref(fn.Properties!.Role["Fn::GetAtt"][0]));
  return resourcesOfType(template, "AWS::IAM::Policy")
    .filter(([, p]) => p.Properties!.Roles.some((r: unknown) => JSON.stringify(r) === roleRef))
    .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement as PolicyStatementJson[]);
}

/**
 * A function's environment with `sampleValue` for each variable, as its config parser would see it deployed.
 * CloudFormation generates bucket names in lower case, so SEARCH_BUCKET's and FILES_BUCKET's samples (logical ids)
 * are lowered.
 */
export function sampleEnvironment(env: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      key === "SEARCH_BUCKET" || key === "FILES_BUCKET" ? sampleValue(value).toLowerCase() : sampleValue(value),
    ]),
  );
}

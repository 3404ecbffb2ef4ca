import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { App as CdkApp, type Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { App as SstApp } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import { load } from "sst/stacks/build.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCdkApp, stackName } from "./app";
import { placeholderWebAssets, repoRoot } from "./paths";
import { resourcesOfType, scratchFolder, synthContext } from "./test/template";

// sst.config.ts loaded the way `npx sst deploy --stage prod` loads it (SST's own esbuild bundle), then
// synthesized offline next to infra/app.ts's prod stack.
const scratch = scratchFolder("ketnoi-sst-");
const sstFolder = join(repoRoot, ".sst");
const sstFolderExisted = existsSync(sstFolder);
let sst: Template;
let sstStackName: string;
let cdk: Template;

beforeAll(async () => {
  const previous = { ...process.env };
  // sst.config.ts refuses to deploy without web/dist; a test without a web build uses the placeholder.
  if (!existsSync(join(repoRoot, "web/dist/index.html"))) process.env.KETNOI_WEB_DIST = placeholderWebAssets();
  // The SST entry takes the edge stack's web ACL ARN and prod's explicit choices from the environment.
  Object.assign(process.env, {
    KETNOI_WEB_ACL_ARN: "arn:aws:wafv2:us-east-1:111111111111:global/webacl/ketnoi-prod/abc",
    KETNOI_ACCEPT_DEFAULT_DOMAIN: "true",
    KETNOI_ALARM_EMAIL: synthContext.alarmEmail,
    KETNOI_MAIL_DOMAIN: synthContext.mailDomain,
  });
  try {
    await initProject({ stage: "prod" });
    const project = useProject();
    // SST writes generated types under .sst/; keep them out of the repository.
    project.paths.out = scratch.path;
    const [, config] = await load(project.paths.config, false);
    const app = new SstApp(
      { mode: "deploy", stage: "prod", name: project.config.name, region: project.config.region },
      { outdir: join(scratch.path, "sst.out") },
    );
    await config.stacks(app);
    const stacks = app.node.children.filter((c): c is Stack => "stackName" in c);
    expect(stacks).toHaveLength(1);
    sstStackName = stacks[0]!.stackName;
    sst = Template.fromStack(stacks[0]!);

    const cdkApp = createCdkApp(new CdkApp({ outdir: join(scratch.path, "cdk.out"), context: synthContext }));
    cdk = Template.fromStack(cdkApp.node.findChild(stackName("prod")) as Stack);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in previous)) delete process.env[key];
    Object.assign(process.env, previous);
  }
  // Two whole syntheses (SST's and the CDK app's), each bundling every function and generating the route table from
  // the OpenAPI document: ~110 s on a loaded 2-core machine, too near the project's 120 s hook timeout.
}, 240_000);

afterAll(() => {
  scratch.remove();
  if (!sstFolderExisted) rmSync(sstFolder, { recursive: true, force: true });
});

const platformResources = (template: Template) =>
  Object.fromEntries(
    Object.entries(template.toJSON().Resources as Record<string, { Type: string }>)
      .filter(([id]) => id.startsWith("Platform"))
      .map(([id, r]) => [id, r.Type]),
  );

it("deploys the prod stage as one stack in Singapore, named by SST's convention", () => {
  expect(useProject().config).toMatchObject({ name: "ketnoi", region: "ap-southeast-1", stage: "prod" });
  expect(sstStackName).toBe("prod-ketnoi-Platform");
});

it("mounts the same construct as infra/app.ts: the same resources under the same logical ids", () => {
  const fromSst = platformResources(sst);
  expect(Object.keys(fromSst).length).toBeGreaterThan(40);
  expect(fromSst).toEqual(platformResources(cdk));
});

it("configures the API function and the table identically to the CDK entry", () => {
  const pick = (template: Template, type: string) =>
    resourcesOfType(template, type).filter(([id]) => id.startsWith("Platform"));
  for (const type of [
    "AWS::DynamoDB::Table",
    "AWS::ApiGatewayV2::Route",
    "AWS::ApiGatewayV2::Authorizer",
    "AWS::IAM::Policy",
  ]) {
    expect(pick(sst, type), type).toEqual(pick(cdk, type));
  }
  const fn = (template: Template) => {
    const [, resource] = pick(template, "AWS::Lambda::Function")[0]!;
    const { Code: _code, ...rest } = resource.Properties!;
    return rest;
  };
  expect(fn(sst)).toEqual(fn(cdk));
  expect(fn(sst)).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
});

it("adds only SST's own custom-resource function besides the platform, on a supported runtime", () => {
  const outside = resourcesOfType(sst, "AWS::Lambda::Function").filter(([id]) => !id.startsWith("Platform"));
  const sstHandler = outside.filter(([id]) => id.startsWith("CustomResourceHandler"));
  expect(sstHandler).toHaveLength(1);
  expect(sstHandler[0]![1].Properties!.Runtime).toBe("nodejs22.x");
  expect(Object.keys(sst.toJSON().Outputs)).toEqual(expect.arrayContaining(["WebUrl", "UserPoolId", "TableName"]));
});

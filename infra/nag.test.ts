import { App, Aspects, type Stack } from "aws-cdk-lib";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCdkApp, edgeStackName, stackName } from "./app";
import type { KetNoiPlatform } from "./ketnoi";
import { suppressAcceptedNagFindings } from "./nag";
import { scratchFolder, synthContext } from "./test/template";

// cdk-nag's AwsSolutions pack over the production stacks (platform and edge). Every finding left is suppressed in
// code with its reason (infra/nag.ts); a new finding without one fails here.
const scratch = scratchFolder("ketnoi-nag-");
let stacks: Stack[];
beforeAll(() => {
  const app = createCdkApp(
    new App({ outdir: scratch.path, context: { ...synthContext, "aws:cdk:bundling-stacks": [] } }),
  );
  stacks = [stackName("prod"), edgeStackName("prod")].map((name) => app.node.findChild(name) as Stack);
  // Applied here, not in the platform: cdk-nag cannot load inside SST's ESM bundle of sst.config.ts (__filename).
  suppressAcceptedNagFindings(stacks[0]!.node.findChild("Platform") as KetNoiPlatform, {
    defaultDomain: synthContext.acceptDefaultDomain === "true",
  });
  for (const stack of stacks) Aspects.of(stack).add(new AwsSolutionsChecks({ verbose: true }));
  app.synth();
});
afterAll(() => scratch.remove());

const findings = (stack: Stack, level: "findError" | "findWarning") =>
  Annotations.fromStack(stack)
    [level]("*", Match.stringLikeRegexp("AwsSolutions-"))
    .map((finding) => `${finding.id}: ${String(finding.entry.data).split("\n")[0]}`);

it.each([stackName("prod"), edgeStackName("prod")])("%s: no unsuppressed AwsSolutions error or warning", (name) => {
  const stack = stacks.find((s) => s.stackName === name)!;
  expect([...findings(stack, "findError"), ...findings(stack, "findWarning")]).toEqual([]);
});

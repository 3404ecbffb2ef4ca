import { pathToFileURL } from "node:url";
import { App, Stack } from "aws-cdk-lib";
import { KetNoiPlatform } from "./ketnoi";
import { deployRegion, platformProps } from "./options";

/** The stages this app synthesizes, one stack each: `npx cdk deploy KetNoi-prod`. */
export const stages = ["dev", "prod"] as const;

/** The CloudFormation stack name of a stage. */
export const stackName = (stage: string) => `KetNoi-${stage}`;

/**
 * The plain CDK app: the same KetNoiPlatform as sst.config.ts, for teams deploying with the CDK CLI.
 * `-c webPlaceholder=true` (set by `npm run synth`) lets it synthesize before the web app is built.
 */
export function createCdkApp(app: App = new App()): App {
  const allowPlaceholderWeb = String(app.node.tryGetContext("webPlaceholder")) === "true";
  for (const stage of stages) {
    const stack = new Stack(app, stackName(stage), {
      env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: deployRegion() },
      description: `KetNoi (${stage}): Đồng Nai's university–province talent bridge`,
    });
    new KetNoiPlatform(stack, "Platform", platformProps(stage, { allowPlaceholderWeb }));
  }
  return app;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  createCdkApp().synth();
}

import { pathToFileURL } from "node:url";
import { App, Stack } from "aws-cdk-lib";
import { KetNoiEdgeStack, webAclRegion } from "./edge";
import { KetNoiPlatform } from "./ketnoi";
import { deployRegion, platformProps } from "./options";

/** The stages this app synthesizes, one stack each: `npx cdk deploy KetNoi-prod`. */
export const stages = ["dev", "prod"] as const;

/** The CloudFormation stack name of a stage. */
export const stackName = (stage: string) => `KetNoi-${stage}`;
/** The us-east-1 stack holding a stage's CloudFront web ACL. */
export const edgeStackName = (stage: string) => `KetNoi-${stage}-edge`;

/**
 * The plain CDK app: the same KetNoiPlatform as sst.config.ts, for teams deploying with the CDK CLI. Each stage
 * has a us-east-1 edge stack with its WAF web ACL, referenced across regions (`cdk deploy KetNoi-prod` deploys
 * KetNoi-prod-edge first). Context flags:
 * - `webPlaceholder=true` (set by `npm run synth`) synthesizes before the web app is built;
 * - `acceptDefaultDomain=true` lets prod run on the CloudFront domain (docs/deploy.md, Custom domain);
 * - `alarmEmail=…` instead of KETNOI_ALARM_EMAIL;
 * - `mailDomain=…` instead of KETNOI_MAIL_DOMAIN (mail of notices through SES, docs/notifications.md).
 */
export function createCdkApp(app: App = new App()): App {
  const flag = (name: string) => String(app.node.tryGetContext(name)) === "true";
  const alarmEmail = app.node.tryGetContext("alarmEmail") as string | undefined;
  const mailDomain = app.node.tryGetContext("mailDomain") as string | undefined;
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  for (const stage of stages) {
    const edge = new KetNoiEdgeStack(app, edgeStackName(stage), {
      stage,
      env: { account, region: webAclRegion },
      crossRegionReferences: true,
      description: `KetNoi (${stage}): the CloudFront web ACL (WAF), which must live in ${webAclRegion}`,
    });
    const stack = new Stack(app, stackName(stage), {
      env: { account, region: deployRegion() },
      crossRegionReferences: true,
      description: `KetNoi (${stage}): Đồng Nai's university–province talent bridge`,
    });
    stack.addDependency(edge);
    new KetNoiPlatform(
      stack,
      "Platform",
      platformProps(stage, {
        allowPlaceholderWeb: flag("webPlaceholder"),
        acceptDefaultDomain: flag("acceptDefaultDomain"),
        webAclArn: edge.webAcl.attrArn,
        ...(alarmEmail ? { alarmEmail } : {}),
        ...(mailDomain ? { mailDomain } : {}),
      }),
    );
  }
  return app;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  createCdkApp().synth();
}

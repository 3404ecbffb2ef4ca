import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KetNoiPlatform } from "./ketnoi";
import { platformProps } from "./options";
import { placeholderWebAssets } from "./paths";
import { deployedWebConfig, resourceAt, scratchFolder } from "./test/template";

// The optional parts, all switched on in one synthesized stack: what a province team adds by setting a variable.
const scratch = scratchFolder("ketnoi-options-");
let template: Template;
let stack: Stack;

beforeAll(() => {
  const app = new App({ outdir: join(scratch.path, "cdk.out") });
  stack = new Stack(app, "KetNoi-options", { env: { region: "ap-southeast-1" } });
  new KetNoiPlatform(stack, "Platform", {
    stage: "prod",
    webAssetsFolder: placeholderWebAssets(),
    alarmEmail: "ops@example.vn",
    webAclArn: "arn:aws:wafv2:us-east-1:111111111111:global/webacl/ketnoi-prod/abc",
    emailSender: { fromEmail: "no-reply@ketnoi.example.vn", fromName: "KetNoi" },
    domain: { names: ["ketnoi.example.vn"], certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/abc" },
  });
  template = Template.fromStack(stack);
});
afterAll(() => scratch.remove());

describe("custom domain, SES and alarm email", () => {
  it("serves the custom domain with its certificate and tells the API that origin", () => {
    const config = resourceAt(template, "AWS::CloudFront::Distribution", "PlatformWebDistribution")[1].Properties!
      .DistributionConfig;
    expect(config.Aliases).toEqual(["ketnoi.example.vn"]);
    expect(config.ViewerCertificate).toMatchObject({
      AcmCertificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/abc",
      MinimumProtocolVersion: "TLSv1.2_2021",
      SslSupportMethod: "sni-only",
    });
    const api = resourceAt(template, "AWS::Lambda::Function", "PlatformApiHandlerFunction")[1].Properties!;
    expect(api.Environment.Variables.WEB_ORIGIN).toBe("https://ketnoi.example.vn");
  });

  it("signs in on the custom domain and the CloudFront name, and sends people back to the custom domain", () => {
    const client = resourceAt(template, "AWS::Cognito::UserPoolClient", "PlatformAuthUserPoolWebClient")[1].Properties!;
    expect(client.CallbackURLs).toEqual([
      { "Fn::Join": ["", ["https://", { "Fn::GetAtt": [expect.any(String), "DomainName"] }, "/dang-nhap/xong"]] },
      "https://ketnoi.example.vn/dang-nhap/xong",
    ]);
    expect(client.LogoutURLs).toContain("https://ketnoi.example.vn/");
    expect(deployedWebConfig(template, stack)).toMatchObject({
      redirectUri: "https://ketnoi.example.vn/dang-nhap/xong",
      logoutUri: "https://ketnoi.example.vn/",
    });
  });

  it("sends Cognito's emails through SES and alarm emails to the given address", () => {
    const pool = resourceAt(template, "AWS::Cognito::UserPool", "PlatformAuthUserPool")[1].Properties!;
    expect(pool.EmailConfiguration).toMatchObject({
      EmailSendingAccount: "DEVELOPER",
      From: "KetNoi <no-reply@ketnoi.example.vn>",
    });
    const [, subscription] = resourceAt(template, "AWS::SNS::Subscription", "PlatformMonitoringAlarmTopic");
    expect(subscription.Properties).toMatchObject({ Protocol: "email", Endpoint: "ops@example.vn" });
  });
});

describe("platformProps (both entries' settings)", () => {
  const env = { KETNOI_WEB_DIST: placeholderWebAssets() };

  it("gives the custom domain to prod only and needs its certificate", () => {
    const withDomain = {
      ...env,
      KETNOI_DOMAIN: "ketnoi.example.vn, www.ketnoi.example.vn",
      KETNOI_CERTIFICATE_ARN: "arn:c",
    };
    expect(platformProps("prod", { allowPlaceholderWeb: false }, withDomain).domain).toEqual({
      names: ["ketnoi.example.vn", "www.ketnoi.example.vn"],
      certificateArn: "arn:c",
    });
    expect(platformProps("dev", { allowPlaceholderWeb: false }, withDomain).domain).toBeUndefined();
    expect(() => platformProps("prod", { allowPlaceholderWeb: false }, { ...env, KETNOI_DOMAIN: "x.vn" })).toThrow(
      /KETNOI_CERTIFICATE_ARN/,
    );
  });

  it("mounts mail only with a mail domain, from KETNOI_MAIL_DOMAIN or the caller's option", () => {
    const dist = { KETNOI_WEB_DIST: placeholderWebAssets() };
    expect(platformProps("dev", { allowPlaceholderWeb: true }, dist).mailDomain).toBeUndefined();
    const env = { ...dist, KETNOI_MAIL_DOMAIN: "ketnoi.example.vn" };
    expect(platformProps("dev", { allowPlaceholderWeb: true }, env).mailDomain).toBe("ketnoi.example.vn");
    expect(platformProps("dev", { allowPlaceholderWeb: true, mailDomain: "m.vn" }, env).mailDomain).toBe("m.vn");
  });

  it("refuses to deploy without a built web app unless a placeholder is allowed", () => {
    const missing = { KETNOI_WEB_DIST: join(scratch.path, "no-such-dist") };
    expect(() => platformProps("prod", { allowPlaceholderWeb: false }, missing)).toThrow(/npm run build/);
    expect(platformProps("dev", { allowPlaceholderWeb: true }, missing).webAssetsFolder).toBe(placeholderWebAssets());
  });
});

import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { edgeStackName } from "./app";
import { rateLimitPerIp, signInRateLimitPerIp } from "./edge";
import { KetNoiPlatform, type KetNoiPlatformProps } from "./ketnoi";
import { placeholderWebAssets } from "./paths";
import { stageSettings } from "./stage";
import {
  type PolicyStatementJson,
  ref,
  resourcesOfType,
  type SynthesizedCdkApp,
  scratchFolder,
  synthesizeCdkApp,
} from "./test/template";

// Issue 17 on the production template: MFA, the guarded edge, logs, concurrency, alarms that reach someone.
let synth: SynthesizedCdkApp;
let edge: Template;
beforeAll(() => {
  synth = synthesizeCdkApp();
  edge = Template.fromStack(synth.stacks.prod.node.root.node.findChild(edgeStackName("prod")) as Stack);
});
afterAll(() => synth.remove());
const prod = () => synth.templates.prod;

describe("sign-in: a second factor for the roles that read students' data", () => {
  it("keeps MFA optional at the pool with TOTP on (students), and marks tokens of enrolled users by a trigger", () => {
    const [, pool] = synth.resource("prod", "AWS::Cognito::UserPool", "PlatformAuthUserPool");
    expect(pool.Properties!.MfaConfiguration).toBe("OPTIONAL");
    expect(pool.Properties!.EnabledMfas).toEqual(["SOFTWARE_TOKEN_MFA"]);
    const [triggerId] = synth.resource("prod", "AWS::Lambda::Function", "PlatformAuthMfaClaimFunction");
    expect(pool.Properties!.LambdaConfig.PreTokenGeneration).toEqual({ "Fn::GetAtt": [triggerId, "Arn"] });
    const statements = resourcesOfType(prod(), "AWS::IAM::Policy")
      .filter(([id]) => id.startsWith("PlatformAuthMfaClaimReadsUsers"))
      .flatMap(([, p]) => p.Properties!.PolicyDocument.Statement);
    expect(statements).toEqual([
      expect.objectContaining({
        Action: "cognito-idp:AdminGetUser",
        Resource: { "Fn::GetAtt": [expect.any(String), "Arn"] },
      }),
    ]);
  });
});

describe("the edge", () => {
  it("puts a CloudFront-scoped web ACL in us-east-1 with the managed groups and per-IP rate limits", () => {
    const acls = resourcesOfType(edge, "AWS::WAFv2::WebACL");
    expect(acls).toHaveLength(1);
    const properties = acls[0]![1].Properties!;
    expect(properties.Scope).toBe("CLOUDFRONT");
    const rules = properties.Rules as PolicyStatementJson[];
    const managed = rules.map((r) => r.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean);
    expect(managed).toEqual([
      "AWSManagedRulesAmazonIpReputationList",
      "AWSManagedRulesCommonRuleSet",
      "AWSManagedRulesKnownBadInputsRuleSet",
    ]);
    const rate = rules.filter((r) => r.Statement.RateBasedStatement);
    expect(
      rate.map((r) => [r.Statement.RateBasedStatement.Limit, r.Statement.RateBasedStatement.AggregateKeyType]),
    ).toEqual([
      [signInRateLimitPerIp, "IP"],
      [rateLimitPerIp, "IP"],
    ]);
    // The stricter one is scoped to the sign-in pages, and both answer 429 with Retry-After.
    expect(rate[0]!.Statement.RateBasedStatement.ScopeDownStatement.ByteMatchStatement.SearchString).toBe("/dang-nhap");
    for (const rule of rate) {
      expect(rule.Action.Block.CustomResponse).toMatchObject({
        ResponseCode: 429,
        ResponseHeaders: [{ Name: "Retry-After", Value: "300" }],
      });
    }
    expect(synth.stacks.prod.node.root.node.findChild(edgeStackName("prod"))).toHaveProperty("region", "us-east-1");
  });

  it("attaches the web ACL to the distribution and logs to a private, expiring bucket", () => {
    const [, distribution] = synth.resource("prod", "AWS::CloudFront::Distribution", "PlatformWebDistribution");
    const config = distribution.Properties!.DistributionConfig;
    expect(config.WebACLId).toBeDefined();
    expect(JSON.stringify(config.WebACLId)).toContain("ExportsReader");
    const [bucketId, bucket] = synth.resource("prod", "AWS::S3::Bucket", "PlatformWebAccessLogs");
    expect(config.Logging.Bucket).toEqual({ "Fn::GetAtt": [bucketId, "RegionalDomainName"] });
    expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties!.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: 90, Status: "Enabled" }),
    ]);
  });

  it("sends the API origin a secret header that the API function is configured to require", () => {
    const [, distribution] = synth.resource("prod", "AWS::CloudFront::Distribution", "PlatformWebDistribution");
    const apiOrigin = distribution.Properties!.DistributionConfig.Origins.find(
      (o: { CustomOriginConfig?: unknown }) => o.CustomOriginConfig,
    );
    const [header] = apiOrigin.OriginCustomHeaders;
    expect(header.HeaderName).toBe("x-ketnoi-origin-verify");
    const [, api] = synth.resource("prod", "AWS::Lambda::Function", "PlatformApiHandlerFunction");
    const [secretId] = synth.resource("prod", "AWS::SecretsManager::Secret", "PlatformApiOriginVerify");
    expect(api.Properties!.Environment.Variables.ORIGIN_VERIFY_SECRET).toEqual(header.HeaderValue);
    expect(JSON.stringify(header.HeaderValue)).toContain(secretId);
  });

  it("no longer advertises the raw execute-api URL", () => {
    expect(Object.keys(prod().toJSON().Outputs)).not.toContain("ApiUrl");
  });
});

describe("capacity and alarms", () => {
  it("reserves concurrency for every KetNoi function in prod (not on disposable stages)", () => {
    const reserved = stageSettings("prod").reservedConcurrency!;
    // The API's reservation is shared among the docs and route-group functions (infra/api.ts), its total unchanged.
    const apiShares = {
      "": 5,
      Browse: 25,
      Catalog: 15,
      Work: 16,
      Placement: 4,
      Account: 15,
      Organisations: 10,
      Insights: 5,
      Health: 5,
    };
    expect(Object.values(apiShares).reduce((a, b) => a + b, 0)).toBe(100);
    const byPrefix: Record<string, number> = {
      ...Object.fromEntries(
        Object.entries(apiShares).map(([group, share]) => [
          `PlatformApi${group}HandlerFunction`,
          Math.round((reserved.api * share) / 100),
        ]),
      ),
      PlatformApiFilesHandlerFunction: reserved.files,
      PlatformStreamConsumerHandlerFunction: reserved.streamConsumer,
      PlatformRetentionHandlerFunction: reserved.retention,
      PlatformAuthMfaClaimFunction: reserved.mfaClaim,
      PlatformInterviewJobsHandlerFunction: reserved.interviewJobs,
    };
    for (const [prefix, count] of Object.entries(byPrefix)) {
      expect(synth.resource("prod", "AWS::Lambda::Function", prefix)[1].Properties!.ReservedConcurrentExecutions).toBe(
        count,
      );
      expect(synth.resource("dev", "AWS::Lambda::Function", prefix)[1].Properties!.ReservedConcurrentExecutions).toBe(
        undefined,
      );
    }
  });

  it("sends every alarm to a topic that has a subscriber", () => {
    const [topicId] = synth.resource("prod", "AWS::SNS::Topic", "PlatformMonitoringAlarmTopic");
    const alarms = resourcesOfType(prod(), "AWS::CloudWatch::Alarm");
    expect(alarms.length).toBeGreaterThanOrEqual(10);
    for (const [, alarm] of alarms) expect(alarm.Properties!.AlarmActions).toEqual([ref(topicId)]);
    const subscriptions = resourcesOfType(prod(), "AWS::SNS::Subscription").map(([, s]) => s.Properties!);
    // The other subscription is mail's: SES bounce and complaint events to their handler (infra/mail.ts).
    const [mailEvents] = synth.resource("prod", "AWS::SNS::Topic", "PlatformMailEvents");
    expect(subscriptions).toEqual([
      expect.objectContaining({ TopicArn: ref(topicId), Protocol: "email" }),
      expect.objectContaining({ TopicArn: ref(mailEvents), Protocol: "lambda" }),
    ]);
  });

  it("draws a dashboard with the API, the functions, the stream, the business metrics and every alarm", () => {
    const [, dashboard] = synth.resource("prod", "AWS::CloudWatch::Dashboard", "PlatformMonitoringDashboard");
    const body = JSON.stringify(dashboard.Properties!.DashboardBody);
    for (const title of ["Alarms", "API 4xx / 5xx", "Function errors", "Stream lag", "ApplicationSubmitted"]) {
      expect(body).toContain(title);
    }
  });
});

describe("production refuses to synthesize without its guards", () => {
  const scratch = scratchFolder("ketnoi-guards-");
  afterAll(() => scratch.remove());
  const complete: KetNoiPlatformProps = {
    stage: "prod",
    webAssetsFolder: placeholderWebAssets(),
    alarmEmail: "ops@example.vn",
    webAclArn: "arn:aws:wafv2:us-east-1:111111111111:global/webacl/ketnoi-prod/abc",
    domain: { names: ["ketnoi.example.vn"], certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/abc" },
  };
  const build = (props: KetNoiPlatformProps) => () => {
    const stack = new Stack(new App({ outdir: scratch.path }), "Guard", { env: { region: "ap-southeast-1" } });
    new KetNoiPlatform(stack, "Platform", props);
    Template.fromStack(stack);
  };
  const { domain: _domain, ...withoutDomain } = complete;
  const { alarmEmail: _alarm, ...withoutSubscriber } = complete;
  const { webAclArn: _acl, ...withoutAcl } = complete;

  it("without a custom domain, unless the default domain is accepted explicitly", () => {
    expect(build(withoutDomain)).toThrow(/custom domain and its us-east-1 certificate/);
    expect(build({ ...withoutDomain, acceptDefaultDomain: true })).not.toThrow();
  });
  it("without an alarm subscriber", () => {
    expect(build(withoutSubscriber)).toThrow(/alarms need a subscriber/);
  });
  it("without the web ACL", () => {
    expect(build(withoutAcl)).toThrow(/web ACL/);
  });
  it("while a disposable stage needs none of them", () => {
    expect(build({ stage: "dev", webAssetsFolder: placeholderWebAssets() })).not.toThrow();
  });
});

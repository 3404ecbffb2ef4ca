import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import { CfnWebACL } from "aws-cdk-lib/aws-wafv2";
import type { Construct } from "constructs";
import { signInCallbackPath } from "./auth";

/** The region every CloudFront-scoped WAF resource must live in, whatever region the platform runs in. */
export const webAclRegion = "us-east-1";

/**
 * Requests per client IP in any 5-minute window before WAF answers 429. A page load makes ~10 requests, an
 * active user a few hundred in 5 minutes; 1,000 leaves room for a school's shared NAT address at a job fair.
 */
export const rateLimitPerIp = 1_000;
/** The site's sign-in pages (the callback and the dev sign-in page): no person needs more than this. */
export const signInRateLimitPerIp = 50;
/** The site's sign-in path prefix (web/src/features/signin/SignIn*.tsx: /dang-nhap and /dang-nhap/xong). */
export const signInPathPrefix = signInCallbackPath.replace(/\/xong$/, "");
/** What a blocked-by-rate client is told: 429, retry after the rate window. */
export const rateLimitedRetryAfterSeconds = 300;

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const managedGroup = (
  priority: number,
  name: string,
  ruleActionOverrides?: CfnWebACL.RuleActionOverrideProperty[],
): CfnWebACL.RuleProperty => ({
  name: `AWS-${name}`,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: "AWS",
      name,
      ...(ruleActionOverrides ? { ruleActionOverrides } : {}),
    },
  },
  visibilityConfig: visibility(`AWS-${name}`),
});

const rateRule = (
  priority: number,
  name: string,
  limit: number,
  scopeDownStatement?: CfnWebACL.StatementProperty,
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  action: {
    block: {
      customResponse: {
        responseCode: 429,
        customResponseBodyKey: "rateLimited",
        responseHeaders: [{ name: "Retry-After", value: String(rateLimitedRetryAfterSeconds) }],
      },
    },
  },
  statement: {
    rateBasedStatement: {
      aggregateKeyType: "IP",
      limit,
      evaluationWindowSec: 300,
      ...(scopeDownStatement ? { scopeDownStatement } : {}),
    },
  },
  visibilityConfig: visibility(name),
});

/** The web ACL's rules, in evaluation order (lowest priority number first). */
export function webAclRules(): CfnWebACL.RuleProperty[] {
  return [
    // Known botnets and scanners are refused before any other work is done.
    managedGroup(0, "AWSManagedRulesAmazonIpReputationList"),
    // The common set refuses bodies over 8 KB; the API accepts JSON up to MAX_BODY_BYTES (64 KB) and checks
    // that itself, so that one rule only counts.
    managedGroup(1, "AWSManagedRulesCommonRuleSet", [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }]),
    managedGroup(2, "AWSManagedRulesKnownBadInputsRuleSet"),
    rateRule(3, "SignInRatePerIp", signInRateLimitPerIp, {
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: "STARTS_WITH",
        searchString: signInPathPrefix,
        textTransformations: [{ priority: 0, type: "LOWERCASE" }],
      },
    }),
    rateRule(4, "RatePerIp", rateLimitPerIp),
  ];
}

/**
 * The stack holding the CloudFront web ACL, in us-east-1 (WAF requires CloudFront-scoped ACLs there). infra/app.ts
 * deploys it before the platform stack and passes its ARN across regions (`crossRegionReferences`, which CDK
 * implements with an SSM parameter written here and read by a custom resource in the platform stack); the SST
 * entry reads the ARN from KETNOI_WEB_ACL_ARN instead (docs/deploy.md).
 */
export class KetNoiEdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: StackProps & { readonly stage: string }) {
    super(scope, id, props);
    if (this.region !== webAclRegion) throw new Error(`${id}: a CloudFront web ACL must be in ${webAclRegion}.`);
    this.webAcl = new CfnWebACL(this, "WebAcl", {
      name: `ketnoi-${props.stage}`,
      description: `KetNoi ${props.stage}: managed rule groups and per-IP rate limits in front of CloudFront`,
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      customResponseBodies: {
        rateLimited: {
          contentType: "APPLICATION_JSON",
          // The API's own error shape, so the web app shows its usual message.
          content: JSON.stringify({
            error: { code: "rate_limited", message: "Bạn thao tác quá nhanh; hãy thử lại sau ít phút." },
          }),
        },
      },
      rules: webAclRules(),
      visibilityConfig: visibility(`ketnoi-${props.stage}`),
    });
    new CfnOutput(this, "WebAclArn", {
      value: this.webAcl.attrArn,
      description: "CloudFront web ACL (KETNOI_WEB_ACL_ARN for the SST entry)",
    });
  }
}

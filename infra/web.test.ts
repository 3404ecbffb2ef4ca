import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stages } from "./app";
import {
  deployedWebConfig,
  ref,
  resourcesOfType,
  type Stage,
  type SynthesizedCdkApp,
  sampleValue,
  synthesizeCdkApp,
} from "./test/template";
import { apiPath, contentSecurityPolicy, hashedAssetsPath, spaFallbackCode } from "./web";

let synth: SynthesizedCdkApp;
beforeAll(() => {
  synth = synthesizeCdkApp();
});
afterAll(() => synth.remove());
const one = (stage: Stage, type: string, prefix: string) => synth.resource(stage, type, prefix);

/** The CloudFront Function's code, run as CloudFront runs it: `handler(event)` returns the request. */
const spaFallback = new Function(`${spaFallbackCode}; return handler;`)() as (event: { request: { uri: string } }) => {
  uri: string;
};
const servedUri = (uri: string) => spaFallback({ request: { uri } }).uri;

describe("SPA fallback (CloudFront Function)", () => {
  it("serves index.html for the site root and client-side routes", () => {
    for (const uri of ["/", "/listings", "/listings/0b6f2c2e-1b1a-4f59-9a57-2f8f0f0b0c11", "/organisations/abc/"]) {
      expect(servedUri(uri), uri).toBe("/index.html");
    }
  });

  it("leaves real files alone: hashed assets, config.json, icons", () => {
    for (const uri of ["/assets/index-3f9a1c.js", "/config.json", "/favicon.svg", "/robots.txt"]) {
      expect(servedUri(uri), uri).toBe(uri);
    }
  });
});

describe("content security policy", () => {
  it("allows the page's own code and Cognito's hosted-UI domain, and no framing", () => {
    const csp = contentSecurityPolicy("ketnoi-prod-1a2b3c4d.auth.ap-southeast-1.amazoncognito.com", "ap-southeast-1");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain(
      "connect-src 'self' https://ketnoi-prod-1a2b3c4d.auth.ap-southeast-1.amazoncognito.com https://cognito-idp.ap-southeast-1.amazonaws.com;",
    );
    expect(csp).toContain("frame-ancestors 'none'");
    // CloudFront's limit for this header value.
    expect(csp.length).toBeLessThanOrEqual(1783);
  });
});

describe.each(stages)("stage %s: the synthesized distribution", (stage) => {
  const distribution = () =>
    one(stage, "AWS::CloudFront::Distribution", "PlatformWebDistribution")[1].Properties!.DistributionConfig;
  const policy = (id: unknown) =>
    resourcesOfType(synth.templates[stage], "AWS::CloudFront::ResponseHeadersPolicy").find(
      ([policyId]) => JSON.stringify(ref(policyId)) === JSON.stringify(id),
    )![1].Properties!.ResponseHeadersPolicyConfig;
  const behaviour = (path: string) =>
    distribution().CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === path);

  it("reads the private bucket only through origin access control", () => {
    const bucket = one(stage, "AWS::S3::Bucket", "PlatformWebAssets")[1].Properties!;
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    const [oacId, oac] = one(stage, "AWS::CloudFront::OriginAccessControl", "PlatformWebDistribution");
    expect(oac.Properties!.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: "s3",
      SigningBehavior: "always",
    });
    const s3Origin = distribution().Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    expect(s3Origin).toMatchObject({
      OriginAccessControlId: { "Fn::GetAtt": [oacId, "Id"] },
      S3OriginConfig: { OriginAccessIdentity: "" },
    });
    const statements = one(stage, "AWS::S3::BucketPolicy", "PlatformWebAssetsPolicy")[1].Properties!.PolicyDocument
      .Statement;
    const read = statements.filter((s: Record<string, unknown>) => JSON.stringify(s.Principal).includes("cloudfront"));
    expect(read).toEqual([expect.objectContaining({ Effect: "Allow", Action: "s3:GetObject" })]);
    expect(JSON.stringify(read[0].Condition)).toContain("PlatformWebDistribution");
    // Nobody else may read: the only other grants are the deny of plain HTTP and (dev) the bucket emptier.
    for (const statement of statements.filter((s: Record<string, unknown>) => !read.includes(s))) {
      const denyHttp = statement.Effect === "Deny" && statement.Condition?.Bool?.["aws:SecureTransport"] === "false";
      const emptier = JSON.stringify(statement.Principal).includes("CustomS3AutoDeleteObjects");
      expect(denyHttp || (stage === "dev" && emptier)).toBe(true);
    }
  });

  it("serves client-side routes index.html by a viewer-request function, not by error pages that would mask API errors", () => {
    const config = distribution();
    expect(config.DefaultRootObject).toBe("index.html");
    expect(config.CustomErrorResponses).toBeUndefined();
    const [functionId, fn] = one(stage, "AWS::CloudFront::Function", "PlatformWebSpaFallback");
    expect(fn.Properties!.FunctionCode).toBe(spaFallbackCode);
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: "viewer-request", FunctionARN: { "Fn::GetAtt": [functionId, "FunctionARN"] } },
    ]);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    expect(policy(config.DefaultCacheBehavior.ResponseHeadersPolicyId).CustomHeadersConfig.Items).toContainEqual({
      Header: "Cache-Control",
      Value: "no-cache",
      Override: true,
    });
  });

  it("routes /api/* to the API uncached, with all methods and the Authorization header, never rewritten", () => {
    const api = behaviour(apiPath);
    expect(api).toMatchObject({
      AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
      CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", // Managed-CachingDisabled
      OriginRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac", // Managed-AllViewerExceptHostHeader
      ViewerProtocolPolicy: "https-only",
    });
    expect(api.FunctionAssociations).toBeUndefined();
    const origin = distribution().Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: "https-only", OriginSSLProtocols: ["TLSv1.2"] });
    expect(JSON.stringify(origin.DomainName)).toContain("PlatformApiHttpApi");
    expect(JSON.stringify(origin.DomainName)).toContain(".execute-api.ap-southeast-1.");
  });

  it("caches hashed assets for a year and sends security headers everywhere", () => {
    const assets = behaviour(hashedAssetsPath);
    expect(policy(assets.ResponseHeadersPolicyId).CustomHeadersConfig.Items).toContainEqual({
      Header: "Cache-Control",
      Value: "public, max-age=31536000, immutable",
      Override: true,
    });
    for (const id of [distribution().DefaultCacheBehavior, assets, behaviour(apiPath)].map(
      (b) => b.ResponseHeadersPolicyId,
    )) {
      const headers = policy(id).SecurityHeadersConfig;
      expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
      expect(headers.ContentTypeOptions).toEqual({ Override: true });
      expect(headers.FrameOptions.FrameOption).toBe("DENY");
      expect(sampleValue(headers.ContentSecurityPolicy.ContentSecurityPolicy)).toContain("frame-ancestors 'none'");
    }
  });

  it("uploads the site with its runtime config, invalidates the cache and keeps old hashed files", () => {
    const upload = one(stage, "Custom::CDKBucketDeployment", "PlatformWebUpload")[1].Properties!;
    expect(upload).toMatchObject({ Prune: false, DistributionPaths: ["/*"] });
    expect(upload.SourceObjectKeys).toHaveLength(2);
    expect(JSON.stringify(upload.SourceMarkers)).toContain("PlatformAuthUserPoolWebClient");
  });

  it("writes config.json with the pool, the client and the hosted UI's domain, callback and logout URLs", () => {
    expect(deployedWebConfig(synth.templates[stage], synth.stacks[stage])).toEqual({
      stage,
      region: "ap-southeast-1",
      userPoolId: expect.stringMatching(/^PlatformAuthUserPool[0-9A-F]{8}$/),
      userPoolClientId: expect.stringMatching(/^PlatformAuthUserPoolWebClient/),
      authDomain: expect.stringMatching(
        /^PlatformAuthUserPoolHostedUi[0-9A-F]{8}\.auth\.ap-southeast-1\.amazoncognito\.com$/,
      ),
      redirectUri: "https://platformwebdistribution8b644d35.domainname.example/dang-nhap/xong",
      logoutUri: "https://platformwebdistribution8b644d35.domainname.example/",
    });
  });

  it("lets the page post the code to the hosted UI's token endpoint, call Cognito's user API and post CV uploads to the files bucket (CSP connect-src)", () => {
    const csp = policy(distribution().DefaultCacheBehavior.ResponseHeadersPolicyId).SecurityHeadersConfig
      .ContentSecurityPolicy.ContentSecurityPolicy;
    expect(sampleValue(csp)).toMatch(
      /connect-src 'self' https:\/\/PlatformAuthUserPoolHostedUi[0-9A-F]{8}\.auth\.ap-southeast-1\.amazoncognito\.com https:\/\/cognito-idp\.ap-southeast-1\.amazonaws\.com https:\/\/ketnoi-[a-z]+-cv-[^ ;]+\.s3\.ap-southeast-1\.[^ ;]+;/,
    );
  });
});

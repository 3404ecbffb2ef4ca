import { Duration, Stack } from "aws-cdk-lib";
import { Certificate } from "aws-cdk-lib/aws-certificatemanager";
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { LogGroup } from "aws-cdk-lib/aws-logs";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { type KetNoiApi, originVerifyHeader } from "./api";
import { type KetNoiAuth, signInCallbackPath, signOutReturnPath } from "./auth";
import type { StageSettings } from "./stage";

/** A custom domain for the site: its names and an ACM certificate for them, which must be in us-east-1. */
export interface CustomDomainProps {
  readonly names: readonly string[];
  readonly certificateArn: string;
}

export interface KetNoiWebProps {
  readonly stage: StageSettings;
  readonly api: KetNoiApi;
  readonly auth: KetNoiAuth;
  /** The built web app (web/dist); see `webAssetsFolder`. */
  readonly assetsFolder: string;
  readonly domain?: CustomDomainProps;
  /** The CloudFront-scoped WAF web ACL (its ARN, from the us-east-1 edge stack: infra/edge.ts). */
  readonly webAclArn?: string;
  /** The CV files bucket's origin (https://<bucket>.s3.<region>.amazonaws.com): browsers post uploads to it. */
  readonly filesOrigin?: string;
}

/** How long CloudFront's access logs are kept: they hold client IP addresses (personal data, docs/privacy.md). */
export const accessLogDays = { production: 90, other: 7 } as const;

/**
 * CloudFront Function on the site's default behaviour: a path whose last segment has no file extension is a
 * client-side route, so it is served index.html. Done here rather than with error responses, which would also
 * turn the API's own 403/404 JSON into the page.
 */
export const spaFallbackCode = `function handler(event) {
  var request = event.request;
  var lastSegment = request.uri.substring(request.uri.lastIndexOf("/") + 1);
  if (lastSegment.indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

/** Vite names everything under /assets/ by content hash, so a file there never changes. */
export const hashedAssetsPath = "/assets/*";
export const apiPath = "/api/*";

/**
 * The page may load only its own code and talk only to its own origin, Cognito's hosted-UI domain (the browser
 * posts the authorization code to its /oauth2/token endpoint) and the region's Cognito user API (TOTP enrolment,
 * web/src/features/security/totp.ts), and the CV files bucket (`filesOrigin`: presigned POST uploads, routes/files.ts).
 */
export function contentSecurityPolicy(authDomain: string, region: string, filesOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Solid sets style attributes; the API's /api/docs page carries its own <style>.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' https://${authDomain} https://cognito-idp.${region}.amazonaws.com${filesOrigin ? ` ${filesOrigin}` : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The web app on S3 (private, read by CloudFront through origin access control) and /api/* to the API. */
export class KetNoiWeb extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** CloudFront's standard access logs: private, encrypted, expiring. */
  readonly logBucket: Bucket;
  /** Where people open KetNoi: the custom domain if any, else the CloudFront domain. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: KetNoiWebProps) {
    super(scope, id);
    const { stage, api, auth, domain } = props;
    const { region } = Stack.of(this);

    this.bucket = new Bucket(this, "Assets", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: !stage.isProduction,
    });

    const securityHeaders: ResponseSecurityHeadersBehavior = {
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      contentSecurityPolicy: {
        contentSecurityPolicy: contentSecurityPolicy(auth.authDomain, region, props.filesOrigin),
        override: true,
      },
    };
    const headersPolicy = (policyId: string, comment: string, cacheControl?: string) =>
      new ResponseHeadersPolicy(this, policyId, {
        comment: `KetNoi ${stage.name}: ${comment}`,
        securityHeadersBehavior: securityHeaders,
        customHeadersBehavior: {
          customHeaders: [
            { header: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()", override: true },
            ...(cacheControl ? [{ header: "Cache-Control", value: cacheControl, override: true }] : []),
          ],
        },
      });
    // Pages and config.json are revalidated on every visit, so a deploy shows at once.
    const pageHeaders = headersPolicy("PageHeaders", "pages, revalidated", "no-cache");
    const assetHeaders = headersPolicy(
      "AssetHeaders",
      "hashed assets, cached a year",
      "public, max-age=31536000, immutable",
    );
    // The API sets its own Cache-Control.
    const apiHeaders = headersPolicy("ApiHeaders", "API responses");

    const spaFallback = new CloudFrontFunction(this, "SpaFallback", {
      code: FunctionCode.fromInline(spaFallbackCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: "Client-side routes are served index.html",
    });

    // Standard logs are written by CloudFront's log delivery account through a bucket ACL: the only reason this
    // bucket allows ACLs (object writer ownership); it stays private, like every other bucket.
    this.logBucket = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [
        { expiration: Duration.days(stage.isProduction ? accessLogDays.production : accessLogDays.other) },
      ],
      removalPolicy: stage.removalPolicy,
      autoDeleteObjects: !stage.isProduction,
    });

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    this.distribution = new Distribution(this, "Distribution", {
      comment: `KetNoi ${stage.name}`,
      defaultRootObject: "index.html",
      // Price class 200 includes the edge locations in Vietnam; 100 would serve Đồng Nai from farther away.
      priceClass: PriceClass.PRICE_CLASS_200,
      httpVersion: HttpVersion.HTTP2_AND_3,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: "cloudfront/",
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      ...(domain
        ? {
            domainNames: [...domain.names],
            certificate: Certificate.fromCertificateArn(this, "Certificate", domain.certificateArn),
          }
        : {}),
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: pageHeaders,
        functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [hashedAssetsPath]: {
          origin: siteOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: assetHeaders,
        },
        [apiPath]: {
          origin: new HttpOrigin(api.originDomain, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
            // The API refuses requests without it: callers cannot skip CloudFront and its WAF.
            customHeaders: { [originVerifyHeader]: api.originVerifySecret.secretValue.unsafeUnwrap() },
          }),
          // A redirect would turn a POST into a GET.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // With caching disabled, this policy forwards Authorization (and all else but Host, which API Gateway
          // needs to be its own name).
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
        },
      },
    });

    this.url = domain ? `https://${domain.names[0]}` : `https://${this.distribution.distributionDomainName}`;
    // Sign-in works on every name the site answers to; config.json sends people back to the main one.
    auth.allowWebOrigin(`https://${this.distribution.distributionDomainName}`);
    for (const name of domain?.names ?? []) auth.allowWebOrigin(`https://${name}`);

    new BucketDeployment(this, "Upload", {
      sources: [
        Source.asset(props.assetsFolder),
        // Values the build cannot know: read by the web app at start.
        Source.jsonData("config.json", {
          stage: stage.name,
          region,
          userPoolId: auth.userPool.userPoolId,
          userPoolClientId: auth.client.userPoolClientId,
          // The hosted UI (web/src/app/session/cognito.ts): https://<authDomain>/oauth2/authorize, /oauth2/token, /logout.
          authDomain: auth.authDomain,
          redirectUri: `${this.url}${signInCallbackPath}`,
          logoutUri: `${this.url}${signOutReturnPath}`,
        }),
      ],
      destinationBucket: this.bucket,
      // Old hashed files stay, so a tab opened before the deploy can still load its lazy chunks.
      prune: false,
      distribution: this.distribution,
      distributionPaths: ["/*"],
      memoryLimit: 512,
      logGroup: new LogGroup(this, "UploadLogs", {
        retention: stage.logRetention,
        removalPolicy: stage.removalPolicy,
      }),
    });
  }
}

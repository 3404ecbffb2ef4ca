import type { KetNoiPlatformProps } from "./ketnoi";
import { webAssetsFolder } from "./paths";

/** The region both entries deploy to unless KETNOI_REGION says otherwise: Singapore, the closest to Đồng Nai. */
export function deployRegion(env: NodeJS.ProcessEnv = process.env): string {
  return env.KETNOI_REGION ?? "ap-southeast-1";
}

/**
 * The platform's props for a stage, from environment variables, so that `npx sst deploy` and `npx cdk deploy`
 * read the same settings:
 * - KETNOI_ALARM_EMAIL: who gets alarm emails;
 * - KETNOI_EMAIL_FROM: a verified SES address for Cognito's emails;
 * - KETNOI_DOMAIN (comma-separated names) and KETNOI_CERTIFICATE_ARN (us-east-1): prod's custom domain;
 * - KETNOI_WEB_DIST: the built web app, default web/dist;
 * - KETNOI_WEB_ACL_ARN: the CloudFront web ACL (infra/edge.ts) when the caller does not pass `webAclArn`;
 * - KETNOI_ACCEPT_DEFAULT_DOMAIN=true: prod on the CloudFront domain (TLS 1.0 allowed there; docs/deploy.md);
 * - KETNOI_MAIL_DOMAIN: the domain notices are mailed from through SES (docs/notifications.md); unset, no mail.
 * `options` take precedence: infra/app.ts passes its CDK context flags and the edge stack's ARN there.
 */
export function platformProps(
  stage: string,
  options: {
    allowPlaceholderWeb: boolean;
    acceptDefaultDomain?: boolean;
    webAclArn?: string;
    alarmEmail?: string;
    mailDomain?: string;
  },
  env: NodeJS.ProcessEnv = process.env,
): KetNoiPlatformProps {
  const domainNames = (env.KETNOI_DOMAIN ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (domainNames.length > 0 && !env.KETNOI_CERTIFICATE_ARN) {
    throw new Error("KETNOI_DOMAIN needs KETNOI_CERTIFICATE_ARN: an ACM certificate for it in us-east-1.");
  }
  const alarmEmail = options.alarmEmail ?? env.KETNOI_ALARM_EMAIL;
  const webAclArn = options.webAclArn ?? env.KETNOI_WEB_ACL_ARN;
  const mailDomain = options.mailDomain ?? env.KETNOI_MAIL_DOMAIN;
  return {
    stage,
    webAssetsFolder: webAssetsFolder({ allowPlaceholder: options.allowPlaceholderWeb }, env),
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(webAclArn ? { webAclArn } : {}),
    ...(mailDomain ? { mailDomain } : {}),
    ...(options.acceptDefaultDomain || env.KETNOI_ACCEPT_DEFAULT_DOMAIN === "true"
      ? { acceptDefaultDomain: true }
      : {}),
    ...(env.KETNOI_EMAIL_FROM
      ? { emailSender: { fromEmail: env.KETNOI_EMAIL_FROM, fromName: "KetNoi Đồng Nai" } }
      : {}),
    // One domain can point at one distribution: the custom domain belongs to prod.
    ...(stage === "prod" && domainNames.length > 0
      ? { domain: { names: domainNames, certificateArn: env.KETNOI_CERTIFICATE_ARN! } }
      : {}),
  };
}

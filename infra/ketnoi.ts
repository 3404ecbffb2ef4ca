import { CfnOutput, Stack, Tags } from "aws-cdk-lib";
import { Construct } from "constructs";
import { KetNoiApi } from "./api";
import { type EmailSenderProps, KetNoiAuth } from "./auth";
import { KetNoiData } from "./data";
import { KetNoiFiles } from "./files";
import { KetNoiInterviewJobs } from "./interview-jobs";
import { KetNoiMail } from "./mail";
import { KetNoiMonitoring } from "./monitoring";
import { KetNoiRetention } from "./retention";
import { KetNoiSearch } from "./search";
import { type StageSettings, stageSettings } from "./stage";
import { KetNoiStreamConsumer } from "./stream-consumer";
import { type CustomDomainProps, KetNoiWeb } from "./web";

export interface KetNoiPlatformProps {
  /** `prod`, or any other name for a disposable stage (dev, a preview, a tester's own). */
  readonly stage: string;
  /** The built web app to upload: `webAssetsFolder(...)` from ./paths. */
  readonly webAssetsFolder: string;
  readonly domain?: CustomDomainProps;
  /** Alarm notifications go to this address. */
  readonly alarmEmail?: string;
  /** Send Cognito's emails through SES; needed beyond ~50 sign-ups a day. */
  readonly emailSender?: EmailSenderProps;
  /** The CloudFront-scoped WAF web ACL's ARN (infra/edge.ts, us-east-1). Required in production. */
  readonly webAclArn?: string;
  /**
   * Production without a custom domain serves the default *.cloudfront.net certificate, which lets clients use
   * TLS 1.0 (CloudFront ignores the TLSv1.2_2021 policy there). Only this explicit flag accepts that.
   */
  readonly acceptDefaultDomain?: boolean;
  /**
   * The domain notices are mailed from (`no-reply@<domain>`, SES identity, docs/notifications.md). Without it the
   * stage sends no mail: notices stay in-app.
   */
  readonly mailDomain?: string;
}

/** Why a production platform cannot be built from these props; empty when it can. */
export function productionProblems(props: KetNoiPlatformProps): string[] {
  if (props.stage !== "prod") return [];
  const problems: string[] = [];
  if (!props.domain && !props.acceptDefaultDomain) {
    problems.push(
      "prod needs a custom domain and its us-east-1 certificate (KETNOI_DOMAIN, KETNOI_CERTIFICATE_ARN) so that " +
        "TLS 1.2+ holds; or accept the default CloudFront domain explicitly (-c acceptDefaultDomain=true, " +
        "KETNOI_ACCEPT_DEFAULT_DOMAIN=true): docs/deploy.md",
    );
  }
  if (!props.webAclArn)
    problems.push("prod needs the CloudFront web ACL (edge stack, or KETNOI_WEB_ACL_ARN): docs/deploy.md");
  return problems;
}

/**
 * The whole KetNoi platform in one construct: table and its stream consumer, the search snapshot bucket, sign-in,
 * API, web app and alarms. Both deploy entries,
 * sst.config.ts and infra/app.ts, mount exactly this. One platform per stack: its outputs are stack outputs.
 * @example new KetNoiPlatform(stack, "Platform", { stage: "prod", webAssetsFolder: webAssetsFolder({ allowPlaceholder: false }) })
 */
export class KetNoiPlatform extends Construct {
  readonly stage: StageSettings;
  readonly data: KetNoiData;
  readonly search: KetNoiSearch;
  readonly streamConsumer: KetNoiStreamConsumer;
  readonly auth: KetNoiAuth;
  readonly api: KetNoiApi;
  readonly web: KetNoiWeb;
  readonly monitoring: KetNoiMonitoring;
  readonly retention: KetNoiRetention;
  readonly files: KetNoiFiles;
  readonly interviewJobs: KetNoiInterviewJobs;
  /** Mail of notices, the daily digest and bounce handling; only when a mail domain is configured. */
  readonly mail?: KetNoiMail;

  constructor(scope: Construct, id: string, props: KetNoiPlatformProps) {
    super(scope, id);
    const problems = productionProblems(props);
    if (problems.length > 0) throw new Error(`KetNoiPlatform: ${problems.join("; ")}`);
    const stage = stageSettings(props.stage);
    this.stage = stage;
    Tags.of(this).add("project", "ketnoi");
    Tags.of(this).add("stage", stage.name);

    this.data = new KetNoiData(this, "Data", { stage });
    this.search = new KetNoiSearch(this, "Search", { stage });
    this.streamConsumer = new KetNoiStreamConsumer(this, "StreamConsumer", {
      stage,
      data: this.data,
      search: this.search,
    });
    this.auth = new KetNoiAuth(this, "Auth", {
      stage,
      ...(props.emailSender ? { emailSender: props.emailSender } : {}),
    });
    this.api = new KetNoiApi(this, "Api", { stage, data: this.data, auth: this.auth, search: this.search });
    // Students' CV files: the files function signs uploads and downloads and checks uploads; the API function signs
    // the export's links; the stream consumer deletes erased files' objects.
    this.files = new KetNoiFiles(this, "Files", { stage });
    const fileUsers = [...this.api.handlers.filter((h) => h !== this.api.handler), this.streamConsumer.handler];
    for (const { function: fn } of fileUsers) {
      for (const [name, value] of Object.entries(this.files.environment)) fn.addEnvironment(name, value);
    }
    this.files.grantApi(this.api.filesHandler.function);
    // The export's links: the account group's privacy routes (the docs function serves only the document).
    this.files.grantExportLinks(this.api.groupHandlers.account.function);
    this.files.grantDelete(this.streamConsumer.handler.function);
    this.web = new KetNoiWeb(this, "Web", {
      stage,
      api: this.api,
      auth: this.auth,
      assetsFolder: props.webAssetsFolder,
      ...(props.domain ? { domain: props.domain } : {}),
      ...(props.webAclArn ? { webAclArn: props.webAclArn } : {}),
      filesOrigin: this.files.origin,
    });
    this.api.allowWebOrigin(this.web.url);
    this.files.allowWebOrigin(this.web.url);

    this.monitoring = new KetNoiMonitoring(this, "Monitoring", {
      stage,
      api: this.api,
      functions: [
        { label: "Api", fn: this.api.handler },
        // One function per route group (issue 14): each with its own errors, throttles and duration.
        ...Object.entries(this.api.groupHandlers).map(([group, fn]) => ({
          label: `Api${group.charAt(0).toUpperCase()}${group.slice(1)}`,
          fn,
        })),
        { label: "Files", fn: this.api.filesHandler },
        { label: "StreamConsumer", fn: this.streamConsumer.handler, readsStream: true },
        { label: "MfaClaim", fn: this.auth.mfaClaim },
      ],
      deadLetterQueues: [{ label: "StreamConsumer", queue: this.streamConsumer.deadLetterQueue }],
      deadLetterMetrics: [{ label: "StreamConsumer", metric: this.streamConsumer.deadLetterMetric }],
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    });

    // Daily removal of non-hired applicants' personal data (docs/privacy.md); its alarms use the same topic.
    this.retention = new KetNoiRetention(this, "Retention", {
      stage,
      data: this.data,
      alarmTopic: this.monitoring.alarmTopic,
    });
    // Interview reminders and offer expiry every 5 minutes (functions/src/interviews/jobs.ts).
    this.interviewJobs = new KetNoiInterviewJobs(this, "InterviewJobs", {
      stage,
      data: this.data,
      alarmTopic: this.monitoring.alarmTopic,
    });
    // Notices by mail (docs/notifications.md): its own stream reader, the digest schedule, SES bounces.
    if (props.mailDomain) {
      this.mail = new KetNoiMail(this, "Mail", {
        stage,
        data: this.data,
        domain: props.mailDomain,
        serverSecret: this.api.serverSecret,
        webOrigin: this.web.url,
        alarmTopic: this.monitoring.alarmTopic,
      });
    }
    const mail = this.mail;
    this.monitoring.addDashboard(
      [
        { label: "Retention", fn: this.retention.handler },
        { label: "InterviewJobs", fn: this.interviewJobs.handler },
        ...(mail
          ? [
              { label: "Mail", fn: mail.consumer, readsStream: true },
              { label: "MailDigest", fn: mail.digest },
              { label: "MailBounces", fn: mail.bounces },
            ]
          : []),
      ],
      [...this.retention.alarms, ...this.interviewJobs.alarms, ...(mail?.alarms ?? [])],
    );

    // Every function's concurrency is sized here, in one place (stage.ts, docs/deploy.md).
    const reserved = stage.reservedConcurrency;
    this.api.reserveConcurrency(reserved);
    this.streamConsumer.handler.reserveConcurrency(reserved?.streamConsumer);
    this.retention.handler.reserveConcurrency(reserved?.retention);
    this.interviewJobs.handler.reserveConcurrency(reserved?.interviewJobs);
    this.auth.mfaClaim.reserveConcurrency(reserved?.mfaClaim);

    const stack = Stack.of(this);
    // Deleting the production stack takes a deliberate extra step (docs/deploy.md, Teardown).
    if (stage.isProduction) stack.terminationProtection = true;
    const outputs: Record<string, { value: string; description: string }> = {
      WebUrl: { value: this.web.url, description: "Open KetNoi here" },
      UserPoolId: {
        value: this.auth.userPool.userPoolId,
        description: "Cognito user pool (create the first admin here)",
      },
      UserPoolClientId: { value: this.auth.client.userPoolClientId, description: "Web app client id (token audience)" },
      TableName: { value: this.data.table.tableName, description: "DynamoDB table (seed with TABLE_NAME=...)" },
      FilesBucket: { value: this.files.bucket.bucketName, description: "S3 bucket of students' CV files (private)" },
      SearchSnapshotBucket: {
        value: this.search.bucket.bucketName,
        description: "S3 bucket of the search index snapshot (search/index.json)",
      },
      DistributionId: { value: this.web.distribution.distributionId, description: "CloudFront distribution" },
      AlarmTopicArn: { value: this.monitoring.alarmTopic.topicArn, description: "SNS topic alarms publish to" },
    };
    // The domain's DKIM CNAMEs: SES verifies the mail identity once they are published (docs/notifications.md).
    this.mail?.identity.dkimRecords.forEach((record, i) => {
      outputs[`MailDkim${i + 1}`] = {
        value: `${record.name} CNAME ${record.value}`,
        description: "Publish at the mail domain's DNS to verify it for SES",
      };
    });
    for (const [name, output] of Object.entries(outputs)) new CfnOutput(stack, name, output);
  }
}

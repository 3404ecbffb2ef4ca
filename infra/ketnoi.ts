import { CfnOutput, Stack, Tags } from "aws-cdk-lib";
import { Construct } from "constructs";
import { KetNoiApi } from "./api";
import { type EmailSenderProps, KetNoiAuth } from "./auth";
import { KetNoiData } from "./data";
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

  constructor(scope: Construct, id: string, props: KetNoiPlatformProps) {
    super(scope, id);
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
    this.web = new KetNoiWeb(this, "Web", {
      stage,
      api: this.api,
      auth: this.auth,
      assetsFolder: props.webAssetsFolder,
      ...(props.domain ? { domain: props.domain } : {}),
    });
    this.api.allowWebOrigin(this.web.url);

    this.monitoring = new KetNoiMonitoring(this, "Monitoring", {
      stage,
      api: this.api,
      functions: [
        { label: "Api", fn: this.api.handler },
        { label: "StreamConsumer", fn: this.streamConsumer.handler, readsStream: true },
      ],
      deadLetterQueues: [{ label: "StreamConsumer", queue: this.streamConsumer.deadLetterQueue }],
      deadLetterMetrics: [{ label: "StreamConsumer", metric: this.streamConsumer.deadLetterMetric }],
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    });

    // Daily removal of non-hired applicants' personal data (docs/privacy.md); its alarms use the same topic.
    new KetNoiRetention(this, "Retention", { stage, data: this.data, alarmTopic: this.monitoring.alarmTopic });

    const stack = Stack.of(this);
    // Deleting the production stack takes a deliberate extra step (docs/deploy.md, Teardown).
    if (stage.isProduction) stack.terminationProtection = true;
    const outputs: Record<string, { value: string; description: string }> = {
      WebUrl: { value: this.web.url, description: "Open KetNoi here" },
      ApiUrl: {
        value: this.api.httpApi.apiEndpoint,
        description: "API Gateway endpoint (the site calls /api/* through CloudFront)",
      },
      UserPoolId: {
        value: this.auth.userPool.userPoolId,
        description: "Cognito user pool (create the first admin here)",
      },
      UserPoolClientId: { value: this.auth.client.userPoolClientId, description: "Web app client id (token audience)" },
      TableName: { value: this.data.table.tableName, description: "DynamoDB table (seed with TABLE_NAME=...)" },
      SearchSnapshotBucket: {
        value: this.search.bucket.bucketName,
        description: "S3 bucket of the search index snapshot (search/index.json)",
      },
      DistributionId: { value: this.web.distribution.distributionId, description: "CloudFront distribution" },
      AlarmTopicArn: { value: this.monitoring.alarmTopic.topicArn, description: "SNS topic alarms publish to" },
    };
    for (const [name, output] of Object.entries(outputs)) new CfnOutput(stack, name, output);
  }
}

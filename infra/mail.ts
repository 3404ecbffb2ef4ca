import { join } from "node:path";
import { Duration, Stack, TimeZone } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { Schedule, ScheduleExpression } from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from "aws-cdk-lib/aws-ses";
import { type ITopic, Topic } from "aws-cdk-lib/aws-sns";
import { LambdaSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import type { KetNoiData } from "./data";
import { KetNoiFunction } from "./function";
import { repoRoot } from "./paths";
import type { StageSettings } from "./stage";

export const digestEntry = join(repoRoot, "functions/src/mail/digest-lambda.ts");
export const bounceEntry = join(repoRoot, "functions/src/mail/bounce-lambda.ts");

/** The daily digest goes out at 07:00 in Vietnam, before the working day (the same hour as `npm start`'s timer). */
export const digestSchedule = { hour: "7", minute: "0" } as const;

/** SES reviews an account whose bounce rate passes 5 % and may pause it at 10 %: the alarm rings at 4 %. */
export const bounceRateAlarmThreshold = 0.04;

/**
 * The digest job on the table (functions/src/mail/digest.ts): Query the digest index (gsi1), GetItem users,
 * preferences, suppressions and sent-markers; PutItem/UpdateItem the sent-marker; DeleteItem a released claim;
 * BatchWriteItem to remove sent entries. The bounce handler: GetItem/PutItem the suppression, Query a user by
 * address (gsi1), PutItem the in-app notice.
 */
export const mailTableActions = [
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
] as const;

export interface KetNoiMailProps {
  readonly stage: StageSettings;
  readonly data: KetNoiData;
  /** The domain mail is sent from (`no-reply@<domain>`); SES verifies it through the DNS records it outputs. */
  readonly domain: string;
  /** The functions that send mail besides the digest: the stream consumer. */
  readonly senders: readonly IFunction[];
  /** The key the API checks unsubscribe tokens with (the same Secrets Manager secret). */
  readonly serverSecret: ISecret;
  /** The web app's origin: links in mail point there. */
  readonly webOrigin: string;
  readonly alarmTopic: ITopic;
}

/**
 * Mail in deploy (docs/mail.md): the SES identity of the configured domain and a configuration set whose bounce
 * and complaint events go through SNS to a handler that suppresses the address and tells the user in-app; the
 * daily digest run by EventBridge Scheduler; send permission for these functions only, from this identity and
 * through this configuration set; an alarm on the account's bounce rate.
 */
export class KetNoiMail extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly events: Topic;
  readonly digest: KetNoiFunction;
  readonly bounces: KetNoiFunction;
  readonly schedule: Schedule;
  readonly alarms: Alarm[] = [];
  /** The environment every sending function gets (functions/src/config.ts, MailEnvSchema). */
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: KetNoiMailProps) {
    super(scope, id);
    const { stage, data, domain, alarmTopic } = props;
    const { table } = data;
    this.configurationSet = new ConfigurationSet(this, "ConfigurationSet", {
      configurationSetName: `ketnoi-${stage.name}`,
    });
    this.identity = new EmailIdentity(this, "Identity", {
      identity: Identity.domain(domain),
      configurationSet: this.configurationSet,
    });
    this.events = new Topic(this, "Events", {
      displayName: `KetNoi ${stage.name} mail bounces and complaints`,
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination("BouncesAndComplaints", {
      destination: EventDestination.snsTopic(this.events),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.environment = {
      MAIL_TRANSPORT: "ses",
      MAIL_FROM: `KetNoi <no-reply@${domain}>`,
      SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      WEB_ORIGIN: props.webOrigin,
      SERVER_SECRET: props.serverSecret.secretValue.unsafeUnwrap(),
    };

    this.digest = new KetNoiFunction(this, "Digest", {
      stage,
      entry: digestEntry,
      description: `KetNoi ${stage.name}: the daily mail digest`,
      memorySize: 512,
      timeout: Duration.minutes(5),
      environment: { STAGE: stage.name, TABLE_NAME: table.tableName, ...this.environment },
    });
    this.bounces = new KetNoiFunction(this, "Bounces", {
      stage,
      entry: bounceEntry,
      description: `KetNoi ${stage.name}: suppress bounced and complaining addresses`,
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: { STAGE: stage.name, TABLE_NAME: table.tableName },
    });
    for (const fn of [this.digest.function, this.bounces.function]) {
      fn.addToRolePolicy(new PolicyStatement({ actions: [...mailTableActions], resources: [table.tableArn] }));
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ["dynamodb:Query"], resources: [`${table.tableArn}/index/*`] }),
      );
    }
    this.events.addSubscription(new LambdaSubscription(this.bounces.function));

    // Least privilege: send only as this identity's address, through this configuration set (so every mail's
    // bounces reach the handler), and nothing else in SES.
    const { account, region } = Stack.of(this);
    const send = new PolicyStatement({
      actions: ["ses:SendEmail", "ses:SendRawEmail"],
      resources: [
        `arn:aws:ses:${region}:${account}:identity/${domain}`,
        `arn:aws:ses:${region}:${account}:configuration-set/${this.configurationSet.configurationSetName}`,
      ],
      conditions: { StringEquals: { "ses:FromAddress": `no-reply@${domain}` } },
    });
    for (const fn of [this.digest.function, ...props.senders]) fn.addToRolePolicy(send);

    this.schedule = new Schedule(this, "Daily", {
      description: `KetNoi ${stage.name}: the daily mail digest at 07:00 Vietnam time`,
      schedule: ScheduleExpression.cron({ ...digestSchedule, timeZone: TimeZone.ASIA_HO_CHI_MINH }),
      target: new LambdaInvoke(this.digest.function, { retryAttempts: 2, maxEventAge: Duration.hours(2) }),
    });

    const alarm = (alarmId: string, description: string, metric: Metric, threshold: number) => {
      const created = new Alarm(this, alarmId, {
        metric,
        alarmDescription: `KetNoi ${stage.name}: ${description}`,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new SnsAction(alarmTopic));
      this.alarms.push(created);
    };
    alarm(
      "BounceRate",
      `SES bounce rate at or above ${bounceRateAlarmThreshold * 100} % (SES reviews the account at 5 %)`,
      new Metric({
        namespace: "AWS/SES",
        metricName: "Reputation.BounceRate",
        statistic: "Maximum",
        period: Duration.hours(1),
      }),
      bounceRateAlarmThreshold,
    );
    alarm(
      "DigestErrors",
      "the daily mail digest failed",
      this.digest.function.metricErrors({ period: Duration.hours(1) }) as Metric,
      1,
    );
    alarm(
      "BounceHandlerErrors",
      "the bounce handler failed",
      this.bounces.function.metricErrors({ period: Duration.hours(1) }) as Metric,
      1,
    );
  }
}

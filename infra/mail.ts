import { Aws, Duration, TimeZone } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { FilterCriteria, FilterRule, type IFunction, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import { Schedule, ScheduleExpression } from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from "aws-cdk-lib/aws-ses";
import { type ITopic, Subscription, SubscriptionProtocol, Topic } from "aws-cdk-lib/aws-sns";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { KetNoiData } from "./data";
import { KetNoiFunction } from "./function";
import { bounceEntry, digestEntry, mailConsumerEntry } from "./paths";
import type { StageSettings } from "./stage";

/**
 * The mail consumer's event filter: only a newly stored notice (an INSERT of ElectroDB entity `notification`,
 * functions/src/mail/notice-stream.ts `mailedEntity`) invokes it. Every notice is stored that way, whoever wrote it
 * (the stream consumer's derived notices, saved-search alerts, interview reminders, bounce notices); notices marked
 * read, expired by their TTL, and every other item never reach it.
 */
export const mailStreamFilters = [
  FilterCriteria.filter({
    eventName: FilterRule.isEqual("INSERT"),
    dynamodb: { NewImage: { __edb_e__: { S: FilterRule.isEqual("notification") } } },
  }),
];

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
  /** Functions that send mail besides the mail consumer and the digest (none in the platform today). */
  readonly senders?: readonly IFunction[];
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
  /** Mails each inserted notice (the table stream, filtered by `mailStreamFilters`). */
  readonly consumer: KetNoiFunction;
  /** Where the consumer's stream batches go once their retries are spent; alarmed. */
  readonly deadLetterQueue: Queue;
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

    this.deadLetterQueue = new Queue(this, "DeadLetterQueue", {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      removalPolicy: stage.removalPolicy,
    });
    this.consumer = new KetNoiFunction(this, "Consumer", {
      stage,
      entry: mailConsumerEntry,
      description: `KetNoi ${stage.name}: mail each new notice (table stream, notification inserts only)`,
      // Composing a mail and one SES call per notice: little memory, a few seconds at most for a batch.
      memorySize: 512,
      timeout: Duration.seconds(60),
      environment: { STAGE: stage.name, TABLE_NAME: table.tableName, ...this.environment },
    });
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
    for (const fn of [this.consumer.function, this.digest.function, this.bounces.function]) {
      fn.addToRolePolicy(new PolicyStatement({ actions: [...mailTableActions], resources: [table.tableArn] }));
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ["dynamodb:Query"], resources: [`${table.tableArn}/index/*`] }),
      );
    }
    // Declared directly (not through LambdaSubscription, whose permission's logical id embeds the stack name) so
    // that both deploy entries give these resources the same logical ids.
    new Subscription(this, "BounceSubscription", {
      topic: this.events,
      protocol: SubscriptionProtocol.LAMBDA,
      endpoint: this.bounces.function.functionArn,
    });
    this.bounces.function.addPermission("InvokedByMailEvents", {
      principal: new ServicePrincipal("sns.amazonaws.com"),
      sourceArn: this.events.topicArn,
    });

    // The table stream's second reader (DynamoDB Streams serves two per shard without throttling: the stream
    // consumer and this one). Declared directly, as the stream consumer's is, so both deploy entries give the
    // mapping one logical id. A send that keeps failing transiently (SES throttled or down) is reported as a batch
    // item failure and delivered again; the sender's markers keep the notices before it from going twice. After a
    // day (notices older than 48 h are not mailed anyway) the batch's description goes to the dead-letter queue.
    const consumer = this.consumer.function;
    table.grantStreamRead(consumer);
    consumer.addEventSourceMapping("NoticeStream", {
      eventSourceArn: table.tableStreamArn!,
      startingPosition: StartingPosition.LATEST,
      batchSize: 25,
      maxBatchingWindow: Duration.seconds(1),
      parallelizationFactor: 1,
      bisectBatchOnError: true,
      retryAttempts: 1_000,
      maxRecordAge: Duration.days(1),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(this.deadLetterQueue),
      filters: mailStreamFilters,
    });

    // Least privilege: send only as this identity's address, through this configuration set (so every mail's
    // bounces reach the handler), and nothing else in SES.
    // The pseudo parameters, not the stack's env: the SST entry knows the account at synthesis, the CDK entry does not,
    // and both must synthesize the same policy.
    const { ACCOUNT_ID: account, REGION: region } = Aws;
    const send = new PolicyStatement({
      actions: ["ses:SendEmail", "ses:SendRawEmail"],
      resources: [
        `arn:aws:ses:${region}:${account}:identity/${domain}`,
        `arn:aws:ses:${region}:${account}:configuration-set/${this.configurationSet.configurationSetName}`,
      ],
      conditions: { StringEquals: { "ses:FromAddress": `no-reply@${domain}` } },
    });
    for (const fn of [this.consumer.function, this.digest.function, ...(props.senders ?? [])]) {
      fn.addToRolePolicy(send);
    }

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
      "ConsumerErrors",
      "the mail consumer failed (notices are mailed late or, after a day, not at all)",
      consumer.metricErrors({ period: Duration.minutes(15) }) as Metric,
      3,
    );
    alarm(
      "ConsumerIteratorAge",
      "the mail consumer is more than 15 minutes behind the table stream",
      new Metric({
        namespace: "AWS/Lambda",
        metricName: "IteratorAge",
        dimensionsMap: { FunctionName: consumer.functionName },
        statistic: "Maximum",
        period: Duration.minutes(5),
      }),
      15 * 60_000,
    );
    alarm(
      "ConsumerDeadLetters",
      "stream batches of notices were given up by the mail consumer (their mail was not sent)",
      this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }) as Metric,
      1,
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

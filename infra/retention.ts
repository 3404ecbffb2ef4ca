import { defaultRetentionRejectedDays } from "@ketnoi/functions/config";
import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, type IMetric, Metric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import type { KetNoiData } from "./data";
import { KetNoiFunction } from "./function";
import { retentionEntry } from "./paths";
import type { StageSettings } from "./stage";

/** The retention job's Lambda entry: removes non-hired applicants' personal data once the period has passed. */

/** 03:00 in Vietnam (UTC+7, no daylight saving) is 20:00 UTC: the quietest hour, before the working day. */
export const retentionSchedule = { minute: "0", hour: "20" } as const;

/**
 * What the job (functions/src/data/retention.ts) does on the table: Query the sparse retention index (gsi3) and a
 * student's notifications (table); consistent BatchGetItem of a page of applications, GetItem of a profile and an
 * invitation; a transaction of a conditional DeleteItem and PutItem replacing an application by its stub;
 * DeleteItem of notices and invitations; PutItem of the run's record. No Scan (the one-off backfill of old
 * records runs from `npm run retention -- --aws --backfill` with an operator's credentials), no UpdateItem, no
 * BatchWriteItem, no ConditionCheckItem, no table management.
 */
export const retentionTableActions = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:DeleteItem",
] as const;
export const retentionIndexActions = ["dynamodb:Query"] as const;

export interface KetNoiRetentionProps {
  readonly stage: StageSettings;
  readonly data: KetNoiData;
  /** The platform's alarm topic (KetNoiMonitoring): failures notify the same people as every other alarm. */
  readonly alarmTopic: ITopic;
  /** Days after the decision; the function's RETENTION_REJECTED_DAYS. */
  readonly retentionDays?: number;
}

const oneHour = Duration.hours(1);

/**
 * The daily retention job: an EventBridge rule invokes functions/src/retention-lambda.ts at 03:00 Vietnam time. A
 * run stops 30 s before its 5-minute timeout as `partial` and the next day's run goes on (what is done has left
 * the index), so no work is ever lost: there is no dead-letter queue, and a failed invocation is retried once by
 * Lambda. Alarms on the function's errors and throttles and on the rule failing to invoke it notify the
 * platform's alarm topic.
 */
export class KetNoiRetention extends Construct {
  readonly handler: KetNoiFunction;
  readonly schedule: Rule;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: KetNoiRetentionProps) {
    super(scope, id);
    const { stage, data, alarmTopic } = props;
    const { table } = data;
    this.handler = new KetNoiFunction(this, "Handler", {
      stage,
      entry: retentionEntry,
      description: `KetNoi ${stage.name}: daily removal of non-hired applicants' personal data (retention)`,
      // Pages of 25 applications, a few small reads and writes each: I/O bound, little memory.
      memorySize: 512,
      timeout: Duration.minutes(5),
      environment: {
        STAGE: stage.name,
        TABLE_NAME: table.tableName,
        RETENTION_REJECTED_DAYS: String(props.retentionDays ?? defaultRetentionRejectedDays),
      },
    });
    const fn = this.handler.function;
    fn.configureAsyncInvoke({ retryAttempts: 1, maxEventAge: Duration.hours(2) });
    fn.addToRolePolicy(new PolicyStatement({ actions: [...retentionTableActions], resources: [table.tableArn] }));
    fn.addToRolePolicy(
      new PolicyStatement({ actions: [...retentionIndexActions], resources: [`${table.tableArn}/index/*`] }),
    );

    this.schedule = new Rule(this, "Daily", {
      description: `KetNoi ${stage.name}: run the retention job daily at 03:00 Vietnam time`,
      schedule: Schedule.cron(retentionSchedule),
    });
    // The target and its permission are declared here rather than through aws-events-targets' LambdaFunction,
    // whose permission's logical id embeds the stack name: both deploy entries must give it the same logical id.
    this.schedule.addTarget({
      bind: () => ({
        arn: fn.functionArn,
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: oneHour.toSeconds() },
      }),
    });
    fn.addPermission("InvokedBySchedule", {
      principal: new ServicePrincipal("events.amazonaws.com"),
      sourceArn: this.schedule.ruleArn,
    });

    const alarm = (alarmId: string, description: string, metric: IMetric) => {
      const created = new Alarm(this, alarmId, {
        metric,
        alarmDescription: `KetNoi ${stage.name}: ${description}`,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // The job runs once a day: an hour without data is the normal case.
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(new SnsAction(alarmTopic));
      this.alarms.push(created);
    };
    alarm("FunctionErrors", "retention job failed", fn.metricErrors({ period: oneHour }));
    alarm("FunctionThrottles", "retention job was throttled", fn.metricThrottles({ period: oneHour }));
    alarm(
      "ScheduleFailedInvocations",
      "the retention schedule could not invoke its function",
      new Metric({
        namespace: "AWS/Events",
        metricName: "FailedInvocations",
        dimensionsMap: { RuleName: this.schedule.ruleName },
        statistic: "Sum",
        period: oneHour,
      }),
    );
  }
}

import { interviewJobEveryMinutes } from "@ketnoi/functions/interviews/local-timer";
import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Rule, Schedule } from "aws-cdk-lib/aws-events";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import type { ITopic } from "aws-cdk-lib/aws-sns";
import { Construct } from "constructs";
import type { KetNoiData } from "./data";
import { KetNoiFunction } from "./function";
import { interviewJobsEntry } from "./paths";
import type { StageSettings } from "./stage";

/** The job's Lambda entry: interview reminders, offers' last-day notices and offer expiry. */

/**
 * What the job does on the table: Query the sparse gsi3 (scheduled interviews by start, open offers by reply-by
 * day) and gsi1/gsi2 (members of an organisation, an application by id); GetItem (listing, application, offer);
 * PutItem of notices (conditional create); TransactWriteItems (UpdateItem/PutItem) of an expiring offer's move.
 */
export const interviewJobTableActions = [
  "dynamodb:GetItem",
  "dynamodb:Query",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:ConditionCheckItem",
] as const;

export interface KetNoiInterviewJobsProps {
  readonly stage: StageSettings;
  readonly data: KetNoiData;
  readonly alarmTopic: ITopic;
}

/**
 * Every 5 minutes an EventBridge rule runs functions/src/interview-jobs-lambda.ts (`npm start` runs the same job
 * on a local timer). The job is idempotent (deterministic notice ids, version-conditioned expiry), so retries and
 * overlaps are harmless. Its errors alarm on the platform's topic.
 */
export class KetNoiInterviewJobs extends Construct {
  readonly handler: KetNoiFunction;
  readonly schedule: Rule;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: KetNoiInterviewJobsProps) {
    super(scope, id);
    const { stage, data, alarmTopic } = props;
    const { table } = data;
    this.handler = new KetNoiFunction(this, "Handler", {
      stage,
      entry: interviewJobsEntry,
      description: `KetNoi ${stage.name}: interview reminders and offer expiry`,
      memorySize: 512,
      timeout: Duration.minutes(2),
      environment: { STAGE: stage.name, TABLE_NAME: table.tableName },
    });
    const fn = this.handler.function;
    fn.addToRolePolicy(new PolicyStatement({ actions: [...interviewJobTableActions], resources: [table.tableArn] }));
    fn.addToRolePolicy(new PolicyStatement({ actions: ["dynamodb:Query"], resources: [`${table.tableArn}/index/*`] }));

    this.schedule = new Rule(this, "Every5Minutes", {
      description: `KetNoi ${stage.name}: interview reminders and offer expiry every ${interviewJobEveryMinutes} minutes`,
      schedule: Schedule.rate(Duration.minutes(interviewJobEveryMinutes)),
    });
    // As for retention: the target and permission declared here keep one logical id across both deploy entries.
    this.schedule.addTarget({
      bind: () => ({
        arn: fn.functionArn,
        retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 600 },
      }),
    });
    fn.addPermission("InvokedBySchedule", {
      principal: new ServicePrincipal("events.amazonaws.com"),
      sourceArn: this.schedule.ruleArn,
    });
    const alarm = new Alarm(this, "FunctionErrors", {
      metric: fn.metricErrors({ period: Duration.minutes(15) }),
      alarmDescription: `KetNoi ${stage.name}: interview job failed`,
      threshold: 2,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(alarmTopic));
    this.alarms.push(alarm);
  }
}

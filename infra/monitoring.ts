import { Duration } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { KetNoiApi } from "./api";
import type { KetNoiFunction } from "./function";
import type { StageSettings } from "./stage";

export interface KetNoiMonitoringProps {
  readonly stage: StageSettings;
  readonly api: KetNoiApi;
  /**
   * The functions to watch, each with a short label for alarm names ("Api", "StreamConsumer"); `readsStream`
   * adds an alarm on how far behind the stream the function is (IteratorAge).
   */
  readonly functions: readonly {
    readonly label: string;
    readonly fn: KetNoiFunction;
    readonly readsStream?: boolean;
  }[];
  /** Dead-letter queues: any message in one is work that was given up on. */
  readonly deadLetterQueues: readonly { readonly label: string; readonly queue: IQueue }[];
  /** Counts of records set aside by their consumer (e.g. the stream's dead-letter items): any is given-up work. */
  readonly deadLetterMetrics?: readonly { readonly label: string; readonly metric: IMetric }[];
  /** Who is emailed when an alarm fires (they confirm the subscription once). */
  readonly alarmEmail?: string;
}

const fiveMinutes = Duration.minutes(5);

/**
 * Alarms on what users would notice (API 5xx, failing or throttled functions) and on lost work (messages in a
 * dead-letter queue), all sent to one SNS topic.
 */
export class KetNoiMonitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly stageName: string;

  constructor(scope: Construct, id: string, props: KetNoiMonitoringProps) {
    super(scope, id);
    const { stage } = props;
    this.stageName = stage.name;
    this.alarmTopic = new Topic(this, "AlarmTopic", { displayName: `KetNoi ${stage.name} alarms`, enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));

    this.alarm(
      "ApiServerErrors",
      "API answered 5xx (5 or more in 5 minutes)",
      5,
      props.api.httpStage.metricServerError({ period: fiveMinutes }),
    );
    for (const { label, fn, readsStream } of props.functions) {
      const failed = `${label} function failed (3 or more in 5 minutes)`;
      this.alarm(`${label}FunctionErrors`, failed, 3, fn.function.metricErrors({ period: fiveMinutes }));
      const throttled = `${label} function was throttled`;
      this.alarm(`${label}FunctionThrottles`, throttled, 1, fn.function.metricThrottles({ period: fiveMinutes }));
      if (readsStream) {
        // Normally a record is processed within seconds; 5 minutes behind means search results and alerts lag.
        const age = fn.function.metric("IteratorAge", { period: fiveMinutes, statistic: "Maximum" });
        this.alarm(`${label}IteratorAge`, `${label} is 5 minutes or more behind the table stream`, 300_000, age);
      }
    }
    for (const { label, queue } of props.deadLetterQueues) {
      const waiting = queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: "Maximum" });
      this.alarm(`${label}DeadLetters`, `${label}: records wait in the dead-letter queue`, 1, waiting);
    }
    for (const { label, metric } of props.deadLetterMetrics ?? []) {
      this.alarm(`${label}DeadLetterItems`, `${label}: a record was set aside as a dead letter`, 1, metric);
    }
  }

  private alarm(id: string, description: string, threshold: number, metric: IMetric): void {
    const alarm = new Alarm(this, id, {
      metric,
      alarmDescription: `KetNoi ${this.stageName}: ${description}`,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No traffic is not an outage.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
  }
}

import { Duration } from "aws-cdk-lib";
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  TreatMissingData,
} from "aws-cdk-lib/aws-cloudwatch";
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
  /** Who is emailed when an alarm fires (they confirm the subscription once). Required in production. */
  readonly alarmEmail?: string;
}

/** The namespace of the API's business metrics (EMF, functions/src/http/observability.ts). */
export const businessMetricsNamespace = "KetNoi";
/** Business metrics the API emits, one graph each on the dashboard. */
export const businessMetricNames = [
  "ApplicationSubmitted",
  "OfferMade",
  "BookingCreated",
  "PlacementRoundRun",
  "Http4xx",
  "Http5xx",
] as const;

const fiveMinutes = Duration.minutes(5);

/**
 * Alarms on what users would notice (API 5xx, failing or throttled functions) and on lost work (messages in a
 * dead-letter queue), all sent to one SNS topic.
 */
export class KetNoiMonitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly stageName: string;
  private readonly props: KetNoiMonitoringProps;

  constructor(scope: Construct, id: string, props: KetNoiMonitoringProps) {
    super(scope, id);
    const { stage } = props;
    this.stageName = stage.name;
    this.props = props;
    this.alarmTopic = new Topic(this, "AlarmTopic", { displayName: `KetNoi ${stage.name} alarms`, enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    // An alarm nobody receives is no alarm: production does not synthesize without a subscriber.
    const subscribed = !!props.alarmEmail;
    this.node.addValidation({
      validate: () =>
        stage.isProduction && !subscribed
          ? ["KetNoiMonitoring: production alarms need a subscriber: set KETNOI_ALARM_EMAIL (docs/deploy.md)."]
          : [],
    });

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

  /**
   * The operator's dashboard: API traffic, errors and latency, each function's errors and duration, the stream
   * consumer's lag and dead letters, the business metrics, and every alarm's state. Call after all alarms exist.
   */
  addDashboard(moreFunctions: KetNoiMonitoringProps["functions"] = [], moreAlarms: readonly Alarm[] = []): Dashboard {
    const props = { ...this.props, functions: [...this.props.functions, ...moreFunctions] };
    const period = fiveMinutes;
    const stageMetric = (metricName: string, statistic = "Sum") =>
      new Metric({
        namespace: "AWS/ApiGateway",
        metricName,
        dimensionsMap: { ApiId: props.api.httpApi.apiId, Stage: "$default" },
        statistic,
        period,
      });
    const business = (name: string) =>
      new Metric({
        namespace: businessMetricsNamespace,
        metricName: name,
        dimensionsMap: { service: "api", stage: this.stageName },
        statistic: "Sum",
        period,
      });
    const dashboard = new Dashboard(this, "Dashboard", { dashboardName: `KetNoi-${this.stageName}` });
    dashboard.addWidgets(
      new AlarmStatusWidget({ title: "Alarms", alarms: [...this.alarms, ...moreAlarms], width: 24, height: 4 }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: "API requests", left: [stageMetric("Count")], width: 8 }),
      new GraphWidget({ title: "API 4xx / 5xx", left: [stageMetric("4xx"), stageMetric("5xx")], width: 8 }),
      new GraphWidget({
        title: "API latency (p50, p99 ms)",
        left: [stageMetric("Latency", "p50"), stageMetric("Latency", "p99")],
        width: 8,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: "Function errors",
        left: props.functions.map(({ label, fn }) => fn.function.metricErrors({ period, label })),
        width: 8,
      }),
      new GraphWidget({
        title: "Function duration p99 (ms)",
        left: props.functions.map(({ label, fn }) => fn.function.metricDuration({ period, statistic: "p99", label })),
        width: 8,
      }),
      new GraphWidget({
        title: "Stream lag (ms) and dead letters",
        left: props.functions
          .filter(({ readsStream }) => readsStream)
          .map(({ label, fn }) => fn.function.metric("IteratorAge", { period, statistic: "Maximum", label })),
        right: props.deadLetterQueues.map(({ label, queue }) =>
          queue.metricApproximateNumberOfMessagesVisible({ period, statistic: "Maximum", label }),
        ),
        width: 8,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: "Marketplace: applications, offers, bookings, placement rounds",
        left: businessMetricNames.filter((n) => !n.startsWith("Http")).map(business),
        width: 12,
      }),
      new GraphWidget({
        title: "API answers by class (from the app, EMF)",
        left: [business("Http4xx"), business("Http5xx")],
        width: 12,
      }),
    );
    return dashboard;
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

import { RemovalPolicy } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";

/** What differs between the production stage and every other stage (dev, previews, a tester's own stage). */
export interface StageSettings {
  /** The stage name, as the API sees it in `STAGE`. */
  readonly name: string;
  /** `prod` only: data is retained, deletion-protected and point-in-time recoverable. */
  readonly isProduction: boolean;
  /** Stateful resources (table, user pool, bucket, logs): kept in production, removed with a dev stack. */
  readonly removalPolicy: RemovalPolicy;
  readonly logRetention: RetentionDays;
  /** API Gateway stage-wide throttling (steady requests per second and burst). */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * Concurrent executions reserved for each function (docs/deploy.md, Reserved concurrency): a ceiling, so one
   * runaway function cannot starve the others or the account, and a floor the others cannot take. Undefined on
   * disposable stages: a new account's limit is often 10, and Lambda refuses any reservation that would leave
   * fewer than 100 unreserved.
   */
  readonly reservedConcurrency?: {
    readonly api: number;
    /** The files function (/api/files/*): uploads, checks and download links are a small share of requests. */
    readonly files: number;
    readonly streamConsumer: number;
    readonly retention: number;
    readonly mfaClaim: number;
    readonly interviewJobs: number;
  };
}

/**
 * The settings of a stage. Names follow the API config's rule for STAGE (lowercase letters, digits, hyphens).
 * @example stageSettings("prod").removalPolicy // RemovalPolicy.RETAIN
 */
export function stageSettings(name: string): StageSettings {
  if (!/^[a-z0-9-]+$/.test(name)) {
    throw new Error(`Stage "${name}": use lowercase letters, digits and hyphens only (the API's STAGE rule).`);
  }
  if (name === "prod") {
    return {
      name,
      isProduction: true,
      removalPolicy: RemovalPolicy.RETAIN,
      logRetention: RetentionDays.THREE_MONTHS,
      // Province scale: ~100 req/s covers a job-fair peak with headroom; the burst absorbs page loads.
      apiThrottle: { rateLimit: 100, burstLimit: 200 },
      // API: 200 req/s burst × ~100 ms per request ≈ 20 busy instances; 100 covers slow DynamoDB moments.
      // The stream consumer runs one batch per shard (a few shards at this size); retention is one daily run;
      // the sign-in trigger sees a few sign-ins per second at most; CV uploads and downloads are a few per second
      // at a job fair; the interview job runs one at a time every 5 minutes. 137 of the default 1,000 per account.
      reservedConcurrency: { api: 100, files: 20, streamConsumer: 5, retention: 1, mfaClaim: 10, interviewJobs: 1 },
    };
  }
  return {
    name,
    isProduction: false,
    removalPolicy: RemovalPolicy.DESTROY,
    logRetention: RetentionDays.ONE_WEEK,
    apiThrottle: { rateLimit: 20, burstLimit: 40 },
  };
}

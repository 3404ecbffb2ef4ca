import { runRetention } from "./data/retention";
import { logger } from "./observability/logger";

/** Time kept back from the function's timeout: enough to finish the page in hand and write the run's record. */
const reserveMs = 30_000;

/**
 * The Lambda entry of the daily retention job (infra/retention.ts, an EventBridge schedule): removes non-hired
 * applicants' personal data once RETENTION_REJECTED_DAYS have passed since the decision (docs/privacy.md). It reads
 * only the data layer's variables. A run that nears the timeout stops as `partial`; the next run goes on, since
 * what is done has left the index. A failure throws, so the invocation counts as an error and the alarm fires.
 */
export async function handler(_event: unknown, context: { getRemainingTimeInMillis(): number }) {
  const report = await runRetention({
    trigger: "schedule",
    shouldStop: () => context.getRemainingTimeInMillis() < reserveMs,
  });
  // The report holds counts and ids, no personal data.
  if (report.complete) logger.info("retention run", { ...report });
  else logger.warn("retention run", { ...report });
  return report;
}

import { runInterviewJobs } from "./interviews/jobs";
import { logger } from "./observability/logger";

/**
 * The Lambda entry of the interview and offer job (infra/interview-jobs.ts, every 5 minutes): reminders 24 h and
 * 1 h before interviews, offers' last-day notices, and expiry of offers past their reply-by day. Idempotent, so
 * EventBridge's retries and overlapping runs notify once. A failure throws, so the alarm fires.
 */
export async function handler() {
  const report = await runInterviewJobs(new Date());
  // Counts only: no personal data.
  logger.info("interview job", { ...report });
  return report;
}

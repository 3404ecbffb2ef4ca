import { logger } from "../observability/logger";
import { runInterviewJobs } from "./jobs";

/** How often the interview and offer job runs: the schedule in deploy (infra/interview-jobs.ts) uses the same. */
export const interviewJobEveryMinutes = 5;

/**
 * `npm start`'s stand-in for the deploy schedule: runs the job at start and every 5 minutes, one run at a time
 * (the job is idempotent, so an overlap would only waste reads). Returns the function that stops it.
 * @example const stop = startInterviewJobTimer(); … await stop();
 */
export function startInterviewJobTimer(everyMs = interviewJobEveryMinutes * 60_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() =>
      runInterviewJobs().catch((error: unknown) => logger.warn("interview job failed", { error: String(error) })),
    );
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

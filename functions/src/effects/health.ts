import { countDeadLetters, streamStatus } from "../data/stream-health";

/** Beyond these the stream consumer is reported degraded (any dead letter waits for an operator). */
export const streamLimits = { maxLagSeconds: 60, maxDeadLetters: 0 };

/** The stream consumer as /api/health reports it. */
export interface StreamHealth {
  status: "ok" | "degraded";
  /** Age of the oldest record still waiting (0 when none is). */
  lagSeconds: number;
  lastProcessedAt: string | null;
  deadLetters: number;
}

/** Reads the consumer's status item and counts dead letters (two small reads). */
export async function streamHealth(now: Date = new Date()): Promise<StreamHealth> {
  const [status, deadLetters] = await Promise.all([streamStatus(), countDeadLetters()]);
  const pendingSince = status?.pendingSince ? Date.parse(status.pendingSince) : undefined;
  const lagSeconds = pendingSince === undefined ? 0 : Math.max(0, Math.round((now.getTime() - pendingSince) / 1000));
  const degraded = lagSeconds > streamLimits.maxLagSeconds || deadLetters > streamLimits.maxDeadLetters;
  return {
    status: degraded ? "degraded" : "ok",
    lagSeconds,
    lastProcessedAt: status?.lastProcessedAt ?? null,
    deadLetters,
  };
}

import { runDailyDigest } from "./digest";

/**
 * The daily digest's Lambda entry, invoked by EventBridge Scheduler once a day (infra/mail.ts). A failed user is
 * logged and left for the next run; the run itself fails only when the table cannot be read.
 */
export const handler = async () => runDailyDigest();

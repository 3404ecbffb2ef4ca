import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../http/errors";
import { guard } from "./guard";

/** What ElectroDB's `transaction.write(...).go()` returns: `canceled` with one reason per item when it failed. */
interface TransactionOutcome {
  canceled: boolean;
  data: ReadonlyArray<{ rejected?: boolean; code?: string }>;
}

const maxAttempts = 12;

/**
 * Runs a TransactWriteItems and returns the index of the first item whose condition failed, or -1 when it
 * committed. DynamoDB cancels a transaction with `TransactionConflict` when another transaction touches one of
 * its items at the same moment; that says nothing about our conditions, so it is retried after a short random
 * pause (jitter spreads the concurrent writers out) until a condition decides or the attempts run out (503).
 * @example const failed = await transactWithRetry(() => db().transaction.write(build).go()); // -1: committed
 */
export async function transactWithRetry(write: () => Promise<TransactionOutcome>): Promise<number> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const outcome = await guard(write);
    if (!outcome.canceled) return -1;
    const failed = outcome.data.findIndex((reason) => reason.code === "ConditionalCheckFailed");
    if (failed >= 0) return failed;
    if (!outcome.data.some((reason) => reason.code === "TransactionConflict")) {
      throw new Error(`transaction canceled: ${outcome.data.map((reason) => reason.code).join(", ")}`);
    }
    await sleep(Math.random() * 10 * attempt);
  }
  throw new AppError("database_unavailable", "Hệ thống đang bận xử lý yêu cầu khác; vui lòng thử lại.");
}

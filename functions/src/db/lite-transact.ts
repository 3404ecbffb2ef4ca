// The package specifier, as db/lite.ts: the lean bundles alias it to the fetch transport (infra/function.ts).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import { dataConfig } from "../config";
import type { WriteItem } from "./lite-writes";
import type { LiteTransport } from "./transport";

/**
 * What a transaction came to, in the shape of ElectroDB's `transaction.write(...).go()` (so `transactWithRetry`,
 * data/transact.ts, reads both alike): `canceled` with one reason per item, in the items' order, when DynamoDB
 * cancelled it — `code` "None" for an item that was fine, "ConditionalCheckFailed", "TransactionConflict"…
 */
export interface TransactionOutcome {
  canceled: boolean;
  data: { rejected: boolean; code: string; message?: string }[];
}

/**
 * Runs several writes as one TransactWriteItems over the lite data path (issue 14): the entries built by
 * `liteWrites(model)` (lite-writes.ts), in ElectroDB's stored format. A cancellation is an outcome, as ElectroDB
 * reports it, not an error; other failures (an unreachable database) are thrown for `guard` to map.
 * @example const failed = await transactWithRetry(() => transactWrite([writes.delete(key), writes.create(copy)]));
 */
export async function transactWrite(
  items: readonly WriteItem[],
  transport: () => LiteTransport = liteTransport,
): Promise<TransactionOutcome> {
  if (items.length === 0) return { canceled: false, data: [] };
  const table = dataConfig().TABLE_NAME;
  for (const item of items) {
    const target = item.Put ?? item.Delete ?? item.Update ?? item.ConditionCheck;
    if (target?.TableName !== table)
      throw new Error(`lite: a transaction item for another table (${target?.TableName})`);
  }
  try {
    await transport().transactWrite({ TransactItems: [...items] });
    return { canceled: false, data: items.map(() => ({ rejected: false, code: "None" })) };
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string; Message?: string }[] }).CancellationReasons;
    if (!reasons) throw error;
    return {
      canceled: true,
      data: reasons.map(({ Code, Message }) => ({
        rejected: (Code ?? "None") !== "None",
        code: Code ?? "None",
        message: Message,
      })),
    };
  }
}

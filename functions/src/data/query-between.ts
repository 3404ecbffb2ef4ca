// The package specifier, as db/lite.ts: the lean bundles alias it to the fetch transport (infra/function.ts).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import { dataConfig } from "../config";
import { fromStoredItem, owns, queryKeys } from "../db/lite";
import type { defineModel } from "../db/models/define";
import type { LiteTransport } from "../db/transport";

type Model = ReturnType<typeof defineModel>;
type Attrs = Record<string, unknown>;

/**
 * The model's items on one index whose sort key lies between two keys, both included, every page (ElectroDB's
 * `query.<index>(pk).between(start, end).go({ pages: "all" })`, which db/lite.ts's `query` does not offer): the
 * partition from `partition`, the sort key's bounds built from `partition` with `start`, then `end`, as ElectroDB
 * builds them (lower-cased, labelled). Only this entity's items, in ElectroDB's returned shape.
 * @example await queryBetween(interviewModel, "byStart", { status: "scheduled" }, { startsAt: a }, { startsAt: b });
 */
export async function queryBetween<Item>(
  model: Model,
  accessPattern: string,
  partition: Attrs,
  start: Attrs,
  end: Attrs,
  transport: () => LiteTransport = liteTransport,
): Promise<Item[]> {
  const low = queryKeys(model, accessPattern, { ...partition, ...start });
  const high = queryKeys(model, accessPattern, { ...partition, ...end });
  const { index } = low;
  if (!index.sk || low.sk === undefined || high.sk === undefined) {
    throw new Error(`queryBetween: ${model.model.entity}.${accessPattern} has no sort key`);
  }
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await transport().query({
      TableName: dataConfig().TABLE_NAME,
      IndexName: index.index,
      KeyConditionExpression: "#pk = :pk AND #sk1 BETWEEN :sk1 AND :sk2",
      ExpressionAttributeNames: { "#pk": index.pk.field, "#sk1": index.sk.field },
      ExpressionAttributeValues: { ":pk": low.pk, ":sk1": low.sk, ":sk2": high.sk },
      ExclusiveStartKey: startKey,
    });
    for (const stored of output.Items ?? []) {
      if (owns(model, stored)) items.push(fromStoredItem(model, stored) as Item);
    }
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return items;
}

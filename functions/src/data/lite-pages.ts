// The package specifier, as db/lite.ts: the lean bundles alias it to the fetch transport (infra/function.ts).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import type { Entity, EntityItem } from "electrodb";
import { dataConfig } from "../config";
import { fromStoredItem, keyCondition, owns, planOf, tableKey } from "../db/lite";
import type { defineModel } from "../db/models/define";
import type { LiteTransport } from "../db/transport";

/**
 * A page below a sort key (a thread's older messages), as the messaging module read it through ElectroDB, over the
 * lite data path (issue 14). Pages by cursor are db/lite-pages.ts's `queryPage` (the audit log's too).
 * lite-pages.test.ts holds both to ElectroDB's on the same items.
 */

type Model = ReturnType<typeof defineModel>;
// biome-ignore lint/suspicious/noExplicitAny: any ElectroDB entity, for its item type only.
type AnyEntity = Entity<any, any, any, any>;
type Attrs = Record<string, unknown>;

/**
 * One Query of at most `limit` items (DynamoDB's Limit, evaluated before the entity's items are kept, as ElectroDB's
 * `limit` with its default single page) on the table index, those whose sort key is below the item `below` names, or
 * from the end when absent: ElectroDB's `query…lt(below).go({ order, limit })`.
 */
export async function queryBelow<E extends AnyEntity>(
  model: Model,
  accessPattern: string,
  composites: Partial<EntityItem<E>>,
  below: Partial<EntityItem<E>> | undefined,
  options: { limit: number; order?: "asc" | "desc" },
  transport: () => LiteTransport = liteTransport,
): Promise<EntityItem<E>[]> {
  const condition = keyCondition(model, accessPattern, composites as Attrs);
  const { main } = planOf(model);
  if (condition.index !== main || !main.sk) throw new Error(`lite: ${accessPattern} is not the table index`);
  if (below) {
    const key = tableKey(model, { ...(composites as Attrs), ...(below as Attrs) });
    condition.names["#sk1"] = main.sk.field;
    condition.values[":sk1"] = key[main.sk.field];
    condition.expression = "#pk = :pk AND #sk1 < :sk1";
  }
  const output = await transport().query({
    TableName: dataConfig().TABLE_NAME,
    KeyConditionExpression: condition.expression,
    ExpressionAttributeNames: condition.names,
    ExpressionAttributeValues: condition.values,
    ScanIndexForward: options.order !== "desc",
    Limit: options.limit,
  });
  return (output.Items ?? [])
    .filter((stored) => owns(model, stored))
    .map((s) => fromStoredItem(model, s) as EntityItem<E>);
}

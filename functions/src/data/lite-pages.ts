// The package specifier, as db/lite.ts: the lean bundles alias it to the fetch transport (infra/function.ts).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import type { Entity, EntityItem } from "electrodb";
import { dataConfig } from "../config";
import { fromStoredItem, keyCondition, owns, planOf, tableKey } from "../db/lite";
import { decodeCursor, encodeCursor } from "../db/lite-cursor";
import type { defineModel } from "../db/models/define";
import type { LiteTransport } from "../db/transport";

/**
 * The two page-shaped reads the insights and messaging modules made through ElectroDB, over the lite data path
 * (issue 14) with ElectroDB's own request and result: a page by cursor (the audit log) and a page below a sort key
 * (a thread's older messages). db/lite.ts's `query` reads whole results only; these belong there once another
 * module needs them. lite-pages.test.ts holds both to ElectroDB's on the same items.
 */

type Model = ReturnType<typeof defineModel>;
// biome-ignore lint/suspicious/noExplicitAny: any ElectroDB entity, for its item type only.
type AnyEntity = Entity<any, any, any, any>;
type Attrs = Record<string, unknown>;

/** The key fields of an index's start key, as ElectroDB keeps them (`_trimKeysToIndex`): the table's, then the index's. */
function keyFields(model: Model, index: string | undefined): string[] {
  const { main, indexes } = planOf(model);
  const plans = index === undefined ? [main] : [main, indexes.find((i) => i.index === index)!];
  return [...new Set(plans.flatMap((p) => [p.pk.field, ...(p.sk ? [p.sk.field] : [])]))];
}

const pick = (item: Attrs, fields: readonly string[]) =>
  Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]]));

/**
 * Up to `count` of the entity's items on an index from `cursor`, and the cursor of the next page, as ElectroDB's
 * `query…go({ count, cursor })`: pages are read until `count` owned items; when `count` is reached the cursor is the
 * last item's key (even if nothing follows), else the last page's LastEvaluatedKey, null at the end.
 */
export async function queryByCursor<E extends AnyEntity>(
  model: Model,
  accessPattern: string,
  composites: Partial<EntityItem<E>>,
  options: { count: number; order?: "asc" | "desc"; cursor?: string | null },
  transport: () => LiteTransport = liteTransport,
): Promise<{ data: EntityItem<E>[]; cursor: string | null }> {
  const { index, names, values, expression } = keyCondition(model, accessPattern, composites as Attrs);
  const fields = keyFields(model, index.index);
  let start = options.cursor ? pick(decodeCursor(options.cursor), fields) : undefined;
  if (start && Object.keys(start).length === 0) start = undefined;
  const data: EntityItem<E>[] = [];
  do {
    const output = await transport().query({
      TableName: dataConfig().TABLE_NAME,
      IndexName: index.index,
      KeyConditionExpression: expression,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: options.order !== "desc",
      ExclusiveStartKey: start,
    });
    start = output.LastEvaluatedKey;
    for (const stored of output.Items ?? []) {
      if (!owns(model, stored)) continue;
      data.push(fromStoredItem(model, stored) as EntityItem<E>);
      if (data.length === options.count) return { data, cursor: encodeCursor(pick(stored, fields)) };
    }
  } while (start);
  return { data, cursor: null };
}

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

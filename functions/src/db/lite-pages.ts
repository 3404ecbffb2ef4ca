// The package specifier, as db/lite.ts: the lean bundles alias it to the fetch transport (infra/function.ts).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import type { Entity, EntityItem } from "electrodb";
import { dataConfig } from "../config";
import { fromStoredItem, keyCondition, owns, planOf, type QueryOptions, queryKeys } from "./lite";
import { decodeCursor, encodeCursor } from "./lite-cursor";
import type { defineModel } from "./models/define";
import type { LiteTransport } from "./transport";

type Model = ReturnType<typeof defineModel>;
// biome-ignore lint/suspicious/noExplicitAny: any ElectroDB entity, for its item type only.
type AnyEntity = Entity<any, any, any, any>;
type Attrs = Record<string, unknown>;

/** What a page asks for: ElectroDB's `count`, `order`, `cursor`, and a `where` evaluated here (lite.ts `filter`). */
export interface PageOptions {
  count: number;
  order?: QueryOptions["order"];
  cursor?: string | null;
  filter?: QueryOptions["filter"];
}

/** The cursor's key, as ElectroDB's `_trimKeysToIndex`: only the index's and the table's keys go to DynamoDB. */
const trimmed = (cursor: string, fields: readonly string[]): Attrs => {
  const key = decodeCursor(cursor);
  return Object.fromEntries(fields.map((field) => [field, key[field]]));
};

/**
 * One page of an entity's items on an index, as ElectroDB's `query.<index>(…).where(…).go({ count, order, cursor })`
 * returns it (issue 14: the lite data path has no pages of its own): up to `count` items kept by `filter`, read over
 * as many DynamoDB pages as that takes; when `count` are found, a cursor built from the last one's keys (index keys
 * first, then the table's, as ElectroDB's `_formatSuppliedPager`), else `null`.
 * @example const { data, cursor } = await queryPage<ListingEntity>(listingModel, "byStatus", { status }, { count: 20 });
 */
export async function queryPage<E extends AnyEntity>(
  model: Model,
  accessPattern: string,
  composites: Partial<EntityItem<E>>,
  options: PageOptions,
  transport: () => LiteTransport = liteTransport,
): Promise<{ data: EntityItem<E>[]; cursor: string | null }> {
  const { index } = queryKeys(model, accessPattern, composites as Attrs);
  const { main } = planOf(model);
  const keyFields = [
    index.pk.field,
    index.sk?.field,
    ...(index === main ? [] : [main.pk.field, main.sk?.field]),
  ].filter((field): field is string => field !== undefined);
  const { names, values, expression: condition } = keyCondition(model, accessPattern, composites as Attrs);
  const items: EntityItem<E>[] = [];
  let start = options.cursor ? trimmed(options.cursor, keyFields) : undefined;
  do {
    const output = await transport().query({
      TableName: dataConfig().TABLE_NAME,
      IndexName: index.index,
      KeyConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: options.order !== "desc",
      ExclusiveStartKey: start,
    });
    for (const stored of output.Items ?? []) {
      if (!owns(model, stored)) continue;
      const data = fromStoredItem(model, stored);
      if (options.filter && !options.filter(data)) continue;
      items.push(data as EntityItem<E>);
      if (items.length >= options.count) {
        return { data: items, cursor: encodeCursor(Object.fromEntries(keyFields.map((f) => [f, stored[f]]))) };
      }
    }
    start = output.LastEvaluatedKey;
  } while (start);
  return { data: items, cursor: null };
}

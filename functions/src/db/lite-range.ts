// The package specifier, as db/lite.ts: the lean bundles alias it to the fetch transport (infra/function.ts).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import type { Entity, EntityItem } from "electrodb";
import { dataConfig } from "../config";
import { fromStoredItem, owns, queryKeys } from "./lite";
import { decodeCursor, encodeCursor } from "./lite-cursor";
import type { defineModel } from "./models/define";
import type { LiteTransport } from "./transport";

type Model = ReturnType<typeof defineModel>;
// biome-ignore lint/suspicious/noExplicitAny: any ElectroDB entity, for its item type only.
type AnyEntity = Entity<any, any, any, any>;

/**
 * A sort-key range, each bound with every sort-key composite (ElectroDB's `.lt(…)`, `.between(…, …)`). Bounds are
 * plain records: a composite may be a hidden attribute, which the entity's item type leaves out (`statusAt`).
 */
type Bound = Record<string, unknown>;
export type SortRange = { lt: Bound } | { between: readonly [Bound, Bound] };

export interface RangeOptions {
  /**
   * One DynamoDB page of at most `limit` items read, from `cursor` (ElectroDB's `go({ limit, cursor })`); every page
   * when absent (`go({ pages: "all" })`).
   */
  page?: { limit: number; cursor?: string | null | undefined };
  consistent?: boolean;
}

/**
 * The lite data path's range query (issue 14): an entity's items in one index partition whose sort key is below a
 * value or between two, with ElectroDB's key condition (`#sk1 < :sk1`, `#sk1 BETWEEN :sk1 AND :sk2` on the keys it
 * builds), its ownership filter and its cursor format, so a cursor either wrote continues on the other.
 * `lite-range.test.ts` holds the query to ElectroDB's `.params()` and its pages to ElectroDB's on DynamoDB Local.
 * @example const { data } = await queryRange<OfferEntity>(offerModel, "byReplyBy", { status: "open" }, { lt: { replyBy } });
 */
export async function queryRange<E extends AnyEntity>(
  model: Model,
  accessPattern: string,
  composites: Partial<EntityItem<E>>,
  range: SortRange,
  options: RangeOptions = {},
  client: () => LiteTransport = liteTransport,
): Promise<{ data: EntityItem<E>[]; cursor: string | null }> {
  const bounds = "lt" in range ? [range.lt] : [...range.between];
  const keys = bounds.map((bound) => queryKeys(model, accessPattern, { ...composites, ...bound }));
  const { index, pk } = keys[0]!;
  if (!index.sk || keys.some((k) => !k.exact)) {
    throw new Error(`lite: a range on ${accessPattern} needs every sort-key composite in each bound`);
  }
  const values: Record<string, unknown> = { ":pk": pk };
  keys.forEach((k, i) => {
    values[`:sk${i + 1}`] = k.sk;
  });
  const input = {
    TableName: dataConfig().TABLE_NAME,
    IndexName: index.index,
    KeyConditionExpression: "lt" in range ? "#pk = :pk and #sk1 < :sk1" : "#pk = :pk and #sk1 BETWEEN :sk1 AND :sk2",
    ExpressionAttributeNames: { "#pk": index.pk.field, "#sk1": index.sk.field },
    ExpressionAttributeValues: values,
    ConsistentRead: options.consistent,
    Limit: options.page?.limit,
  };
  const data: EntityItem<E>[] = [];
  let start = options.page?.cursor ? decodeCursor(options.page.cursor) : undefined;
  do {
    const output = await client().query({ ...input, ExclusiveStartKey: start });
    for (const stored of output.Items ?? []) {
      if (owns(model, stored)) data.push(fromStoredItem(model, stored) as EntityItem<E>);
    }
    start = output.LastEvaluatedKey;
  } while (start && !options.page);
  return { data, cursor: encodeCursor(start) };
}

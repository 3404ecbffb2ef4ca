import type { TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
// The package specifier, as db/lite.ts: the lean bundles alias it to the fetch transport (infra/function.ts).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import type { Entity, EntityItem } from "electrodb";
import { dataConfig } from "../config";
import { type Condition, entityField, fromStoredItem, planOf, tableKey, toStoredItem, versionField } from "./lite";
import type { defineModel } from "./models/define";
import type { LiteTransport } from "./transport";

/**
 * The lite data path's writes beyond lite.ts's put/patch/delete (issue 14): a conditional `create`, a `put` or
 * `delete` under a condition, an `update` (SET, ADD, REMOVE) as ElectroDB's `patch` (the item must exist) or `update`
 * (an upsert), and many deletes in batches. Each write is first built as one TransactWriteItems entry, in
 * ElectroDB's format from the same model; `send` runs it alone as its own command, `transactWrite` (lite-transact.ts)
 * several at once. `lite-transact.test.ts` holds the entries to ElectroDB's own params and stored items.
 */

type Model = ReturnType<typeof defineModel>;
// biome-ignore lint/suspicious/noExplicitAny: any ElectroDB entity, for its item type only.
type AnyEntity = Entity<any, any, any, any>;
type Attrs = Record<string, unknown>;

/** One TransactWriteItems entry (DocumentClient form). */
export type WriteItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** What an update changes: attributes set, numbers added to, attributes removed. */
export interface Change<Item> {
  set?: Partial<Item>;
  add?: Partial<Record<keyof Item, number>>;
  remove?: readonly (keyof Item & string)[];
}

/**
 * A condition that each attribute equals its value (ElectroDB's `where((a, op) => op.eq(a.x, v) AND …)`), under
 * the attributes' stored field names. Its placeholders (`#w…`, `:w…`) meet none the writes use.
 */
export function whereEquals(model: Model, values: Attrs): Condition {
  const { fieldOf } = planOf(model);
  const names: Record<string, string> = {};
  const bound: Record<string, unknown> = {};
  const terms = Object.entries(values).map(([name, value], i) => {
    names[`#w${i}`] = fieldOf.get(name) ?? name;
    bound[`:w${i}`] = value;
    return `#w${i} = :w${i}`;
  });
  return { expression: terms.join(" AND "), names, values: bound };
}

interface ConditionParams {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

function withCondition(condition: Condition | undefined, base?: Condition): ConditionParams {
  const parts = [base, condition].filter((c): c is Condition => !!c?.expression);
  if (parts.length === 0) return {};
  const names = Object.assign({}, ...parts.map((c) => c.names));
  const values = Object.assign({}, ...parts.map((c) => c.values));
  return {
    ConditionExpression:
      parts.length === 1 ? parts[0]!.expression : parts.map((c) => `(${c.expression})`).join(" AND "),
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}

/** ElectroDB's `create` condition: no item under the table key yet. */
function notExists(model: Model): Condition {
  const { main } = planOf(model);
  const names: Record<string, string> = { "#pk": main.pk.field };
  let expression = "attribute_not_exists(#pk)";
  if (main.sk) {
    names["#sk"] = main.sk.field;
    expression += " AND attribute_not_exists(#sk)";
  }
  return { expression, names };
}

/** ElectroDB's `patch` condition: the item exists. */
function exists(model: Model): Condition {
  const { main } = planOf(model);
  const names: Record<string, string> = { "#pk": main.pk.field };
  let expression = "attribute_exists(#pk)";
  if (main.sk) {
    names["#sk"] = main.sk.field;
    expression += " AND attribute_exists(#sk)";
  }
  return { expression, names };
}

/**
 * Refuses an update the builder would not write as ElectroDB does: an attribute in a key (ElectroDB re-keys the
 * indexes), read-only, with a setter, or watched by another's setter, or any update of a model with a conditional
 * index (ElectroDB re-evaluates the condition on updates). Those stay on ElectroDB (db/service.ts).
 */
function assertPlainUpdate(model: Model, names: readonly string[]) {
  const plan = planOf(model);
  const attributes = model.attributes as Record<string, Attrs>;
  if (plan.indexes.some((i) => i.condition)) throw new Error(`lite: ${plan.entity} has a conditional index`);
  for (const name of names) {
    const attribute = attributes[name];
    const keyed = plan.indexes.some((i) => [...i.pk.labels, ...(i.sk?.labels ?? [])].some((l) => l.name === name));
    const watched = Object.values(attributes).some((a) =>
      Array.isArray(a.watch) ? a.watch.includes(name) : a.watch === "*",
    );
    if (!attribute || keyed || attribute.readOnly || typeof attribute.set === "function" || watched) {
      throw new Error(`lite: ${plan.entity}.${name} cannot be updated on the lite path`);
    }
  }
}

/**
 * The writes of one model as TransactWriteItems entries, typed like ElectroDB's entity `E` (a type-only import).
 * @example await send(liteWrites<UserEntity>(userModel).create(user));
 */
export function liteWrites<E extends AnyEntity>(model: Model) {
  type Item = EntityItem<E>;
  const table = () => dataConfig().TABLE_NAME;
  const update = (key: Partial<Item>, change: Change<Item>, base: Condition | undefined, condition?: Condition) => {
    const set = Object.entries((change.set ?? {}) as Attrs).filter(([, value]) => value !== undefined);
    const add = Object.entries((change.add ?? {}) as Attrs).filter(([, value]) => value !== undefined);
    const remove = change.remove ?? [];
    assertPlainUpdate(model, [...set, ...add].map(([name]) => name).concat(remove));
    const { main, fieldOf, entity, version } = planOf(model);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const field = (n: number, name: string) => {
      names[`#u${n}`] = name;
      return `#u${n}`;
    };
    let n = 0;
    const sets: string[] = [];
    const assign = (fieldName: string, value: unknown) => {
      const i = n++;
      values[`:u${i}`] = value;
      sets.push(`${field(i, fieldName)} = :u${i}`);
    };
    for (const [name, value] of set) assign(fieldOf.get(name)!, value);
    // As ElectroDB's update: the table key's composites and the identifiers, so an upsert writes a whole item.
    const keyFields = new Set([main.pk.field, main.sk?.field]);
    for (const { name } of [...main.pk.labels, ...(main.sk?.labels ?? [])]) {
      const stored = fieldOf.get(name);
      if (name && stored && !keyFields.has(stored) && (key as Attrs)[name] !== undefined) {
        assign(stored, (key as Attrs)[name]);
      }
    }
    assign(entityField, entity);
    assign(versionField, version);
    const adds = add.map(([name, value]) => {
      const i = n++;
      values[`:u${i}`] = value;
      return `${field(i, fieldOf.get(name)!)} :u${i}`;
    });
    const removes = remove.map((name) => field(n++, fieldOf.get(name)!));
    const clauses = [`SET ${sets.join(", ")}`];
    if (adds.length) clauses.push(`ADD ${adds.join(", ")}`);
    if (removes.length) clauses.push(`REMOVE ${removes.join(", ")}`);
    const guarded = withCondition(condition, base);
    return {
      Update: {
        TableName: table(),
        Key: tableKey(model, key as Attrs),
        UpdateExpression: clauses.join(" "),
        ...guarded,
        ExpressionAttributeNames: { ...guarded.ExpressionAttributeNames, ...names },
        ExpressionAttributeValues: { ...guarded.ExpressionAttributeValues, ...values },
      },
    } satisfies WriteItem;
  };
  return {
    model,
    /** Writes the whole item (ElectroDB's `put`), under an optional condition. */
    put: (item: Item, condition?: Condition): WriteItem => ({
      Put: { TableName: table(), Item: toStoredItem(model, item as Attrs), ...withCondition(condition) },
    }),
    /** Writes a new item; refused (ConditionalCheckFailed) when one exists under its key (ElectroDB's `create`). */
    create: (item: Item): WriteItem => ({
      Put: {
        TableName: table(),
        Item: toStoredItem(model, item as Attrs),
        ...withCondition(undefined, notExists(model)),
      },
    }),
    delete: (key: Partial<Item>, condition?: Condition): WriteItem => ({
      Delete: { TableName: table(), Key: tableKey(model, key as Attrs), ...withCondition(condition) },
    }),
    /** Changes an existing item (ElectroDB's `patch`): refused when there is none. */
    patch: (key: Partial<Item>, change: Change<Item>, condition?: Condition): WriteItem =>
      update(key, change, exists(model), condition),
    /** Changes the item, creating it when absent (ElectroDB's `update`: an upsert). */
    update: (key: Partial<Item>, change: Change<Item>, condition?: Condition): WriteItem =>
      update(key, change, undefined, condition),
  };
}

/**
 * Runs one write alone (PutItem, DeleteItem, UpdateItem); errors are the DocumentClient's (`guard` maps them). An
 * update may return the item as written (`all_new`), in ElectroDB's returned shape.
 */
export async function send(
  write: WriteItem,
  options: { returnNew?: Model } = {},
  transport: () => LiteTransport = liteTransport,
): Promise<Attrs | undefined> {
  if (write.Put) await transport().put(write.Put);
  else if (write.Delete) await transport().delete(write.Delete);
  else if (write.Update) {
    const model = options.returnNew;
    const output = await transport().update({ ...write.Update, ...(model ? { ReturnValues: "ALL_NEW" } : {}) });
    if (model && output.Attributes) return fromStoredItem(model, output.Attributes);
  } else throw new Error("lite: a ConditionCheck runs only in a transaction");
  return undefined;
}

/**
 * Deletes many items of one model by key (BatchWriteItem, 25 a call), retrying what DynamoDB leaves unprocessed with
 * a growing pause; returns the keys still unprocessed after `attempts` (ElectroDB's batch delete `unprocessed`).
 */
export async function deleteMany(
  model: Model,
  keys: readonly Attrs[],
  attempts = 5,
  transport: () => LiteTransport = liteTransport,
): Promise<Record<string, unknown>[]> {
  const table = dataConfig().TABLE_NAME;
  const left: Record<string, unknown>[] = [];
  for (let i = 0; i < keys.length; i += 25) {
    let batch = keys.slice(i, i + 25).map((key) => ({ DeleteRequest: { Key: tableKey(model, key) } }));
    for (let attempt = 0; batch.length > 0 && attempt < attempts; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 1000)));
      const output = await transport().batchWrite({ RequestItems: { [table]: batch } });
      batch = (output.UnprocessedItems?.[table] ?? []) as typeof batch;
    }
    left.push(...batch.map((request) => request.DeleteRequest.Key));
  }
  return left;
}

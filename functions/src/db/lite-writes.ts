import type { TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
// The package specifier, as db/lite.ts: the lean bundles alias it to the fetch transport (infra/function.ts).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import type { Entity, EntityItem } from "electrodb";
import { dataConfig } from "../config";
import {
  buildKey,
  type Condition,
  entityField,
  fromStoredItem,
  planOf,
  storedValue,
  tableKey,
  toStoredItem,
  versionField,
} from "./lite";
import { joined, placeholders } from "./lite-expressions";
import type { defineModel } from "./models/define";
import type { LiteTransport } from "./transport";

/**
 * The lite data path's writes beyond lite.ts's put/patch/delete (issue 14): a conditional `create`, a `put` or
 * `delete` under a condition, an `update` (SET, ADD, REMOVE) as ElectroDB's `patch` (the item must exist) or `update`
 * (an upsert), and many deletes in batches. Each write is first built as one TransactWriteItems entry, in
 * ElectroDB's format from the same model; `send` runs it alone as its own command, `transactWrite` (lite-transact.ts)
 * several at once. An update changes any attribute ElectroDB's does, re-keying indexes (conditional ones too) and
 * running setters and watchers as it does, and refuses what it refuses (`LiteUpdateError`, its code and message).
 * `lite-transact.test.ts` holds the entries to ElectroDB's own params (for every model, over every attribute) and
 * the items its updates leave on DynamoDB Local. Every expression's placeholders come from lite-expressions.ts, the
 * data modules' conditions (`condition`, `whereEquals`) too.
 */

type Model = ReturnType<typeof defineModel>;
// biome-ignore lint/suspicious/noExplicitAny: any ElectroDB entity, for its item type only.
type AnyEntity = Entity<any, any, any, any>;
type Attrs = Record<string, unknown>;

/** One TransactWriteItems entry (DocumentClient form). */
export type WriteItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * What an update changes: attributes set, numbers added to, attributes removed, items appended to lists (ElectroDB's
 * `.append()`: `list_append(if_not_exists(list, []), items)`, so a timeline grows from what is stored, not from what
 * was read), and `composite`: ElectroDB's `.composite()`, values of index composites the update does not change but
 * needs to re-key an index (an organisation's `createdAt` for its verification queue), each also a condition that the
 * item still holds it.
 */
export interface Change<Item> {
  set?: Partial<Item>;
  add?: Partial<Record<keyof Item, number>>;
  remove?: readonly (keyof Item & string)[];
  append?: { [Name in keyof Item]?: NonNullable<Item[Name]> extends readonly unknown[] ? Item[Name] : never };
  composite?: Partial<Item>;
}

/** How a condition names an attribute and binds a value, as ElectroDB's `where((attr, op) => …)` does. */
export interface ConditionTerms {
  /** The attribute's placeholder (its stored field name behind it). */
  attr: (name: string) => string;
  /** A value's placeholder. */
  value: (value: unknown) => string;
}

/** The stored field of a model's attribute; an attribute the model does not declare is refused. */
function declaredField(model: Model, name: string, caller: string): string {
  const field = planOf(model).fieldOf.get(name);
  if (field === undefined) throw new Error(`${caller}: ${model.model.entity} has no attribute ${name}`);
  return field;
}

/**
 * A write's condition over a model's attributes, in DynamoDB's syntax: what the ElectroDB `where` clauses of the
 * work modules (applications, bookings, interviews, offers, CV files) said, e.g.
 * `attribute_not_exists(status) OR status = "withdrawn"`. Its placeholders are `#c_<attribute>` and `:c<n>`.
 * @example condition(bookingModel, ({ attr, value }) => `attribute_not_exists(${attr("status")}) OR ${attr("status")} = ${value("cancelled")}`)
 */
export function condition(model: Model, build: (terms: ConditionTerms) => string): Condition {
  const terms = placeholders("c");
  return terms.condition(
    build({
      attr: (name) => terms.name(declaredField(model, name, "condition"), `_${name}`),
      value: (v) => terms.value(v),
    }),
  );
}

/** The item has no such attribute (ElectroDB's `op.notExists`), or it equals `value`: a slot free to take again. */
export const absentOrEqual = (model: Model, name: string, bound: unknown): Condition =>
  condition(model, ({ attr, value }) => `attribute_not_exists(${attr(name)}) OR ${attr(name)} = ${value(bound)}`);

/**
 * A condition that each attribute equals its value (ElectroDB's `where((a, op) => op.eq(a.x, v) AND …)`), under the
 * attributes' stored field names (a name the model does not declare is taken as the field). Placeholders `#w<n>`,
 * `:w<n>`.
 */
export function whereEquals(model: Model, values: Attrs): Condition {
  const { fieldOf } = planOf(model);
  const terms = placeholders("w");
  return terms.condition(
    Object.entries(values)
      .map(([name, value]) => `${terms.name(fieldOf.get(name) ?? name)} = ${terms.value(value)}`)
      .join(" AND "),
  );
}

interface ConditionParams {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

function withCondition(condition: Condition | undefined, base?: Condition): ConditionParams {
  const parts = [base, condition].filter((c): c is Condition => !!c?.expression);
  if (parts.length === 0) return {};
  const names = joined(...parts.map((c) => c.names));
  const values = joined(...parts.map((c) => c.values));
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

/**
 * ElectroDB's `patch` condition: the item exists; and, patch or update, that it holds the composites given
 * (`.composite()` adds `op.eq` of each to the same group, clauses.js).
 */
function exists(model: Model, mustExist: boolean, composite: Attrs): Condition | undefined {
  const { main, fieldOf } = planOf(model);
  const composites = placeholders("k");
  const terms = Object.entries(composite).map(
    ([name, v]) => `${composites.name(fieldOf.get(name)!)} = ${composites.value(v)}`,
  );
  if (!mustExist) return terms.length ? composites.condition(terms.join(" AND ")) : undefined;
  const names: Record<string, string> = { "#pk": main.pk.field };
  let expression = "attribute_exists(#pk)";
  if (main.sk) {
    names["#sk"] = main.sk.field;
    expression += " AND attribute_exists(#sk)";
  }
  if (!terms.length) return { expression, names };
  return {
    expression: [expression, ...terms].join(" AND "),
    names: joined(names, composites.names),
    values: composites.values,
  };
}

/**
 * ElectroDB's refusal of an update, with its code (2002 incomplete composites, 2012 a conditional index's composites
 * given in part, 3001 an attribute that cannot be changed) and its message (without ElectroDB's help link).
 */
export class LiteUpdateError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "LiteUpdateError";
  }
}

type Plan = ReturnType<typeof planOf>;
type Index = Plan["indexes"][number];
type KeyType = "pk" | "sk";

const compositesOf = (index: Index, type: KeyType) =>
  (index[type]?.labels ?? []).map((l) => l.name).filter((name) => name !== "");
const allCompositesOf = (index: Index) => [...compositesOf(index, "pk"), ...compositesOf(index, "sk")];
const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

interface Impact {
  /** The key types of each index the values re-key. */
  types: Map<Index, Partial<Record<KeyType, true>>>;
  /** Each index whose condition was evaluated (or that has none): whether it keeps its keys. */
  conditions: Map<Index, boolean>;
}

/**
 * ElectroDB's `_getIndexImpact` + `_expectIndexFacets` (entity.js) for the indexes the lite path builds: which keys
 * `attributes` re-key, given the composites `included` (the table key's), throwing as ElectroDB does when a key would
 * be re-keyed from part of its composites (2002) or a conditional index is given part of its composites (2012).
 * `includedOnly`: a conditional index whose key's composites are all `included` is re-keyed too (update `set`);
 * `skipCondition`: conditions are not evaluated (update `remove`).
 */
function indexImpact(
  plan: Plan,
  attributes: Attrs,
  included: Attrs,
  options: { includedOnly?: boolean; skipCondition?: boolean },
): Impact {
  const has = (values: Attrs, name: string) => values[name] !== undefined;
  const impacted = new Map<Index, Partial<Record<KeyType, string[]>>>();
  const types: Impact["types"] = new Map();
  // Whether a key is re-keyed because one of its composites was given (not only included).
  const provided = new Map<Index, Partial<Record<KeyType, boolean>>>();
  const mark = (index: Index, type: KeyType, names: string[], byValue: boolean) => {
    impacted.set(index, { ...impacted.get(index), [type]: names });
    types.set(index, { ...types.get(index), [type]: true });
    const sources = provided.get(index) ?? {};
    sources[type] = sources[type] || byValue;
    provided.set(index, sources);
  };
  for (const index of plan.indexes) {
    for (const type of ["pk", "sk"] as const) {
      const present = compositesOf(index, type).filter((name) => has(attributes, name));
      if (present.length) mark(index, type, present, true);
    }
  }
  if (options.includedOnly) {
    for (const index of plan.indexes) {
      if (index === plan.main || !index.condition) continue;
      for (const type of ["pk", "sk"] as const) {
        const names = compositesOf(index, type);
        if (index[type] && names.length && names.every((name) => has(included, name))) mark(index, type, names, false);
      }
    }
  }
  const includedNames = Object.keys(included);
  const conditions: Impact["conditions"] = new Map();
  const incomplete: { index: Index; missing: string[] }[] = [];
  for (const index of plan.indexes) {
    const keys = impacted.get(index);
    const missing: string[] = [];
    for (const type of ["pk", "sk"] as const) {
      const names = compositesOf(index, type);
      const given = keys?.[type];
      if (given && given.length !== names.length) {
        missing.push(...names.filter((name) => !given.includes(name) && !includedNames.includes(name)));
      }
    }
    if (options.skipCondition || index === plan.main || !index.condition) {
      incomplete.push({ index, missing });
      conditions.set(index, true);
      continue;
    }
    const sources = provided.get(index);
    const all = allCompositesOf(index);
    if (sources?.pk || sources?.sk || all.every((name) => has(included, name))) {
      const absent = all.filter((name) => (!has(attributes, name) && !has(included, name)) || missing.includes(name));
      if (absent.length) {
        throw new LiteUpdateError(
          2012,
          `Incomplete composite attributes provided for index ${index.index}. Write operations that include composite attributes, for indexes with a condition callback defined, must always provide values for every index composite. This is to ensure consistency between index values and attribute values. Missing composite attributes identified: ${quoted(absent)}`,
        );
      }
      conditions.set(index, !!index.condition({ ...attributes, ...included }));
    } else {
      incomplete.push({ index, missing });
    }
  }
  const failed = incomplete.filter(({ missing }) => missing.length);
  if (failed.length) {
    throw new LiteUpdateError(
      2002,
      `Incomplete composite attributes: Without the composite attributes ${quoted(failed.flatMap((f) => f.missing))} the following access patterns cannot be updated: ${quoted(failed.map((f) => f.index.accessPattern))}. If a composite attribute is readOnly and cannot be set, use the 'composite' chain method on update to supply the value for key formatting purposes.`,
    );
  }
  return { types, conditions };
}

/**
 * ElectroDB's attribute setters on an update's values (schema.js `applyAttributeSetters`): each given attribute's
 * own `set`, then each watcher (`watch: [...]` or `"*"`) of a given attribute, with the values as its siblings.
 */
function applySetters(model: Model, payload: Attrs): Attrs {
  const attributes = model.attributes as Record<string, Attrs>;
  const setter = (name: string) => attributes[name]?.set as ((value: unknown, item: Attrs) => unknown) | undefined;
  const watchers = new Set<string>();
  const watchAll = new Set<string>();
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!setter(name)) continue;
    if (attribute.watch === "*") watchAll.add(name);
    else if (Array.isArray(attribute.watch) && attribute.watch.length) watchers.add(name);
  }
  const data: Attrs = { ...payload };
  for (const name of Object.keys(payload)) {
    if (watchers.has(name) || watchAll.has(name) || !attributes[name]) continue;
    const set = setter(name);
    // Maps keep their declared properties only (lite.ts `storedValue`), as ElectroDB's own setters store them.
    data[name] = set ? set(payload[name], { ...payload }) : storedValue(attributes[name], payload[name]);
  }
  if (watchers.size === 0 && watchAll.size === 0) return data;
  const triggered = new Set<string>(watchAll);
  for (const name of watchers) {
    const watched = attributes[name]!.watch as string[];
    if (name in data || watched.some((w) => w in data && !watchers.has(w))) triggered.add(name);
  }
  const out: Attrs = { ...data };
  for (const name of triggered) out[name] = setter(name)!(data[name], { ...data });
  return out;
}

/**
 * ElectroDB's refusals of a change before it builds anything (clauses.js `set`/`add`/`remove`, schema.js
 * `checkUpdate`/`checkRemove`, updateOperations.js): a read-only attribute set, added or appended to; an unknown,
 * read-only or required one removed; an ADD to other than a number or set, an append to other than a list.
 */
function checkChange(
  model: Model,
  set: [string, unknown][],
  add: [string, unknown][],
  remove: readonly string[],
  append: [string, unknown][],
) {
  const attributes = model.attributes as Record<string, Attrs>;
  for (const [name] of [...set, ...add]) {
    if (attributes[name]?.readOnly) {
      throw new LiteUpdateError(3001, `Attribute "${name}" is Read-Only and cannot be updated`);
    }
  }
  for (const [name] of add) {
    const type = attributes[name]?.type;
    if (type !== "number" && type !== "any" && type !== "set") {
      throw new Error(
        'Invalid Update Attribute Operation: "ADD" Operation can only be performed on attributes with type "number", "set", or "any".',
      );
    }
  }
  for (const name of remove) {
    const attribute = attributes[name];
    if (!attribute) throw new LiteUpdateError(3001, `Attribute "${name}" does not exist on model.`);
    if (attribute.readOnly) throw new LiteUpdateError(3001, `Attribute "${name}" is Read-Only and cannot be removed`);
    if (attribute.required) throw new LiteUpdateError(3001, `Attribute "${name}" is Required and cannot be removed`);
  }
  for (const [name] of append) {
    if (attributes[name]?.readOnly) {
      throw new LiteUpdateError(3001, `Attribute "${name}" is Read-Only and cannot be updated`);
    }
    const type = attributes[name]?.type;
    if (type !== "list" && type !== "any") {
      throw new Error(
        'Invalid Update Attribute Operation: "APPEND" Operation can only be performed on attributes with type "list" or "any".',
      );
    }
    // ElectroDB runs an appended list through the setters and the index keys as a value set; the lite path only
    // shapes it (lite.ts `storedValue`), so it takes no attribute that would change more (no model has one).
    const watched = Object.values(attributes).some(
      (a) => a.set && (a.watch === "*" || (Array.isArray(a.watch) && a.watch.includes(name))),
    );
    if (attributes[name]!.set || watched || planOf(model).indexes.some((i) => allCompositesOf(i).includes(name))) {
      throw new Error(`lite: ${model.model.entity}.${name} is keyed, set or watched: not appended by the lite path`);
    }
  }
}

/**
 * ElectroDB's update params (entity.js `_makeUpdateParams`, `_getUpdatedKeys`) for a change already checked: the
 * values set and added, after the setters and watchers; every index key the changed composites re-key (a
 * conditional index's keys set when its condition holds, removed when it does not); the keys of the composites
 * removed; the table key's composites and the identifiers (so an upsert writes a whole item). ElectroDB's rules,
 * surprising ones included, since callers meet them:
 * - only the key (pk or sk) whose composites are given is re-keyed, from all of them (2002 when some are missing and
 *   not in the table key); a sort key of no composites is re-written with its partition key;
 * - an added number counts as a given value (it re-keys, and setters see it);
 * - a conditional index given any composite needs all of them (2012); its condition is evaluated on the values given
 *   plus the table key's composites, so a change that does not carry what it reads un-keys the item — e.g. a
 *   student patched without `consents` leaves the recommend index, an offer's `status` needs its `replyBy`;
 * - an index whose composites are all in the table key evaluates its condition on every update (student.byRecommend…);
 * - removing a composite removes that key's field only (ElectroDB may then SET and REMOVE one field: DynamoDB refuses).
 */
function updateParams(
  model: Model,
  key: Attrs,
  set: [string, unknown][],
  add: [string, unknown][],
  remove: readonly string[],
  append: [string, unknown][],
  composite: Attrs,
  base: Condition | undefined,
  condition: Condition | undefined,
) {
  const plan = planOf(model);
  const { main, fieldOf, entity, version } = plan;
  const Key = tableKey(model, key);
  const keyAttributes: Attrs = {};
  for (const name of allCompositesOf(main)) keyAttributes[name] = key[name];
  // The values given (set and added), by attribute: ElectroDB re-keys and runs the setters on both, except the table
  // key's composites (they name the item; they do not change it).
  const given = new Map<string, unknown>([...set, ...add]);
  const values: Attrs = {};
  for (const [name, value] of given) if (!(name in keyAttributes)) values[name] = value;
  const prepared = applySetters(model, values);
  const removed = Object.fromEntries(remove.map((name) => [name, name]));
  const impact = indexImpact(plan, prepared, { ...composite, ...keyAttributes }, { includedOnly: true });
  const removedImpact = indexImpact(plan, removed, keyAttributes, { skipCondition: true });

  const attrs = { ...composite, ...prepared, ...keyAttributes };
  const updatedKeys = new Map<string, string>();
  for (const [index, types] of impact.types) {
    if (index === main || (index.condition && !impact.conditions.get(index))) continue;
    if (types.pk) {
      const pk = buildKey(index.pk, attrs);
      if (pk) updatedKeys.set(index.pk.field, pk);
    }
    if (index.sk && types.sk) {
      const sk = buildKey(index.sk, attrs);
      if (sk) updatedKeys.set(index.sk.field, sk);
    } else if (index.sk && compositesOf(index, "sk").length === 0 && index.sk.prefix) {
      // A sort key of no composites is written with its partition key (entity.js `_getUpdatedKeys`).
      updatedKeys.set(index.sk.field, index.sk.prefix);
    }
  }
  const deletedKeys: string[] = [];
  for (const [index, holds] of impact.conditions) {
    if (holds) continue;
    deletedKeys.push(index.pk.field);
    if (index.sk) deletedKeys.push(index.sk.field);
  }
  for (const [index, types] of removedImpact.types) {
    if (types.pk) deletedKeys.push(index.pk.field);
    if (types.sk && index.sk) deletedKeys.push(index.sk.field);
  }

  const { name, value, names, values: bound } = placeholders("u");
  // ElectroDB keeps a given value when its setter leaves it undefined.
  const final = (attribute: string, v: unknown) => (prepared[attribute] !== undefined ? prepared[attribute] : v);
  const sets = new Map<string, unknown>();
  for (const [attribute, v] of set) sets.set(fieldOf.get(attribute)!, final(attribute, v));
  for (const [attribute, v] of Object.entries(prepared)) {
    if (!given.has(attribute) && v !== undefined && fieldOf.has(attribute)) sets.set(fieldOf.get(attribute)!, v);
  }
  const tableFields = new Set([main.pk.field, main.sk?.field]);
  const keyField = (field: string) => !tableFields.has(field) && !given.has(field);
  for (const [field, k] of updatedKeys) if (keyField(field) && !sets.has(field)) sets.set(field, k);
  for (const [attribute, v] of Object.entries(keyAttributes)) {
    const field = fieldOf.get(attribute);
    if (field && !tableFields.has(field) && !given.has(attribute) && !sets.has(field)) sets.set(field, v);
  }
  sets.set(entityField, entity);
  sets.set(versionField, version);
  const removes = new Set(remove.map((attribute) => fieldOf.get(attribute)!));
  for (const field of deletedKeys) if (keyField(field)) removes.add(field);

  // Appends first in SET, under their own placeholders (named after the attribute), as the work modules' requests
  // wrote them before `Change` had `append` (the same bytes, but for ElectroDB's order of a step's properties).
  const appended = placeholders("append");
  const appends = append.map(([attribute, items]) => {
    const path = appended.name(fieldOf.get(attribute)!, `_${attribute}`);
    const empty = appended.value([], "Default");
    // The items as ElectroDB stores them: a map keeps its declared properties, in their order, under their fields.
    const list = appended.value(
      storedValue((model.attributes as Record<string, Attrs>)[attribute], items),
      `_${attribute}`,
    );
    return `${path} = list_append(if_not_exists(${path}, ${empty}), ${list})`;
  });
  const assignments = [...sets].map(([field, v]) => `${name(field)} = ${value(v)}`);
  const clauses = [`SET ${[...appends, ...assignments].join(", ")}`];
  if (removes.size) clauses.push(`REMOVE ${[...removes].map((field) => name(field)).join(", ")}`);
  if (add.length) {
    const adds = add.map(([attribute, v]) => `${name(fieldOf.get(attribute)!)} ${value(final(attribute, v))}`);
    clauses.push(`ADD ${adds.join(", ")}`);
  }
  const guarded = withCondition(condition, base);
  return {
    Key,
    UpdateExpression: clauses.join(" "),
    ...guarded,
    ExpressionAttributeNames: joined(guarded.ExpressionAttributeNames, names, appended.names),
    ExpressionAttributeValues: joined(guarded.ExpressionAttributeValues, bound, appended.values),
  };
}

/**
 * The writes of one model as TransactWriteItems entries, typed like ElectroDB's entity `E` (a type-only import).
 * @example await send(liteWrites<UserEntity>(userModel).create(user));
 */
export function liteWrites<E extends AnyEntity>(model: Model) {
  type Item = EntityItem<E>;
  const table = () => dataConfig().TABLE_NAME;
  const plan = planOf(model);
  const update = (key: Partial<Item>, change: Change<Item>, mustExist: boolean, condition?: Condition) => {
    const known = (name: string) => plan.fieldOf.has(name);
    // ElectroDB skips undefined values and attributes the model does not declare.
    const set = Object.entries((change.set ?? {}) as Attrs).filter(
      ([name, value]) => value !== undefined && known(name),
    );
    const add = Object.entries((change.add ?? {}) as Attrs).filter(
      ([name, value]) => value !== undefined && known(name),
    );
    const remove = change.remove ?? [];
    const append = Object.entries((change.append ?? {}) as Attrs).filter(([, value]) => value !== undefined);
    // ElectroDB's `.composite()` takes the attributes that are composites of some index, and no others.
    const composite = Object.fromEntries(
      Object.entries((change.composite ?? {}) as Attrs).filter(
        ([name, value]) => value !== undefined && plan.indexes.some((index) => allCompositesOf(index).includes(name)),
      ),
    );
    checkChange(model, set, add, remove, append);
    const base = exists(model, mustExist, composite);
    const params = updateParams(model, key as Attrs, set, add, remove, append, composite, base, condition);
    return { Update: { TableName: table(), ...params } };
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
      update(key, change, true, condition),
    /** Changes the item, creating it when absent (ElectroDB's `update`: an upsert). */
    update: (key: Partial<Item>, change: Change<Item>, condition?: Condition): WriteItem =>
      update(key, change, false, condition),
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

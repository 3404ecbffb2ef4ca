// The package specifier, not "./lite-transport": the deployed bundles alias it to a fetch transport
// (infra/function.ts `bundleAliases`; esbuild aliases package paths only).
import { liteTransport } from "@ketnoi/functions/db/lite-transport";
import type { Entity, EntityItem } from "electrodb";
import { dataConfig } from "../config";
import { joined, placeholders } from "./lite-expressions";
import { shapeAttribute } from "./lite-shape";
import type { defineModel } from "./models/define";
import type { LiteTransport } from "./transport";

/**
 * The lite data path (issue 14): KetNoi's table read and written over the DynamoDB DocumentClient alone, in exactly
 * ElectroDB's stored format, so the hot functions (the middleware chain, health, the public read routes) start
 * without ElectroDB's ~195 kB and its entity construction. It reads the same model declarations as ElectroDB
 * (db/models/), builds the same key strings (`$ketnoi#…` prefixes, `$<entity>_<version>` sort-key prefixes,
 * `<attribute>_<value>` labels, lower-cased), writes the same `__edb_e__` / `__edb_v__` identifiers, keeps only its
 * own entity's items on shared partitions and returns the same shape with keys stripped. `lite.test.ts` holds it to
 * ElectroDB's own `.params()` for every entity and index, and round-trips items written by either through the other.
 *
 * Deliberately small: the operations the hot paths use (get, query on an index, batch get, put, patch, delete,
 * with raw condition expressions). Everything else stays on ElectroDB (db/service.ts).
 */

type Model = ReturnType<typeof defineModel>;
// biome-ignore lint/suspicious/noExplicitAny: any ElectroDB entity, for its item type only.
type AnyEntity = Entity<any, any, any, any>;
type Attrs = Record<string, unknown>;

/** ElectroDB's identifiers on every item it writes (its `identifiers` defaults). */
export const entityField = "__edb_e__";
export const versionField = "__edb_v__";

interface KeyPart {
  field: string;
  /** What precedes the composites: `$ketnoi` (pk), `$listing_1` (sk), or "" for a template key. */
  prefix: string;
  /** The composites in order, each with the label ElectroDB writes before its value (`#listingid_` or a template's). */
  labels: { name: string; label: string }[];
  casing: string | undefined;
}

interface IndexPlan {
  accessPattern: string;
  /** The DynamoDB index name; undefined for the table's own key. */
  index: string | undefined;
  pk: KeyPart;
  sk: KeyPart | undefined;
  condition: ((attrs: Attrs) => boolean) | undefined;
}

interface ModelPlan {
  entity: string;
  version: string;
  indexes: IndexPlan[];
  main: IndexPlan;
  /** Attribute name → stored field name, and back. */
  fieldOf: Map<string, string>;
  nameOf: Map<string, string>;
  hidden: Set<string>;
  defaults: [name: string, value: unknown][];
  setters: [name: string, set: (value: unknown, item: Attrs) => unknown][];
}

const casingOf = (key: string, casing: string | undefined) =>
  casing === "none" ? key : casing === "upper" ? key.toUpperCase() : key.toLowerCase();

interface KeyDefinition {
  field: string;
  composite: readonly string[] | string;
  casing?: string;
  template?: string;
}

/** ElectroDB's template syntax: literal labels with `${attribute}` between them (entity.js `_parseTemplateKey`). */
function parseTemplate(template: string): { name: string; label: string }[] {
  const parts: { name: string; label: string }[] = [];
  const re = /\$\{([^}]+)\}/g;
  let last = 0;
  for (let match = re.exec(template); match; match = re.exec(template)) {
    parts.push({ name: match[1]!, label: template.slice(last, match.index) });
    last = re.lastIndex;
  }
  if (last < template.length) parts.push({ name: "", label: template.slice(last) });
  return parts;
}

function keyPart(definition: KeyDefinition, prefix: string, labelOf: (name: string) => string): KeyPart {
  if (definition.template) {
    return {
      field: definition.field,
      prefix: "",
      labels: parseTemplate(definition.template),
      casing: definition.casing,
    };
  }
  const composite = definition.composite as readonly string[];
  return {
    field: definition.field,
    prefix: casingOf(prefix, definition.casing),
    labels: composite.map((name) => ({ name, label: `#${labelOf(name)}_` })),
    casing: definition.casing,
  };
}

const plans = new WeakMap<Model, ModelPlan>();

/** Reads a model declaration once into what the key builders need (the same rules as ElectroDB's entity.js). */
export function planOf(model: Model): ModelPlan {
  const cached = plans.get(model);
  if (cached) return cached;
  const { entity, version, service } = model.model;
  const attributes = model.attributes as Record<string, Attrs & { field?: string; label?: string }>;
  const labelOf = (name: string) => attributes[name]?.label ?? name;
  const entityKeys = `$${entity}_${version}`;
  const indexes: IndexPlan[] = [];
  for (const [accessPattern, raw] of Object.entries(model.indexes)) {
    const definition = raw as unknown as {
      index?: string;
      collection?: unknown;
      scope?: string;
      type?: string;
      condition?: (attrs: Attrs) => boolean;
      pk: KeyDefinition;
      sk?: KeyDefinition;
    };
    if (definition.collection || definition.scope || (definition.type && definition.type !== "isolated")) {
      throw new Error(`lite: ${entity}.${accessPattern} uses an ElectroDB feature the lite path does not build`);
    }
    // No sort key: ElectroDB appends the entity's prefix to the partition key.
    const pkPrefix = definition.sk ? `$${service}` : `$${service}${entityKeys}`;
    indexes.push({
      accessPattern,
      index: definition.index,
      pk: keyPart(definition.pk, pkPrefix, labelOf),
      sk: definition.sk ? keyPart(definition.sk, entityKeys, labelOf) : undefined,
      condition: definition.condition,
    });
  }
  const main = indexes.find((i) => i.index === undefined);
  if (!main) throw new Error(`lite: ${entity} has no table index`);
  const fieldOf = new Map<string, string>();
  const nameOf = new Map<string, string>();
  const hidden = new Set<string>();
  const defaults: ModelPlan["defaults"] = [];
  const setters: ModelPlan["setters"] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    const field = attribute.field ?? name;
    fieldOf.set(name, field);
    nameOf.set(field, name);
    if (attribute.hidden) hidden.add(name);
    if (attribute.default !== undefined) defaults.push([name, attribute.default]);
    if (typeof attribute.set === "function") setters.push([name, attribute.set as never]);
  }
  const plan: ModelPlan = { entity, version, indexes, main, fieldOf, nameOf, hidden, defaults, setters };
  plans.set(model, plan);
  return plan;
}

/**
 * One key as ElectroDB writes it: the prefix, then each composite's label and value, lower-cased. `partial` stops at
 * the first missing composite, after its label (a query's `begins_with`); undefined when a full key lacks one.
 */
export function buildKey(part: KeyPart, attrs: Attrs, partial = false): string | undefined {
  let key = part.prefix;
  for (const { name, label } of part.labels) {
    const value = name ? attrs[name] : "";
    // A query's prefix keeps the label of the first composite it lacks, as ElectroDB's does (`…#userid_`).
    key += label;
    if (value === undefined) {
      if (partial) break;
      return undefined;
    }
    key += `${value}`;
  }
  return casingOf(key, part.casing);
}

function indexPlan(plan: ModelPlan, accessPattern: string): IndexPlan {
  const index = plan.indexes.find((i) => i.accessPattern === accessPattern);
  if (!index) throw new Error(`lite: ${plan.entity} has no index ${accessPattern}`);
  return index;
}

/** The table key (pk, sk) of an item, from its main index's composites. */
export function tableKey(model: Model, attrs: Attrs): Record<string, string> {
  const { main, entity } = planOf(model);
  const pk = buildKey(main.pk, attrs);
  const sk = main.sk ? buildKey(main.sk, attrs) : undefined;
  if (pk === undefined || (main.sk && sk === undefined)) throw new Error(`lite: incomplete key for ${entity}`);
  return { [main.pk.field]: pk, ...(main.sk ? { [main.sk.field]: sk! } : {}) };
}

/**
 * A query's key condition values: the partition key, and the sort key's prefix from the composites given. `exact`
 * when every sort-key composite is given (there is at least one): ElectroDB then queries `=`, not `begins_with`, so
 * asking for member `u1` does not also return `u10` (found by the outside review, db/lite-review.test.ts).
 */
export function queryKeys(model: Model, accessPattern: string, attrs: Attrs) {
  const index = indexPlan(planOf(model), accessPattern);
  const pk = buildKey(index.pk, attrs);
  if (pk === undefined) throw new Error(`lite: incomplete partition key for ${accessPattern}`);
  const exact = index.sk !== undefined && buildKey(index.sk, attrs) !== undefined;
  return { index, pk, sk: index.sk ? buildKey(index.sk, attrs, true) : undefined, exact };
}

/**
 * The key condition of a query on `accessPattern` (ElectroDB's): the partition from its pk composites, `begins_with`
 * on the sk's given ones, or `=` when they are all given. Placeholders `#pk`, `#sk1`, `:pk`, `:sk1`. The lite path's
 * queries (`liteEntity().query`, lite-pages.ts, data/lite-pages.ts) all build theirs here.
 */
export function keyCondition(model: Model, accessPattern: string, composites: Attrs) {
  const { index, pk, sk, exact } = queryKeys(model, accessPattern, composites);
  const names: Record<string, string> = { "#pk": index.pk.field };
  const values: Record<string, unknown> = { ":pk": pk };
  let expression = "#pk = :pk";
  if (index.sk && sk !== undefined) {
    names["#sk1"] = index.sk.field;
    values[":sk1"] = sk;
    expression += exact ? " AND #sk1 = :sk1" : " AND begins_with(#sk1, :sk1)";
  }
  return { index, names, values, expression };
}

/**
 * The item as ElectroDB's `put` stores it: defaults and setters applied, attributes under their fields, every index's
 * keys whose composites are all present (and whose `condition` holds), and the entity identifiers.
 */
export function toStoredItem(model: Model, input: Attrs): Attrs {
  const plan = planOf(model);
  const attrs: Attrs = { ...input };
  for (const [name, value] of plan.defaults) {
    if (attrs[name] === undefined) attrs[name] = typeof value === "function" ? value() : value;
  }
  for (const [name, set] of plan.setters) attrs[name] = set(attrs[name], attrs);
  const item: Attrs = {};
  const attributes = model.attributes as Record<string, Attrs>;
  for (const [name, given] of Object.entries(attrs)) {
    const field = plan.fieldOf.get(name);
    const value = typeof attributes[name]?.set === "function" ? given : storedValue(attributes[name], given);
    if (field !== undefined && value !== undefined) item[field] = value;
  }
  for (const index of plan.indexes) {
    if (index.condition && !index.condition(attrs)) continue;
    const pk = buildKey(index.pk, attrs);
    const sk = index.sk ? buildKey(index.sk, attrs) : undefined;
    if (pk === undefined || (index.sk && sk === undefined)) continue;
    item[index.pk.field] = pk;
    if (index.sk) item[index.sk.field] = sk;
  }
  item[entityField] = plan.entity;
  item[versionField] = plan.version;
  return item;
}

/**
 * A value as ElectroDB's setters store it (schema.js map and list `_makeSet`): a map keeps only its declared
 * properties, under their fields; a list's items are stored as its `items`; a top-level map left empty, optional and
 * without a default is not stored. The mirror of lite-shape.ts, which reads them back.
 */
export function storedValue(attribute: Attrs | undefined, value: unknown, root = true): unknown {
  if (!attribute || value === undefined || value === null) return value;
  if (attribute.type === "list" && Array.isArray(value)) {
    const items = attribute.items as Attrs | undefined;
    return value.map((item) => storedValue(items, item, false)).filter((item) => item !== undefined);
  }
  if (attribute.type === "map" && typeof value === "object" && !Array.isArray(value)) {
    const properties = (attribute.properties ?? {}) as Record<string, Attrs>;
    const given = value as Attrs;
    const data: Attrs = {};
    for (const [name, property] of Object.entries(properties)) {
      if (given[name] === undefined) continue;
      const stored = storedValue(property, given[name], false);
      if (stored !== undefined) data[(property.field as string | undefined) ?? name] = stored;
    }
    const empty = Object.keys(data).length === 0;
    if (empty && root && !attribute.required && attribute.default === undefined) return undefined;
    return data;
  }
  return value;
}

/** Whether a stored item belongs to this entity (ElectroDB's `ownsItem`): other entities share partitions. */
export const owns = (model: Model, item: Attrs | undefined): item is Attrs => {
  if (!item) return false;
  const { entity, version } = planOf(model);
  return item[entityField] === entity && item[versionField] === version;
};

/** The item as ElectroDB returns it: attribute names for fields, no keys, identifiers or hidden attributes. */
export function fromStoredItem(model: Model, item: Attrs): Attrs {
  const plan = planOf(model);
  const data: Attrs = {};
  const attributes = model.attributes as Record<string, Attrs>;
  for (const [field, value] of Object.entries(item)) {
    const name = plan.nameOf.get(field);
    if (name === undefined || plan.hidden.has(name)) continue;
    // Maps in ElectroDB's declared order and shape (lite-shape.ts).
    const shaped = shapeAttribute(attributes[name], value);
    if (shaped !== undefined) data[name] = shaped;
  }
  return data;
}

/** A condition for a write, in DynamoDB's own expression syntax (names as `#name`, values as `:name`). */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

export interface QueryOptions {
  order?: "asc" | "desc";
  /** At most this many of the entity's items (ElectroDB's `count`); all pages when absent. */
  count?: number;
  consistent?: boolean;
  /** Only these attributes (ElectroDB's `attributes`). */
  attributes?: readonly string[];
  /** Only the items it keeps, before `count` (ElectroDB's `where`, evaluated here instead of as a FilterExpression). */
  filter?: (item: Attrs) => boolean;
}

/**
 * The lite operations over one model, typed like ElectroDB's entity `E` (a type-only import: no ElectroDB at run
 * time). Errors carry the DocumentClient's names, whichever transport sends them (db/transport.ts); `guard` maps
 * them to AppErrors.
 */
export function liteEntity<E extends AnyEntity>(model: Model, client: () => LiteTransport = liteTransport) {
  type Item = EntityItem<E>;
  const table = () => dataConfig().TABLE_NAME;
  const plan = () => planOf(model);
  return {
    model,
    async get(key: Partial<Item>, options: { consistent?: boolean } = {}): Promise<Item | undefined> {
      const { Item: stored } = await client().get({
        TableName: table(),
        Key: tableKey(model, key),
        ConsistentRead: options.consistent,
      });
      return owns(model, stored) ? (fromStoredItem(model, stored) as Item) : undefined;
    },
    /** Several items by table key (BatchGetItem, 100 a call, unprocessed keys retried); missing ones are left out. */
    async batchGet(keys: Partial<Item>[]): Promise<Item[]> {
      const found: Item[] = [];
      for (let i = 0; i < keys.length; i += 100) {
        let request: Record<string, unknown>[] | undefined = keys.slice(i, i + 100).map((k) => tableKey(model, k));
        for (let attempt = 0; request?.length; attempt++) {
          const output = await client().batchGet({ RequestItems: { [table()]: { Keys: request } } });
          for (const stored of output.Responses?.[table()] ?? []) {
            if (owns(model, stored)) found.push(fromStoredItem(model, stored) as Item);
          }
          request = output.UnprocessedKeys?.[table()]?.Keys as Record<string, unknown>[] | undefined;
          if (request?.length) await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 1000)));
        }
      }
      return found;
    },
    /**
     * The entity's items on one index: the partition from its pk composites, `begins_with` on the sk's given ones, or
     * `=` when they are all given (as ElectroDB does).
     */
    async query(accessPattern: string, composites: Partial<Item>, options: QueryOptions = {}): Promise<Item[]> {
      const { index, names, values, expression: condition } = keyCondition(model, accessPattern, composites as Attrs);
      let projection: string | undefined;
      if (options.attributes) {
        const fields = [...options.attributes.map((name) => plan().fieldOf.get(name)!), entityField, versionField];
        projection = fields.map((_, i) => `#p${i}`).join(", ");
        fields.forEach((field, i) => {
          names[`#p${i}`] = field;
        });
      }
      const items: Item[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const output = await client().query({
          TableName: table(),
          IndexName: index.index,
          KeyConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ScanIndexForward: options.order !== "desc",
          ConsistentRead: options.consistent,
          ProjectionExpression: projection,
          ExclusiveStartKey: start,
        });
        for (const stored of output.Items ?? []) {
          if (!owns(model, stored)) continue;
          const data = fromStoredItem(model, stored);
          if (options.filter && !options.filter(data)) continue;
          items.push(data as Item);
          if (options.count !== undefined && items.length >= options.count) return items;
        }
        start = output.LastEvaluatedKey;
      } while (start);
      return items;
    },
    /** Writes the whole item (ElectroDB's `put`), under an optional condition. */
    async put(item: Item, condition?: Condition): Promise<void> {
      await client().put({
        TableName: table(),
        Item: toStoredItem(model, item as Attrs),
        ...expression(condition),
      });
    },
    /**
     * Sets attributes of an existing item (ElectroDB's `patch`: the item must exist), under an optional further
     * condition. Only attributes that are in no key: the hot paths change no indexed attribute.
     */
    async patch(key: Partial<Item>, set: Partial<Item>, condition?: Condition): Promise<void> {
      const { main, fieldOf } = plan();
      const update = placeholders("u");
      const assignments: string[] = [];
      for (const [name, value] of Object.entries(set as Attrs)) {
        if (value === undefined) continue;
        if (plan().indexes.some((i) => [...i.pk.labels, ...(i.sk?.labels ?? [])].some((l) => l.name === name))) {
          throw new Error(`lite: ${name} is in a key; patch it through ElectroDB`);
        }
        assignments.push(`${update.name(fieldOf.get(name)!)} = ${update.value(value)}`);
      }
      const exists = main.sk ? "attribute_exists(#pk) AND attribute_exists(#sk)" : "attribute_exists(#pk)";
      await client().update({
        TableName: table(),
        Key: tableKey(model, key as Attrs),
        UpdateExpression: `SET ${assignments.join(", ")}`,
        ConditionExpression: condition ? `(${exists}) AND (${condition.expression})` : exists,
        ExpressionAttributeNames: joined(
          { "#pk": main.pk.field },
          condition?.names,
          update.names,
          main.sk ? { "#sk": main.sk.field } : undefined,
        ),
        ExpressionAttributeValues: joined(condition?.values, update.values),
      });
    },
    async delete(key: Partial<Item>, condition?: Condition): Promise<void> {
      await client().delete({ TableName: table(), Key: tableKey(model, key as Attrs), ...expression(condition) });
    },
  };
}

function expression(condition: Condition | undefined) {
  if (!condition) return {};
  return {
    ConditionExpression: condition.expression,
    ...(condition.names ? { ExpressionAttributeNames: condition.names } : {}),
    ...(condition.values && Object.keys(condition.values).length
      ? { ExpressionAttributeValues: condition.values }
      : {}),
  };
}

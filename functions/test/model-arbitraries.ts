import { readdirSync } from "node:fs";
import fc from "fast-check";
import type { defineModel } from "../src/db/models/define";

// Every model KetNoi declares (functions/src/db/models/), and items of each drawn at random: for the properties that
// hold the lite data path to ElectroDB's own params and stored items (db/lite.test.ts, db/lite-transact.test.ts).

export type Model = ReturnType<typeof defineModel>;
type Attrs = Record<string, unknown>;

const modelDir = new URL("../src/db/models/", import.meta.url);

/** [export name, model] of every model file. */
export async function allModels(): Promise<[string, Model][]> {
  const models: [string, Model][] = [];
  for (const file of readdirSync(modelDir)) {
    if (!file.endsWith(".ts") || ["define.ts", "shared.ts"].includes(file) || file.endsWith(".test.ts")) continue;
    const module = (await import(new URL(file, modelDir).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (name.endsWith("Model")) models.push([name, value as Model]);
  }
  return models;
}

// Values ElectroDB must key and lower-case as it does: upper case, Vietnamese letters, '#', '_', '$' and spaces.
const text = fc.string({ unit: fc.constantFrom(..."aZđĐắẮ#_$ -9x".split("")), minLength: 1, maxLength: 10 });

/** A value of one attribute's declared type. */
export function arbitraryOf(attribute: Attrs): fc.Arbitrary<unknown> {
  const type = attribute.type;
  if (Array.isArray(type)) return fc.constantFrom(...type);
  switch (type) {
    case "string":
      return text;
    case "number":
      return fc.integer({ min: -1000, max: 100_000 });
    case "boolean":
      return fc.boolean();
    case "list":
      return fc.array(arbitraryOf(attribute.items as Attrs), { maxLength: 3 });
    case "set":
      return fc.uniqueArray(text, { minLength: 1, maxLength: 3 });
    case "map":
      return recordOf((attribute.properties ?? {}) as Record<string, Attrs>);
    default:
      return fc.constantFrom({ a: 1, b: ["x"] }, [1, 2], "any", 3);
  }
}

/** An item of the model: every required attribute, each optional one or not (derived ones left to the setters). */
export function recordOf(attributes: Record<string, Attrs>): fc.Arbitrary<Attrs> {
  const required: Record<string, fc.Arbitrary<unknown>> = {};
  const optional: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.hidden || attribute.watch) continue;
    (attribute.required ? required : optional)[name] = arbitraryOf(attribute);
  }
  return fc.tuple(fc.record(required), fc.record(optional, { requiredKeys: [] })).map(([r, o]) => ({ ...o, ...r }));
}

export const itemOf = (model: Model) => recordOf(model.attributes as Record<string, Attrs>);

/** The composite attributes of a key (a template's too). */
export const compositesOf = (key: { composite: unknown; template?: string } | undefined): string[] => {
  if (!key) return [];
  if (key.template) return [...key.template.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]!);
  return [...(key.composite as string[])];
};

/** The model's table-index composites (what names one item). */
export function mainComposites(model: Model): string[] {
  const indexes = Object.values(model.indexes as Record<string, { index?: string; pk: never; sk?: never }>);
  const main = indexes.find((i) => !i.index)!;
  return [...compositesOf(main.pk), ...compositesOf(main.sk)];
}

/** A change an update makes (lite-writes.ts `Change`): attributes set, numbers added, attributes removed. */
export interface DrawnChange {
  set: Attrs;
  add: Record<string, number>;
  remove: string[];
}

/**
 * A change over every attribute of the model: keyed, read-only, required, hidden and derived ones included (ElectroDB
 * refuses some: the lite path must refuse the same), each attribute changed one way at most. Half the draws also set
 * every settable composite of one index, so conditional indexes are re-keyed (their composites are all given) as often as they
 * are refused (given in part).
 */
export function changeOf(model: Model): fc.Arbitrary<DrawnChange> {
  const attributes = model.attributes as Record<string, Attrs>;
  const names = Object.keys(attributes);
  const addable = names.filter((n) => attributes[n]!.type === "number" || attributes[n]!.type === "any");
  const indexes = Object.values(model.indexes as Record<string, { pk: never; sk?: never }>);
  // An index's composites that can be set (a read-only one only draws ElectroDB's refusal).
  const groups = indexes
    .map((i) => [...compositesOf(i.pk), ...compositesOf(i.sk)].filter((n) => !attributes[n]!.readOnly))
    .filter((g) => g.length > 0);
  const group = groups.length ? fc.option(fc.constantFrom(...groups), { freq: 2 }) : fc.constant(null);
  return fc
    .record({
      set: fc.subarray(names, { maxLength: Math.min(4, names.length) }),
      group,
      add: fc.subarray(addable, { maxLength: Math.min(2, addable.length) }),
      remove: fc.subarray(names, { maxLength: Math.min(2, names.length) }),
    })
    .chain(({ set, group, add, remove }) => {
      const setNames = [...new Set([...set, ...(group ?? [])])];
      const adds = add.filter((n) => !setNames.includes(n));
      const removes = remove.filter((n) => !setNames.includes(n) && !adds.includes(n));
      return fc.record({
        set: fc.record(Object.fromEntries(setNames.map((n) => [n, arbitraryOf(attributes[n]!)]))),
        add: fc.record(Object.fromEntries(adds.map((n) => [n, fc.integer({ min: -5, max: 5 })]))),
        remove: fc.constant(removes),
      });
    });
}

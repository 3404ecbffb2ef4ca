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

import type { Schema } from "electrodb";

/**
 * The model with its attributes' `readonly` modifiers dropped: ElectroDB's item types map over `attributes` and keep
 * them, so a `const`-inferred model would make every item property read-only (an inline model is not inferred so).
 */
type Declared<S> = { [K in keyof S]: K extends "attributes" ? { -readonly [A in keyof S[K]]: S[K][A] } : S[K] };

/**
 * Declares an entity's model: its attributes and indexes, as ElectroDB reads them. Kept apart from `new Entity(…)`
 * (db/entities/) so the lite data path (db/lite.ts) reads the same declaration without bundling ElectroDB: this
 * module imports ElectroDB's types only. The `const` parameter keeps the literal types ElectroDB infers from.
 */
export const defineModel = <const S extends Schema<string, string, string>>(model: S): Declared<S> =>
  model as Declared<S>;

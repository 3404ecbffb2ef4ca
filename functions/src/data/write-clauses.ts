import type { Condition } from "../db/lite";
import { planOf } from "../db/lite";
import type { WriteItem } from "../db/lite-writes";
import type { defineModel } from "../db/models/define";

// What the work modules' writes say beyond db/lite-writes.ts (issue 14): their conditions, and ElectroDB's `.append()`.
// Kept here rather than in the lite path itself; write-clauses.test.ts holds both to ElectroDB on DynamoDB Local.

type Model = ReturnType<typeof defineModel>;

/** How a condition names an attribute and binds a value, as ElectroDB's `where((attr, op) => …)` does. */
export interface ConditionTerms {
  /** The attribute's placeholder (its stored field name behind it). */
  attr: (name: string) => string;
  /** A value's placeholder. */
  value: (value: unknown) => string;
}

/**
 * A write's condition over a model's attributes, in DynamoDB's syntax, for the lite data path (issue 14): what the
 * ElectroDB `where` clauses of the work modules (applications, bookings, interviews, offers, CV files) said, e.g.
 * `attribute_not_exists(status) OR status = "withdrawn"`. Its placeholders (`#c…`, `:c…`) meet none that
 * db/lite-writes.ts uses (`#pk`, `#sk`, `#u…`, `#w…`), so it combines with any write's own.
 * @example condition(bookingModel, ({ attr, value }) => `attribute_not_exists(${attr("status")}) OR ${attr("status")} = ${value("cancelled")}`)
 */
export function condition(model: Model, build: (terms: ConditionTerms) => string): Condition {
  const { fieldOf } = planOf(model);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const attr = (name: string) => {
    const field = fieldOf.get(name);
    if (field === undefined) throw new Error(`condition: ${model.model.entity} has no attribute ${name}`);
    const placeholder = `#c_${name}`;
    names[placeholder] = field;
    return placeholder;
  };
  const value = (bound: unknown) => {
    const placeholder = `:c${Object.keys(values).length}`;
    values[placeholder] = bound;
    return placeholder;
  };
  const expression = build({ attr, value });
  return { expression, names, values };
}

/** The item has no such attribute (ElectroDB's `op.notExists`), or it equals `value`: a slot free to take again. */
export const absentOrEqual = (model: Model, name: string, bound: unknown): Condition =>
  condition(model, ({ attr, value }) => `attribute_not_exists(${attr(name)}) OR ${attr(name)} = ${value(bound)}`);

/**
 * The update `write` with `items` appended to the list attribute `name`, as ElectroDB's `.append()` writes it
 * (`list_append(if_not_exists(list, []), items)`, its updateOperations.js): lite-writes' `Change` has no append, and
 * a timeline must grow from what is stored, not be rewritten from what was read.
 * @example appending(applicationModel, writes.patch(key, { set: { status } }), "history", [step])
 */
export function appending(model: Model, write: WriteItem, name: string, items: readonly unknown[]): WriteItem {
  const update = write.Update;
  const field = planOf(model).fieldOf.get(name);
  if (!update?.UpdateExpression?.startsWith("SET ") || field === undefined) {
    throw new Error(`appending: not an update of ${model.model.entity}.${name}`);
  }
  // Named after the attribute, so several appends to one update never share a placeholder.
  const [path, list] = [`#append_${name}`, `:append_${name}`];
  return {
    Update: {
      ...update,
      UpdateExpression: update.UpdateExpression.replace(
        /^SET /,
        `SET ${path} = list_append(if_not_exists(${path}, :appendDefault), ${list}), `,
      ),
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, [path]: field },
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ":appendDefault": [], [list]: items },
    },
  };
}

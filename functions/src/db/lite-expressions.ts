import { type Condition, planOf } from "./lite";
import type { defineModel } from "./models/define";

// The one way the lite writes (lite-writes.ts) and the data modules name attributes and bind values in a request's
// expressions (issue 14): an update's SET/ADD/REMOVE, its appends, a patch's composites, and every condition.

type Model = ReturnType<typeof defineModel>;

/**
 * The placeholders of one part of a request: `#<prefix><label>` for a field, `:<prefix><label>` for a value, the label
 * by default the count of that part's names (values) so far. Each part has its own prefix — an update's `u`, its
 * appends' `append`, a patch's composites `k`, `whereEquals`' `w`, `condition`'s `c` — so parts join into one request
 * as they are (`joined` refuses any that would rebind another's placeholder).
 * @example const p = placeholders("w"); `${p.name("version")} = ${p.value(3)}` // "#w0 = :w0"
 */
export function placeholders(prefix: string) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  return {
    names,
    values,
    name(field: string, label: string = String(Object.keys(names).length)): string {
      const placeholder = `#${prefix}${label}`;
      names[placeholder] = field;
      return placeholder;
    },
    value(bound: unknown, label: string = String(Object.keys(values).length)): string {
      const placeholder = `:${prefix}${label}`;
      values[placeholder] = bound;
      return placeholder;
    },
    /** The condition `expression`, over this part's placeholders. */
    condition(expression: string): Condition {
      return { expression, names, values };
    },
  };
}

/**
 * The parts' names (or values) as one request's: in the parts' order, a placeholder two parts share kept when both bind
 * it alike (`#pk` in a caller's condition and the patch's own), refused when they differ — a hand-written condition
 * reusing an update's `#u0` would otherwise silently rename what the update sets.
 */
export function joined<T>(...parts: (Record<string, T> | undefined)[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const part of parts) {
    for (const [placeholder, bound] of Object.entries(part ?? {})) {
      if (placeholder in out && JSON.stringify(out[placeholder]) !== JSON.stringify(bound)) {
        throw new Error(`lite: the placeholder ${placeholder} is bound twice in one request`);
      }
      out[placeholder] = bound;
    }
  }
  return out;
}

/** How a condition names an attribute and binds a value, as ElectroDB's `where((attr, op) => …)` does. */
export interface ConditionTerms {
  /** The attribute's placeholder (its stored field name behind it). */
  attr: (name: string) => string;
  /** A value's placeholder. */
  value: (value: unknown) => string;
}

/** The stored field of a model's attribute; an attribute the model does not declare is refused. */
function fieldOf(model: Model, name: string, caller: string): string {
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
    build({ attr: (name) => terms.name(fieldOf(model, name, "condition"), `_${name}`), value: (v) => terms.value(v) }),
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
export function whereEquals(model: Model, values: Record<string, unknown>): Condition {
  const { fieldOf } = planOf(model);
  const terms = placeholders("w");
  return terms.condition(
    Object.entries(values)
      .map(([name, value]) => `${terms.name(fieldOf.get(name) ?? name)} = ${terms.value(value)}`)
      .join(" AND "),
  );
}

import type { Condition } from "./lite";

// The one way the lite path names attributes and binds values in a request's expressions (issue 14): an update's
// SET/ADD/REMOVE, its appends, a patch's composites, every condition (lite-writes.ts `condition`, `whereEquals`) and
// lite.ts' own patch. It imports nothing at run time, so lite.ts can use it.

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

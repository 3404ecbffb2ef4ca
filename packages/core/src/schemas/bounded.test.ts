import { describe, expect, it } from "vitest";
import * as core from "../index";

// biome-ignore lint/suspicious/noExplicitAny: walks valibot's schema objects generically.
type Node = any;

/**
 * Every number schema reachable from a schema, with the path that leads to it. Walks objects, arrays, records,
 * tuples, unions, optionals/nullables and pipes (a pipe's first item is the schema itself).
 */
function numbersIn(schema: Node, path: string, seen = new Set<Node>()): { path: string; schema: Node }[] {
  if (!schema || typeof schema !== "object" || seen.has(schema)) return [];
  seen.add(schema);
  const found: { path: string; schema: Node }[] = [];
  if (schema.kind === "schema" && schema.type === "number") found.push({ path, schema });
  if (schema.entries) {
    for (const [key, entry] of Object.entries(schema.entries)) found.push(...numbersIn(entry, `${path}.${key}`, seen));
  }
  if (schema.item) found.push(...numbersIn(schema.item, `${path}[]`, seen));
  if (schema.key) found.push(...numbersIn(schema.key, `${path}{key}`, seen));
  if (schema.value) found.push(...numbersIn(schema.value, `${path}{}`, seen));
  if (schema.wrapped) found.push(...numbersIn(schema.wrapped, path, seen));
  if (Array.isArray(schema.items)) {
    for (const [i, s] of schema.items.entries()) found.push(...numbersIn(s, `${path}[${i}]`, seen));
  }
  if (Array.isArray(schema.options)) {
    for (const option of schema.options) found.push(...numbersIn(option, path, seen));
  }
  if (schema.rest) found.push(...numbersIn(schema.rest, `${path}[...]`, seen));
  return found;
}

/** Whether a number schema's pipe holds both a minimum and a maximum. */
function bounded(schema: Node): boolean {
  const steps: Node[] = schema.pipe ?? [];
  const types = new Set(steps.map((s) => s.type));
  return (types.has("min_value") || types.has("gt_value")) && (types.has("max_value") || types.has("lt_value"));
}

describe("bounded numbers", () => {
  const schemas = Object.entries(core).filter(
    ([, value]) => value && typeof value === "object" && (value as Node).kind === "schema",
  );

  it("finds the core schemas (the walk is not empty)", () => {
    expect(schemas.length).toBeGreaterThan(40);
    const numbers = schemas.flatMap(([name, schema]) => numbersIn(schema, name));
    expect(numbers.length).toBeGreaterThan(20);
  });

  it("gives every number in every exported schema a minimum and a maximum", () => {
    const unbounded = schemas
      .flatMap(([name, schema]) => numbersIn(schema, name))
      .filter(({ schema }) => !bounded(schema))
      .map(({ path }) => path);
    expect(unbounded).toEqual([]);
  });
});

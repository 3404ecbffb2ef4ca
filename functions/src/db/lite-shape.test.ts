import { Entity } from "electrodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allModels, itemOf, type Model } from "../../test/model-arbitraries";
import { dataConfig } from "../config";
import { dynamo } from "./client";
import { fromStoredItem, toStoredItem } from "./lite";

// A lite read must serialise as ElectroDB's does, not only compare equal: a value read through either is compared as
// JSON (the candidate pool rebuilt from the consent index against the one built from the profiles written), and
// DynamoDB returns a map's keys in its own order. Each attribute's value is held to ElectroDB's, key order included.

type Attrs = Record<string, unknown>;
const models = await allModels();
// biome-ignore lint/suspicious/noExplicitAny: ElectroDB entities of every model, driven generically.
const electro = (model: Model): any => new Entity(model as never, { table: dataConfig().TABLE_NAME, client: dynamo() });

/** The stored item with every map's keys reversed, as DynamoDB may return them in any order. */
function reversedMaps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedMaps);
  if (value && typeof value === "object" && !(value instanceof Set)) {
    return Object.fromEntries(
      Object.entries(value as Attrs)
        .reverse()
        .map(([k, v]) => [k, reversedMaps(v)]),
    );
  }
  return value;
}

describe("lite reads return each attribute as ElectroDB does, key order included", () => {
  it.each(models)("%s", (_name, model) => {
    const entity = electro(model);
    fc.assert(
      fc.property(itemOf(model), (item) => {
        let stored: Attrs;
        try {
          stored = reversedMaps(entity.put(item).params().Item) as Attrs;
        } catch {
          return; // an item ElectroDB refuses to write (lite.test.ts): never read
        }
        const theirs = entity.formatResponse({ Item: stored }, "", {}).data as Attrs;
        const ours = fromStoredItem(model, stored);
        expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
        for (const name of Object.keys(theirs))
          expect(JSON.stringify(ours[name]), name).toBe(JSON.stringify(theirs[name]));
        expect(toStoredItem(model, ours)).toBeDefined();
      }),
      { numRuns: 40 },
    );
  });
});

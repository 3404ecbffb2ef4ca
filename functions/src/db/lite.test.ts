import { randomUUID } from "node:crypto";
import { Entity } from "electrodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allModels, itemOf, type Model } from "../../test/model-arbitraries";
import { fetchTransportOptions } from "../bundle/lite-transport-fetch";
import { dataConfig } from "../config";
import { dynamo } from "./client";
import { fromStoredItem, liteEntity, owns, queryKeys, tableKey, toStoredItem } from "./lite";
import type { LiteTransport } from "./transport";
import { fetchTransport } from "./transport-fetch";
import { sdkTransport } from "./transport-sdk";

// The lite data path must read and write exactly what ElectroDB does, for every entity KetNoi declares: these
// properties hold its keys, stored items and returned shapes to ElectroDB's own, built from the same model objects.

type Attrs = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: ElectroDB entities of every model, driven generically.
type AnyEntity = any;

const models = await allModels();

const electro = (model: Model): AnyEntity =>
  new Entity(model as never, { table: dataConfig().TABLE_NAME, client: dynamo() });

/**
 * ElectroDB's put params, or undefined for an item ElectroDB refuses to write (a sparse index's condition needs all
 * its composites or none: code 2012); the lite path is never asked to write what ElectroDB would not.
 */
function electroPut(entity: AnyEntity, item: Attrs): Attrs | undefined {
  try {
    return entity.put(item).params().Item;
  } catch (error) {
    if ((error as { code?: number }).code === 2012) return undefined;
    throw error;
  }
}

const indexesOf = (model: Model) =>
  Object.entries(
    model.indexes as Record<string, { pk: { composite: unknown; field: string }; sk?: { composite: unknown } }>,
  );
const compositesOf = (key: { composite: unknown; template?: string } | undefined): string[] => {
  if (!key) return [];
  if (key.template) return [...key.template.matchAll(/\$\{([^}]+)\}/g)].map((m) => m[1]!);
  return [...(key.composite as string[])];
};
const pick = (item: Attrs, names: string[]) => Object.fromEntries(names.map((n) => [n, item[n]]));

describe("the lite data path writes and reads ElectroDB's format", () => {
  it("knows every entity", () => {
    expect(models.length).toBeGreaterThanOrEqual(43);
  });

  it.each(models)("%s: the stored item (all index keys, identifiers) equals ElectroDB's put", (_name, model) => {
    const entity = electro(model);
    fc.assert(
      fc.property(itemOf(model), (item) => {
        const stored = electroPut(entity, item);
        fc.pre(stored !== undefined);
        expect(toStoredItem(model, item)).toEqual(stored);
      }),
      { numRuns: 60 },
    );
  });

  it.each(models)("%s: every index's query keys and the table key equal ElectroDB's params", (_name, model) => {
    const entity = electro(model);
    fc.assert(
      fc.property(itemOf(model), fc.nat(), (item, cut) => {
        expect(tableKey(model, item)).toEqual(entity.get(item).params().Key);
        for (const [accessPattern, index] of indexesOf(model)) {
          const pk = compositesOf(index.pk);
          const sk = compositesOf(index.sk);
          // A query names the partition's composites and any leading run of the sort key's.
          const given = { ...pick(item, pk), ...pick(item, sk.slice(0, cut % (sk.length + 1))) };
          if (Object.values(given).some((v) => v === undefined)) continue;
          const params = entity.query[accessPattern](given).params();
          const lite = queryKeys(model, accessPattern, given);
          expect(params.IndexName).toBe(lite.index.index);
          expect(params.ExpressionAttributeValues[":pk"]).toBe(lite.pk);
          expect(params.ExpressionAttributeValues[":sk1"]).toBe(lite.sk);
          expect(params.ExpressionAttributeNames["#pk"]).toBe(lite.index.pk.field);
          // And the operator: `=` when every sort-key composite is given, `begins_with` on a prefix (the review found
          // the lite path always used begins_with, so member u1 was also u10).
          if (lite.sk !== undefined)
            expect(/#sk1 = :sk1/.test(params.KeyConditionExpression), accessPattern).toBe(lite.exact);
        }
      }),
      { numRuns: 60 },
    );
  });

  it.each(models)(
    "%s: a stored item reads back as ElectroDB returns it, and only as its own entity",
    (_name, model) => {
      const entity = electro(model);
      const others = models.filter(([, other]) => other !== model);
      fc.assert(
        fc.property(itemOf(model), fc.constantFrom(...others), (item, [, other]) => {
          const stored = electroPut(entity, item);
          fc.pre(stored !== undefined);
          expect(owns(model, stored)).toBe(true);
          expect(fromStoredItem(model, stored)).toEqual(entity.formatResponse({ Item: stored }, "", {}).data);
          // Another entity's item on a shared partition is not this one's, for ElectroDB as for the lite path.
          expect(owns(other, stored)).toBe(false);
          expect(electro(other).formatResponse({ Item: stored }, "", {}).data).toBeNull();
        }),
        { numRuns: 30 },
      );
    },
  );
});

// Both transports (db/transport.ts): the SDK's DocumentClient (tests, local runs) and the signed fetch the deployed
// bundles use. Created lazily: the configuration is set by the test setup.
let signedFetch: LiteTransport | undefined;
const transports: [string, () => LiteTransport][] = [
  ["the SDK's DocumentClient", () => sdkTransport()],
  ["the signed fetch", () => (signedFetch ??= fetchTransport(fetchTransportOptions()))],
];

describe.each(transports)(
  "items written by one are read identically by the other (DynamoDB Local, %s)",
  (_, transport) => {
    // Unique main-index composites per run, so concurrent test files never meet these items.
    const unique = (model: Model, item: Attrs) => {
      const names = indexesOf(model).flatMap(([, index]) => [...compositesOf(index.pk), ...compositesOf(index.sk)]);
      const out = { ...item };
      for (const name of names) {
        const type = (model.attributes as Record<string, Attrs>)[name]?.type;
        if (type === "string" && typeof out[name] === "string") out[name] = `${out[name]}-${randomUUID()}`;
      }
      return out;
    };

    it.each(models)("%s", async (_name, model) => {
      const entity = electro(model);
      const lite = liteEntity(model, transport);
      await fc.assert(
        fc.asyncProperty(itemOf(model), itemOf(model), async (a, b) => {
          const byElectro = unique(model, a);
          const byLite = unique(model, b);
          fc.pre(electroPut(entity, byElectro) !== undefined && electroPut(entity, byLite) !== undefined);
          await entity.put(byElectro).go();
          await lite.put(byLite as never);
          for (const item of [byElectro, byLite]) {
            const electroRead = (await entity.get(item).go({ consistent: true })).data;
            const liteRead = await lite.get(item as never, { consistent: true });
            expect(liteRead).toEqual(electroRead);
            // The raw items are the same whoever wrote them.
            expect(toStoredItem(model, item)).toEqual(electroPut(entity, item));
            for (const [accessPattern, index] of indexesOf(model)) {
              const given = pick(item, [...compositesOf(index.pk), ...compositesOf(index.sk)]);
              if (Object.values(given).some((v) => v === undefined)) continue;
              const stored = toStoredItem(model, item);
              const field = index.pk.field;
              if (stored[field] === undefined) continue; // sparse: not on this index
              const viaElectro = (await entity.query[accessPattern](given).go({ pages: "all" })).data;
              const viaLite = await lite.query(accessPattern, given as never);
              expect(viaLite).toEqual(viaElectro);
              expect(viaLite).toContainEqual(electroRead);
            }
          }
          await entity.delete(byElectro).go();
          await lite.delete(byLite as never);
          expect(await lite.get(byElectro as never)).toBeUndefined();
          expect((await entity.get(byLite).go()).data).toBeNull();
        }),
        { numRuns: 3 },
      );
    });
  },
);

import { randomUUID } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { createWriteTransaction, Entity } from "electrodb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allModels, arbitraryOf, itemOf, type Model, mainComposites } from "../../test/model-arbitraries";
import { dataConfig } from "../config";
import { transactWithRetry } from "../data/transact";
import { dynamo } from "./client";
import { tableKey, toStoredItem } from "./lite";
import { entityModels } from "./lite-models";
import { transactWrite } from "./lite-transact";
import { liteWrites, send, whereEquals } from "./lite-writes";
import { db } from "./service";

// The lite writes and transactions (lite-writes.ts, lite-transact.ts) must write exactly what ElectroDB does, for every
// entity KetNoi declares: their TransactWriteItems entries are held to ElectroDB's own transaction params, and their
// updates to the items ElectroDB's updates leave in DynamoDB Local.

type Attrs = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: ElectroDB entities of every model, driven generically.
type AnyEntity = any;

const models = await allModels();
const electro = (model: Model): AnyEntity =>
  new Entity(model as never, { table: dataConfig().TABLE_NAME, client: dynamo() });

/** ElectroDB's TransactWriteItems entry for one write, or undefined for an item ElectroDB refuses to write. */
function electroEntry(entity: AnyEntity, write: (e: AnyEntity) => unknown): Attrs | undefined {
  try {
    const entry = createWriteTransaction({ e: entity }, ({ e }) => [write(e)] as never).params().TransactItems[0];
    // Without ElectroDB's own symbol-keyed marker.
    return Object.fromEntries(Object.entries(entry as Attrs));
  } catch (error) {
    // A sparse index's condition needs all its composites or none (2012); a value ElectroDB's validation refuses.
    if (typeof (error as { code?: number }).code === "number") return undefined;
    throw error;
  }
}

const keyOf = (model: Model, item: Attrs) => Object.fromEntries(mainComposites(model).map((n) => [n, item[n]]));

/** Attributes an update may change on the lite path (lite-writes.ts `assertPlainUpdate`), by name. */
function updatable(model: Model): [string, Attrs][] {
  const attributes = model.attributes as Record<string, Attrs>;
  const indexes = Object.values(model.indexes as Record<string, { pk: Attrs; sk?: Attrs; condition?: unknown }>);
  if (indexes.some((i) => i.condition)) return [];
  const keyed = new Set(
    indexes.flatMap((i) => [i.pk, i.sk].flatMap((k) => (k ? [...((k.composite as string[]) ?? [])] : []))),
  );
  const watched = new Set(Object.values(attributes).flatMap((a) => (Array.isArray(a.watch) ? a.watch : [])));
  return Object.entries(attributes).filter(
    ([name, a]) =>
      !keyed.has(name) && !a.readOnly && !a.hidden && !a.watch && typeof a.set !== "function" && !watched.has(name),
  );
}

describe("lite transaction entries equal ElectroDB's transaction params", () => {
  it("knows every entity, by the names db().entities gives them, in the same order", () => {
    expect(models.length).toBeGreaterThanOrEqual(43);
    expect(Object.keys(entityModels)).toEqual(Object.keys(db().entities));
    for (const [name, model] of Object.entries(entityModels)) {
      expect((db().entities as AnyEntity)[name].schema.model.entity, name).toBe(model.model.entity);
    }
  });

  it.each(models)("%s: put, create and delete (with a condition) are ElectroDB's entries", (_name, model) => {
    const entity = electro(model);
    const writes = liteWrites(model);
    fc.assert(
      fc.property(itemOf(model), fc.integer(), (item, version) => {
        const put = electroEntry(entity, (e) => e.put(item).commit());
        fc.pre(put !== undefined);
        expect(writes.put(item as never)).toEqual(put);
        expect(writes.create(item as never)).toEqual(electroEntry(entity, (e) => e.create(item).commit()));
        const key = keyOf(model, item);
        expect(writes.delete(key as never)).toEqual(electroEntry(entity, (e) => e.delete(key).commit()));
        // A condition's placeholders differ from ElectroDB's (`#w0` for `#version`): it holds the same names and values.
        const guarded = writes.delete(key as never, whereEquals(model, { version })).Delete!;
        const theirs = electroEntry(entity, (e) =>
          e
            .delete(key)
            .where((a: Attrs, op: { eq(a: unknown, v: unknown): string }) =>
              op.eq(a.version ?? a[mainComposites(model)[0]!], version),
            )
            .commit(),
        );
        expect(guarded.Key).toEqual((theirs?.Delete as Attrs | undefined)?.Key ?? guarded.Key);
        expect(guarded.ConditionExpression).toBe("#w0 = :w0");
        expect(guarded.ExpressionAttributeValues).toEqual({ ":w0": version });
      }),
      { numRuns: 40 },
    );
  });
});

/** The raw stored item under a key, as DynamoDB holds it. */
async function stored(model: Model, key: Attrs) {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: dataConfig().TABLE_NAME, Key: tableKey(model, key), ConsistentRead: true }),
  );
  return Item;
}

/** Unique table-key composites per run, so concurrent test files never meet these items. */
function unique(model: Model, item: Attrs): Attrs {
  const out = { ...item };
  for (const name of mainComposites(model)) {
    const type = (model.attributes as Record<string, Attrs>)[name]?.type;
    if (type === "string") out[name] = `${out[name]}-${randomUUID()}`;
  }
  return out;
}

describe("lite updates leave the items ElectroDB's leave (DynamoDB Local)", () => {
  const withUpdates = models.filter(([, model]) => updatable(model).length > 0);

  it.each(withUpdates)("%s: patch (set, add, remove) and update (upsert)", async (_name, model) => {
    const entity = electro(model);
    const writes = liteWrites(model);
    const fields = updatable(model);
    const attributes = model.attributes as Record<string, Attrs>;
    const change = fc.record({
      set: fc.record(Object.fromEntries(fields.map(([n, a]) => [n, arbitraryOf(a)])), { requiredKeys: [] }),
      add: fc.record(
        Object.fromEntries(
          fields.filter(([, a]) => a.type === "number").map(([n]) => [n, fc.integer({ min: -5, max: 5 })]),
        ),
        { requiredKeys: [] },
      ),
      remove: fc.subarray(fields.filter(([, a]) => !a.required).map(([n]) => n)),
    });
    await fc.assert(
      fc.asyncProperty(itemOf(model), change, async (raw, { set, add, remove }) => {
        const item = unique(model, raw);
        // An attribute is changed one way at a time, as ElectroDB requires.
        const adds = Object.fromEntries(Object.entries(add).filter(([n]) => !(n in set)));
        const removes = remove.filter((n) => !(n in set) && !(n in adds));
        fc.pre(Object.keys(set).length + Object.keys(adds).length + removes.length > 0);
        fc.pre(electroEntry(entity, (e) => e.put(item).commit()) !== undefined);
        const key = keyOf(model, item);
        const electroPatch = (e: AnyEntity) => {
          let op = e.patch(key);
          if (Object.keys(set).length) op = op.set(set);
          if (Object.keys(adds).length) op = op.add(adds);
          if (removes.length) op = op.remove(removes);
          return op.commit();
        };
        fc.pre(electroEntry(entity, electroPatch) !== undefined);
        const change = { set, add: adds, remove: removes } as never;

        await send(writes.put(item as never));
        const theirs = await createWriteTransaction({ e: entity }, ({ e }) => [electroPatch(e)] as never).go();
        const afterTheirs = await stored(model, key);
        await send(writes.put(item as never));
        const ours = await transactWrite([writes.patch(key as never, change)]);
        expect(ours.canceled).toBe(theirs.canceled);
        expect(await stored(model, key)).toEqual(afterTheirs);

        // An update of an item that is not there creates it: the key's composites and the identifiers with the change.
        await send(writes.delete(key as never));
        const upsert = (e: AnyEntity) => {
          let op = e.update(key);
          if (Object.keys(set).length) op = op.set(set);
          if (Object.keys(adds).length) op = op.add(adds);
          return op.commit();
        };
        const onlySetAdd = { set, add: adds } as never;
        if (Object.keys(set).length + Object.keys(adds).length > 0 && electroEntry(entity, upsert)) {
          await createWriteTransaction({ e: entity }, ({ e }) => [upsert(e)] as never).go();
          const created = await stored(model, key);
          await send(writes.delete(key as never));
          await transactWrite([writes.update(key as never, onlySetAdd)]);
          expect(await stored(model, key)).toEqual(created);
          await send(writes.delete(key as never));
        }
        // A patch of a missing item is refused by both.
        const missing = await transactWrite([writes.patch(key as never, change)]);
        expect(missing.data.map((r) => r.code)).toEqual(["ConditionalCheckFailed"]);
        expect(await stored(model, key)).toBeUndefined();
        expect(attributes).toBeDefined();
      }),
      { numRuns: 3 },
    );
  });
});

describe("lite transactions report a cancellation as ElectroDB does, and transactWithRetry reads it alike", () => {
  const [, model] = models.find(([name]) => name === "placementRoundModel")!;
  const round = () => ({
    roundId: `round-${randomUUID()}`,
    universityId: "uni-lite",
    title: "Đợt thử",
    listings: [{ listingId: "l1", capacity: 2 }],
    preferencesDeadline: "2026-01-01",
    status: "open",
    seed: "s",
    createdBy: "u",
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    version: 1,
  });

  it("names the item whose condition failed; commits when all hold", async () => {
    const entity = electro(model);
    const writes = liteWrites(model);
    const [a, b] = [round(), round()];
    await send(writes.put(a as never));
    // b exists neither for ElectroDB's patch nor for ours; a's version is 1, so the stale condition (2) fails.
    const theirs = await createWriteTransaction(
      { e: entity },
      ({ e }) =>
        [
          e
            .patch({ roundId: a.roundId })
            .set({ title: "x" })
            .where((attr: AnyEntity, op: AnyEntity) => op.eq(attr.version, 1))
            .commit(),
          e.patch({ roundId: b.roundId }).set({ title: "x" }).commit(),
        ] as never,
    ).go();
    const ours = await transactWrite([
      writes.patch(
        { roundId: a.roundId } as never,
        { set: { title: "x" } as never },
        whereEquals(model, { version: 1 }),
      ),
      writes.patch({ roundId: b.roundId } as never, { set: { title: "x" } as never }),
    ]);
    expect(ours.canceled).toBe(true);
    expect(ours.data.map(({ rejected, code }) => ({ rejected, code }))).toEqual(
      theirs.data.map(({ rejected, code }: { rejected: boolean; code: string }) => ({ rejected, code })),
    );
    expect(ours.data.map((r) => r.code)).toEqual(["None", "ConditionalCheckFailed"]);
    expect(await transactWithRetry(() => transactWrite([writes.create(a as never)]))).toBe(0);
    expect(await transactWithRetry(() => transactWrite([writes.create(b as never)]))).toBe(-1);
    expect(await stored(model, { roundId: b.roundId })).toEqual(toStoredItem(model, b));
    expect((await stored(model, { roundId: a.roundId }))?.title).toBe("Đợt thử");
  });
});

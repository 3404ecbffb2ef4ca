import { randomUUID } from "node:crypto";
import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { createWriteTransaction, Entity } from "electrodb";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  allModels,
  arbitraryOf,
  changeOf,
  compositesOf as compositesOfKey,
  type DrawnChange,
  itemOf,
  type Model,
  mainComposites,
} from "../../test/model-arbitraries";
import { dataConfig } from "../config";
import { transactWithRetry } from "../data/transact";
import { dynamo } from "./client";
import { liteEntity, tableKey, toStoredItem } from "./lite";
import { entityModels } from "./lite-models";
import { transactWrite } from "./lite-transact";
import { LiteUpdateError, liteWrites, send, whereEquals } from "./lite-writes";
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

/**
 * An update entry with its placeholders resolved, so two builders' entries compare whatever they name their
 * placeholders: the SET, ADD and REMOVE operations as (field, value) pairs in field order, and the condition with each
 * placeholder replaced by its field or value (and its parentheses dropped: both join terms with AND).
 */
function normalised(entry: Attrs | undefined) {
  const update = entry?.Update as Attrs | undefined;
  if (!update) return entry;
  const names = (update.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (update.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  const resolve = (token: string) => (token.startsWith("#") ? names[token] : JSON.stringify(values[token])) ?? token;
  const operations: Record<string, [string, unknown][]> = {};
  const expression = update.UpdateExpression as string;
  for (const [, clause, body] of expression.matchAll(
    /(SET|REMOVE|ADD|DELETE) (.*?)(?= (?:SET|REMOVE|ADD|DELETE) |$)/g,
  )) {
    for (const term of body!.split(", ")) {
      const [path, ...rest] = term.split(/ = | /);
      const value = rest.length ? values[rest[rest.length - 1]!] : null;
      operations[clause!] = [...(operations[clause!] ?? []), [names[path!]!, value]];
    }
  }
  for (const list of Object.values(operations)) list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const condition = (update.ConditionExpression as string | undefined)
    ?.replace(/[#:][\w]+/g, resolve)
    .replace(/[()]/g, "");
  return { TableName: update.TableName, Key: update.Key, operations, condition };
}

/**
 * ElectroDB's patch (or update) with the change, then `more` of its chain (`.append()`, `.composite()`), and an
 * optional `where` that an attribute equals a value.
 */
function electroUpdate(
  method: "patch" | "update",
  key: Attrs,
  { set, add, remove }: DrawnChange,
  where?: [string, unknown],
  more: (op: AnyEntity) => AnyEntity = (op) => op,
) {
  return (e: AnyEntity) => {
    let op = e[method](key);
    if (Object.keys(set).length) op = op.set(set);
    if (Object.keys(add).length) op = op.add(add);
    if (remove.length) op = op.remove(remove);
    op = more(op);
    if (where) op = op.where((a: Attrs, o: { eq(a: unknown, v: unknown): string }) => o.eq(a[where[0]], where[1]));
    return op.commit();
  };
}

/** What a builder gives: its entry, or the error it throws (code and message, without ElectroDB's help link). */
function outcome(build: () => unknown): { entry?: Attrs; error?: { code?: number; message: string } } {
  try {
    return { entry: build() as Attrs };
  } catch (error) {
    const e = error as { code?: number; _message?: string; message: string };
    return { error: { code: e.code, message: e._message ?? e.message } };
  }
}

/** ElectroDB's TransactWriteItems entry for an update, or the error it throws. */
const electroOutcome = (entity: AnyEntity, write: (e: AnyEntity) => unknown) =>
  outcome(() => createWriteTransaction({ e: entity }, ({ e }) => [write(e)] as never).params().TransactItems[0]);

// A watcher's setter reads the clock (application.statusAt: `updatedAt ?? now`): the builders are compared at one
// instant.
const instant = new Date("2026-03-04T05:06:07.890Z");
const atOneInstant = <T>(build: () => T): T => {
  vi.useFakeTimers({ toFake: ["Date"], now: instant });
  try {
    return build();
  } finally {
    vi.useRealTimers();
  }
};

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

describe("lite updates are ElectroDB's: re-keyed indexes, conditional indexes, setters and watchers, refusals", () => {
  // What the draws came to, so the property is not met by refusals alone.
  const tally = { written: 0, refused: 0, rekeyed: 0, unkeyed: 0 };
  it.each(models)(
    "%s: patch and update over every attribute equal ElectroDB's params, or both refuse",
    (_name, model) => {
      const entity = electro(model);
      const writes = liteWrites(model);
      const attributes = Object.keys(model.attributes as Attrs);
      const where = fc.option(
        fc
          .constantFrom(...attributes)
          .chain((name) =>
            fc.tuple(fc.constant(name), arbitraryOf((model.attributes as Record<string, Attrs>)[name]!)),
          ),
        { freq: 3 },
      );
      fc.assert(
        fc.property(
          itemOf(model),
          changeOf(model),
          fc.constantFrom("patch", "update"),
          where,
          (item, change, method, condition) => {
            const key = keyOf(model, item);
            const theirs = atOneInstant(() =>
              electroOutcome(entity, electroUpdate(method as "patch", key, change, condition ?? undefined)),
            );
            const ours = atOneInstant(() =>
              outcome(() =>
                writes[method as "patch"](
                  key as never,
                  change as never,
                  condition ? whereEquals(model, { [condition[0]]: condition[1] }) : undefined,
                ),
              ),
            );
            if (theirs.error) {
              tally.refused++;
              expect(ours.error, `ElectroDB refused: ${theirs.error.message}`).toBeDefined();
              // ElectroDB's refusals of keys, conditional indexes and read-only or required attributes, word for word.
              if (ours.error?.code !== undefined) expect(ours.error).toEqual(theirs.error);
              return;
            }
            expect(ours.error).toBeUndefined();
            const entry = normalised(ours.entry) as { operations: Record<string, [string, unknown][]> };
            expect(entry).toEqual(normalised(theirs.entry));
            const secondary = (clause: string) =>
              (entry.operations[clause] ?? []).some(([field]) => /^gsi\d+(pk|sk)$/.test(field));
            tally.written++;
            if (secondary("SET")) tally.rekeyed++;
            if (secondary("REMOVE")) tally.unkeyed++;
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  it("the draws wrote, re-keyed and un-keyed secondary indexes, not only refused", () => {
    expect(tally.written).toBeGreaterThan(tally.refused / 4);
    expect(tally.rekeyed).toBeGreaterThan(100);
    expect(tally.unkeyed).toBeGreaterThan(20);
  });

  it("refuses as ElectroDB does: an offer's status without its reply-by day (its conditional index's composites)", () => {
    const [, offer] = models.find(([name]) => name === "offerModel")!;
    const change = { set: { status: "open" } } as never;
    const error = outcome(() => liteWrites(offer).patch({ applicationId: "a" } as never, change)).error;
    expect(error?.code).toBe(2012);
    expect(error).toEqual(
      electroOutcome(electro(offer), (e) => e.patch({ applicationId: "a" }).set({ status: "open" }).commit()).error,
    );
    expect(() => liteWrites(offer).patch({ applicationId: "a" } as never, change)).toThrow(LiteUpdateError);
  });
});

/**
 * How DynamoDB took one write: "ok", its cancellation codes, or the error it refused the request with (ADD of a
 * number to a map held by an `any` attribute: a ValidationException, for ElectroDB's entry as for the lite one).
 */
async function taken(write: () => Promise<unknown>): Promise<string> {
  try {
    const result = (await write()) as { canceled?: boolean; data?: { code: string }[] } | undefined;
    return result?.canceled ? result.data!.map((r) => r.code).join() : "ok";
  } catch (error) {
    const { CancellationReasons, name } = error as { CancellationReasons?: { Code?: string }[]; name: string };
    return CancellationReasons ? CancellationReasons.map((r) => r.Code ?? "None").join() : name;
  }
}

/** ElectroDB's own entry (built at one instant), sent as its transaction sends it. */
const sendElectro = (entry: Attrs) => () =>
  dynamo().send(new TransactWriteCommand({ TransactItems: [entry as never] }));

describe("lite updates leave the items ElectroDB's leave (DynamoDB Local)", () => {
  it.each(models)("%s: patch (set, add, remove) and update (upsert) over every attribute", async (_name, model) => {
    const entity = electro(model);
    const writes = liteWrites(model);
    await fc.assert(
      fc.asyncProperty(itemOf(model), changeOf(model), async (raw, change) => {
        const item = unique(model, raw);
        fc.pre(electroEntry(entity, (e) => e.put(item).commit()) !== undefined);
        const key = keyOf(model, item);
        const theirPatch = atOneInstant(() => electroOutcome(entity, electroUpdate("patch", key, change)));
        const ourPatch = atOneInstant(() => outcome(() => writes.patch(key as never, change as never)));
        // Refusals are the params property's; here only what both write.
        expect(!!ourPatch.error).toBe(!!theirPatch.error);
        fc.pre(!theirPatch.error);

        await send(writes.put(item as never));
        const theirs = await taken(sendElectro(theirPatch.entry!));
        const afterTheirs = await stored(model, key);
        await send(writes.put(item as never));
        const ours = await taken(() => transactWrite([ourPatch.entry as never]));
        // Both commit, or DynamoDB refuses both alike (ElectroDB may SET and REMOVE one key: overlapping paths).
        expect(ours).toBe(theirs);
        expect(await stored(model, key)).toEqual(afterTheirs);
        if (ours === "ok") {
          // The item as written, returned in ElectroDB's shape.
          await send(writes.put(item as never));
          const returned = await send(ourPatch.entry as never, { returnNew: model });
          expect(returned).toEqual(entity.formatResponse({ Item: afterTheirs }, "", {}).data);
        }

        // An update of an item that is not there creates it.
        await send(writes.delete(key as never));
        const theirUpsert = atOneInstant(() => electroOutcome(entity, electroUpdate("update", key, change)));
        const ourUpsert = atOneInstant(() => outcome(() => writes.update(key as never, change as never)));
        expect(!!ourUpsert.error).toBe(!!theirUpsert.error);
        if (theirUpsert.entry) {
          const theirs = await taken(sendElectro(theirUpsert.entry));
          const created = await stored(model, key);
          await send(writes.delete(key as never));
          expect(await taken(() => transactWrite([ourUpsert.entry as never]))).toBe(theirs);
          expect(await stored(model, key)).toEqual(created);
          await send(writes.delete(key as never));
        }
        // A patch of a missing item is refused by both.
        expect(await taken(() => transactWrite([ourPatch.entry as never]))).toBe(
          await taken(sendElectro(theirPatch.entry!)),
        );
        expect(await stored(model, key)).toBeUndefined();
      }),
      { numRuns: 5 },
    );
  });
});

describe("a status change on the lite path moves an application in and out of the retention index", () => {
  it("rejected: found by its decision (keys set, statusAt from updatedAt); reviewing again: gone (keys removed)", async () => {
    const [, model] = models.find(([name]) => name === "applicationModel")!;
    const entity = electro(model);
    const writes = liteWrites(model);
    const lite = liteEntity(model);
    const key = { listingId: `l-${randomUUID()}`, studentId: `s-${randomUUID()}` };
    const decidedAt = `2026-05-01T00:00:00.000Z-${randomUUID()}`;
    await send(
      writes.put({
        ...key,
        applicationId: randomUUID(),
        orgId: "o",
        status: "submitted",
        answers: [],
        history: [],
        createdAt: "2026-04-01T00:00:00.000Z",
        updatedAt: "2026-04-01T00:00:00.000Z",
        version: 1,
      } as never),
    );
    const decided = { status: "rejected", statusAt: decidedAt };
    const returned = await send(
      writes.patch(key as never, { set: { status: "rejected", updatedAt: decidedAt } as never }),
      {
        returnNew: model,
      },
    );
    expect(returned).toMatchObject({ ...key, status: "rejected", updatedAt: decidedAt });
    const viaLite = await lite.query("byDecision", decided as never, { consistent: false });
    const viaElectro = (await entity.query.byDecision(decided).go()).data;
    expect(viaLite.map((a) => (a as Attrs).studentId)).toEqual([key.studentId]);
    expect(viaLite).toEqual(viaElectro);
    await send(
      writes.patch(key as never, { set: { status: "reviewing", updatedAt: "2026-05-02T00:00:00.000Z" } as never }),
    );
    expect(await lite.query("byDecision", decided as never)).toEqual([]);
    const raw = await stored(model, key);
    expect(raw?.gsi3pk).toBeUndefined();
    expect(raw?.gsi3sk).toBeUndefined();
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

/**
 * An update entry with every placeholder replaced by its field or value, each clause's terms sorted (a SET term may
 * hold commas: `list_append(if_not_exists(…), …)`), and the condition's parentheses dropped: two builders' entries
 * compare whatever they name their placeholders, appends included.
 */
function resolved(entry: Attrs | undefined) {
  const update = entry?.Update as Attrs | undefined;
  if (!update) return entry;
  const names = (update.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (update.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  const resolve = (text: string) =>
    text.replace(/[#:]\w+/g, (token) =>
      token.startsWith("#") ? (names[token] ?? token) : token in values ? JSON.stringify(values[token]) : token,
    );
  const clauses: Record<string, string[]> = {};
  for (const [, clause, body] of (update.UpdateExpression as string).matchAll(
    /(SET|REMOVE|ADD|DELETE) (.*?)(?= (?:SET|REMOVE|ADD|DELETE) |$)/g,
  )) {
    const terms: string[] = [];
    let [depth, start] = [0, 0];
    for (let i = 0; i < body!.length; i++) {
      if (body![i] === "(") depth++;
      else if (body![i] === ")") depth--;
      else if (depth === 0 && body!.startsWith(", ", i)) {
        terms.push(body!.slice(start, i));
        start = i + 2;
      }
    }
    terms.push(body!.slice(start));
    clauses[clause!] = terms.map(resolve).sort();
  }
  const condition = update.ConditionExpression as string | undefined;
  return {
    TableName: update.TableName,
    Key: update.Key,
    clauses,
    condition: condition && resolve(condition).replace(/[()]/g, ""),
  };
}

/** Both builders refuse (with ElectroDB's code and message where the lite path gives a code), or write alike. */
function expectSameOutcome(ours: ReturnType<typeof outcome>, theirs: ReturnType<typeof outcome>) {
  if (theirs.error) {
    expect(ours.error, `ElectroDB refused: ${theirs.error.message}`).toBeDefined();
    if (ours.error?.code !== undefined) expect(ours.error).toEqual(theirs.error);
    return;
  }
  expect(ours.error).toBeUndefined();
  expect(resolved(ours.entry)).toEqual(resolved(theirs.entry));
}

describe("lite updates' appends and composites are ElectroDB's .append() and .composite()", () => {
  // The models' list attributes the lite path appends to (not keyed, set or watched: lite-writes.ts `checkChange`).
  const appendable = models.flatMap(([modelName, model]) => {
    const attributes = model.attributes as Record<string, Attrs>;
    return Object.keys(attributes)
      .filter((name) => attributes[name]!.type === "list")
      .filter((name) => {
        try {
          liteWrites(model).update({} as never, { append: { [name]: [] } } as never);
          return true;
        } catch (error) {
          return !/not appended by the lite path/.test((error as Error).message);
        }
      })
      .map((name) => [`${modelName}.${name}`, model, name] as const);
  });

  it("finds list attributes to append to, the application's history among them", () => {
    expect(appendable.map(([label]) => label)).toContain("applicationModel.history");
    expect(appendable.length).toBeGreaterThan(5);
  });

  it.each(appendable)(
    "%s: patch and update with an append equal ElectroDB's params, or both refuse",
    (_l, model, name) => {
      const entity = electro(model);
      const writes = liteWrites(model);
      const items = arbitraryOf((model.attributes as Record<string, Attrs>)[name]!);
      fc.assert(
        fc.property(
          itemOf(model),
          changeOf(model),
          fc.constantFrom("patch", "update"),
          items,
          fc.integer(),
          (item, drawn, method, list, version) => {
            // The appended attribute changed no other way in the same update (DynamoDB refuses overlapping paths).
            const change = {
              set: Object.fromEntries(Object.entries(drawn.set).filter(([n]) => n !== name)),
              add: drawn.add,
              remove: drawn.remove.filter((n) => n !== name),
            };
            const key = keyOf(model, item);
            const guard = (model.attributes as Attrs).version ? "version" : name;
            const theirs = atOneInstant(() =>
              electroOutcome(
                entity,
                electroUpdate(method as "patch", key, change, [guard, version], (op) => op.append({ [name]: list })),
              ),
            );
            const ours = atOneInstant(() =>
              outcome(() =>
                writes[method as "patch"](
                  key as never,
                  { ...change, append: { [name]: list } } as never,
                  whereEquals(model, { [guard]: version }),
                ),
              ),
            );
            expectSameOutcome(ours, theirs);
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it("refuses to append where ElectroDB does: an attribute not a list, a read-only list", () => {
    const [, application] = models.find(([name]) => name === "applicationModel")!;
    const key = { listingId: "l", studentId: "s" };
    const write = (append: Attrs) => outcome(() => liteWrites(application).patch(key as never, { append } as never));
    const theirs = (append: Attrs) => electroOutcome(electro(application), (e) => e.patch(key).append(append).commit());
    // A value the attribute takes, so ElectroDB's refusal is the operation's, not the value's.
    expect(write({ rejectionReason: "x" }).error?.message).toBe(theirs({ rejectionReason: "x" }).error?.message);
    expect(write({ rejectionReason: "x" }).error?.message).toMatch(/"APPEND" Operation can only be performed/);
    // A read-only list: ElectroDB's 3001, word for word.
    const [, round] = models.find(([name]) => name === "placementRoundModel")!;
    const readOnly = outcome(() =>
      liteWrites(round).patch({ roundId: "r" } as never, { append: { universityIds: ["u"] } } as never),
    ).error;
    expect(readOnly?.code).toBe(3001);
    expect(readOnly).toEqual(
      electroOutcome(electro(round), (e) =>
        e
          .patch({ roundId: "r" })
          .append({ universityIds: ["u"] })
          .commit(),
      ).error,
    );
  });

  it.each(models)(
    "%s: patch and update with composites equal ElectroDB's .composite(), or both refuse",
    (_name, model) => {
      const entity = electro(model);
      const writes = liteWrites(model);
      const plan = Object.values(model.indexes as Record<string, { pk: never; sk?: never }>);
      const composites = [...new Set(plan.flatMap((i) => [...compositesOfKey(i.pk), ...compositesOfKey(i.sk)]))].filter(
        (n) => !mainComposites(model).includes(n),
      );
      if (composites.length === 0) return;
      fc.assert(
        fc.property(
          itemOf(model),
          changeOf(model),
          fc.constantFrom("patch", "update"),
          fc.subarray(composites, { minLength: 1 }),
          (item, change, method, given) => {
            const key = keyOf(model, item);
            const composite = Object.fromEntries(given.filter((n) => item[n] !== undefined).map((n) => [n, item[n]]));
            fc.pre(Object.keys(composite).length > 0);
            const theirs = atOneInstant(() =>
              electroOutcome(
                entity,
                electroUpdate(method as "patch", key, change, undefined, (op) => op.composite(composite)),
              ),
            );
            const ours = atOneInstant(() =>
              outcome(() => writes[method as "patch"](key as never, { ...change, composite } as never)),
            );
            expectSameOutcome(ours, theirs);
          },
        ),
        { numRuns: 60 },
      );
    },
  );

  it("an organisation's verification decision: ElectroDB's patch(...).set(...).composite({ createdAt }).add(...)", () => {
    const [, organisation] = models.find(([name]) => name === "organisationModel")!;
    const set = { verification: "verified", verificationReason: "", updatedAt: "2026-03-01T00:00:00.000Z" };
    const theirs = electroOutcome(electro(organisation), (e) =>
      e
        .patch({ orgId: "o" })
        .set(set)
        .composite({ createdAt: "2026-01-01T00:00:00.000Z" })
        .add({ version: 1 })
        .where((a: Attrs, o: { eq(a: unknown, v: unknown): string }) => o.eq(a.version, 3))
        .commit(),
    );
    const ours = liteWrites(organisation).patch(
      { orgId: "o" } as never,
      { set, add: { version: 1 }, composite: { createdAt: "2026-01-01T00:00:00.000Z" } } as never,
      whereEquals(organisation, { version: 3 }),
    );
    expect(resolved(ours as never)).toEqual(resolved(theirs.entry));
    // The composite re-keys nothing more here (the queue's sort key is not re-written, by either): it holds the write
    // to the createdAt read, which is all that tells it from the same patch without it.
    expect(resolved(ours as never)?.condition).toContain('createdAt = "2026-01-01T00:00:00.000Z"');
    const bare = liteWrites(organisation).patch({ orgId: "o" } as never, { set } as never);
    const theirsBare = electroOutcome(electro(organisation), (e) => e.patch({ orgId: "o" }).set(set).commit());
    expect(resolved(bare as never)).toEqual(resolved(theirsBare.entry));
    expect(resolved(bare as never)?.condition).not.toContain("createdAt");
  });

  it("joins no two parts' placeholders: a hand-written condition rebinding the update's own is refused", () => {
    const [, round] = models.find(([name]) => name === "placementRoundModel")!;
    const writes = liteWrites(round);
    const change = { set: { title: "x" } } as never;
    // The parts' own placeholders (`#u…`, `#w…`, `#c_…`, `#k…`, `#append_…`) never meet: every field stays named.
    const entry = writes.patch({ roundId: "r" } as never, change, whereEquals(round, { version: 1, title: "y" }))
      .Update!;
    expect(entry.ExpressionAttributeNames).toMatchObject({ "#w0": "version", "#w1": "title", "#pk": "pk" });
    expect(Object.values(entry.ExpressionAttributeNames!).filter((field) => field === "title")).toHaveLength(2);
    // A raw condition reusing `#u0` for another field would have renamed what the update sets: refused instead.
    const clash = { expression: "#u0 = :u0", names: { "#u0": "status" }, values: { ":u0": "open" } };
    expect(() => writes.patch({ roundId: "r" } as never, change, clash)).toThrow(/#u0 is bound twice/);
    // The same placeholder bound alike (the patch's own `#pk`) is one name.
    const alike = { expression: "attribute_exists(#pk)", names: { "#pk": "pk" } };
    expect(writes.patch({ roundId: "r" } as never, change, alike).Update!.ExpressionAttributeNames!["#pk"]).toBe("pk");
  });
});

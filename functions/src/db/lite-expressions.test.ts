import { randomUUID } from "node:crypto";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { createWriteTransaction } from "electrodb";
import { describe, expect, it } from "vitest";
import { dataConfig } from "../config";
import { dynamo } from "./client";
import type { InterviewEntity } from "./entities/interview";
import { tableKey } from "./lite";
import { queryRange } from "./lite-range";
import { transactWrite } from "./lite-transact";
import { condition, liteWrites, send } from "./lite-writes";
import { applicationModel } from "./models/application";
import { interviewModel } from "./models/interview";
import { listingModel } from "./models/listing";
import { db } from "./service";

// The work modules' conditions (lite-expressions.ts `condition`), appends (`Change.append`) and ranges
// (lite-range.ts' between) must do what the ElectroDB calls they replace did: the same items left in DynamoDB Local,
// the same conditions refused, the same items found. (lite-transact.test.ts holds the appends' params to ElectroDB's.)

type Attrs = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: ElectroDB's chained builders, driven as the modules drove them.
type AnyBuilder = any;
type Model = Parameters<typeof tableKey>[0];

async function stored(model: Model, key: Attrs) {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: dataConfig().TABLE_NAME, Key: tableKey(model, key), ConsistentRead: true }),
  );
  return Item;
}

const at = "2026-03-01T08:00:00.000Z";

function listing(): Attrs {
  return {
    listingId: `l-${randomUUID()}`,
    orgId: "org-clauses",
    type: "internship",
    title: { vi: "Thực tập" },
    description: { vi: "Mô tả" },
    requiredSkills: ["excel"],
    preferredSkills: [],
    majors: [],
    years: [],
    communeId: "c1",
    workMode: "onsite",
    deadline: "2026-04-01",
    positions: 2,
    reservedCount: 1,
    status: "published",
    sortAt: at,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

function application(status = "interview"): Attrs {
  return {
    listingId: `l-${randomUUID()}`,
    studentId: `s-${randomUUID()}`,
    applicationId: randomUUID(),
    orgId: "org-clauses",
    status,
    answers: [],
    history: [{ status: "submitted", at, by: "student" }],
    createdAt: at,
    updatedAt: at,
    version: 3,
  };
}

describe("Change.append: ElectroDB's .append() on a lite update", () => {
  it("a plain model: the same item as ElectroDB's patch with set, add and append, and the same refusal", async () => {
    const writes = liteWrites(listingModel);
    const item = listing();
    const key = { listingId: item.listingId };
    const electro = (e: AnyBuilder) =>
      e
        .patch(key)
        .set({ updatedAt: "2026-03-02T00:00:00.000Z" })
        .add({ reservedCount: 1 })
        .append({ requiredSkills: ["word"], questions: [{ id: "q1", vi: "Vì sao?" }] })
        .where((a: AnyBuilder, op: AnyBuilder) => op.eq(a.positions, 2))
        .commit();
    const ours = () =>
      writes.patch(
        key as never,
        {
          set: { updatedAt: "2026-03-02T00:00:00.000Z" },
          add: { reservedCount: 1 },
          append: { requiredSkills: ["word"], questions: [{ id: "q1", vi: "Vì sao?" }] },
        } as never,
        condition(listingModel, ({ attr, value }) => `${attr("positions")} = ${value(2)}`),
      );
    await send(writes.put(item as never));
    const theirs = await createWriteTransaction({ listing: db().entities.listing }, ({ listing }) => [
      electro(listing),
    ]).go();
    expect(theirs.canceled).toBe(false);
    const afterTheirs = await stored(listingModel, key);
    // `questions` was absent: the append starts it from an empty list, as ElectroDB's if_not_exists does.
    expect(afterTheirs?.questions).toEqual([{ id: "q1", vi: "Vì sao?" }]);
    expect(afterTheirs?.requiredSkills).toEqual(["excel", "word"]);
    await send(writes.put(item as never));
    expect((await transactWrite([ours()])).canceled).toBe(false);
    expect(await stored(listingModel, key)).toEqual(afterTheirs);

    // Both refuse when the condition fails (positions moved) or the item is gone.
    await send(writes.put({ ...item, positions: 3 } as never));
    expect((await transactWrite([ours()])).data.map((r) => r.code)).toEqual(["ConditionalCheckFailed"]);
    await send(writes.delete(key as never));
    expect((await transactWrite([ours()])).data.map((r) => r.code)).toEqual(["ConditionalCheckFailed"]);
    expect(await stored(listingModel, key)).toBeUndefined();
  });

  it("an application's move (data/applications.ts): the same item as ElectroDB's, statusAt and the retention keys too", async () => {
    const writes = liteWrites(applicationModel);
    for (const to of ["offered", "rejected"]) {
      const item = application();
      const key = { listingId: item.listingId, studentId: item.studentId };
      const now = "2026-03-05T09:00:00.000Z";
      const step = { status: to, at: now, by: "organisation", reason: "Lý do" };
      const set = { status: to, updatedAt: now, ...(to === "rejected" ? { rejectionReason: "Lý do" } : {}) };
      await send(writes.put(item as never));
      const theirs = await createWriteTransaction({ application: db().entities.application }, ({ application }) => [
        application
          .patch(key as never)
          .set(set as never)
          .append({ history: [step] } as never)
          .add({ version: 1 })
          .where(
            (a: AnyBuilder, op: AnyBuilder) =>
              `${op.eq(a.version, 3)} AND ${op.eq(a.applicationId, item.applicationId)}`,
          )
          .commit(),
      ]).go();
      expect(theirs.canceled).toBe(false);
      const afterTheirs = await stored(applicationModel, key);
      await send(writes.put(item as never));
      const unmoved = condition(
        applicationModel,
        ({ attr, value }) =>
          `${attr("version")} = ${value(3)} AND ${attr("applicationId")} = ${value(item.applicationId)}`,
      );
      const ours = writes.patch(
        key as never,
        { set, add: { version: 1 }, append: { history: [step] } } as never,
        unmoved,
      );
      expect((await transactWrite([ours])).canceled).toBe(false);
      expect(await stored(applicationModel, key)).toEqual(afterTheirs);
      expect(afterTheirs?.history).toHaveLength(2);
      // A rejection enters the sparse retention index (statusAt its sort key); an offer does not.
      expect(afterTheirs?.gsi3sk).toEqual(
        to === "rejected" ? `$application_1#statusat_${now.toLowerCase()}` : undefined,
      );
      await send(writes.delete(key as never));
    }
  });
});

describe("queryRange between: ElectroDB's between on a conditional index, every page", () => {
  it("finds the items ElectroDB's between finds, both bounds included, only the entity's own", async () => {
    const writes = liteWrites(interviewModel);
    // A start a century from now, so no other test file's scheduled interviews fall in the window.
    const base = Date.parse("2126-05-01T00:00:00.000Z") + Math.floor(Math.random() * 1e9) * 1000;
    const iso = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
    const interview = (startsAt: string, status = "scheduled") => ({
      applicationId: randomUUID(),
      interviewId: randomUUID(),
      listingId: "l-between",
      orgId: "o",
      studentId: "s",
      status,
      slots: [{ id: "a", startsAt, durationMinutes: 30 }],
      chosenSlotId: "a",
      startsAt,
      mode: "online",
      link: "https://meet.example/x",
      history: [],
      sequence: 1,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    const items = [
      interview(iso(-1)),
      interview(iso(0)),
      interview(iso(30)),
      interview(iso(60)),
      interview(iso(61)),
      interview(iso(30), "proposed"),
    ];
    for (const item of items) await send(writes.put(item as never));
    const [from, to] = [iso(0), iso(60)];
    const { data: theirs } = await db()
      .entities.interview.query.byStart({ status: "scheduled" })
      .between({ startsAt: from }, { startsAt: to })
      .go({ pages: "all" });
    const { data: ours } = await queryRange<InterviewEntity>(
      interviewModel,
      "byStart",
      { status: "scheduled" },
      { between: [{ startsAt: from }, { startsAt: to }] },
    );
    expect(ours.map((i) => i.startsAt)).toEqual([iso(0), iso(30), iso(60)]);
    expect(ours).toEqual(theirs);
    for (const item of items) await send(writes.delete({ applicationId: item.applicationId } as never));
  });
});

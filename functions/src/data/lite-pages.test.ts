import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { queryPage } from "../db/lite-pages";
import { auditModel } from "../db/models/audit";
import { messageModel } from "../db/models/message";
import { db } from "../db/service";
import { queryBelow } from "./lite-pages";

// The audit log's cursor pages and a thread's older messages, read over the lite data path, must be exactly what
// ElectroDB's queries returned before (data/audit.ts, data/messages.ts): the same items in the same order, the same
// cursors, and other entities' items on the same partition left out the same way.

const entities = () => db().entities;

describe("queryPage pages the audit log (the table index) as ElectroDB's count and cursor", () => {
  it("returns the same items and cursors, page after page, both orders, whatever the page size", async () => {
    const month = `t-${randomUUID()}`;
    const at = (i: number) => new Date(Date.UTC(2026, 4, 1, 0, 0, i)).toISOString();
    for (let i = 0; i < 23; i++) {
      await entities()
        .audit.create({
          month,
          at: at(i % 17),
          auditId: randomUUID(),
          actorId: `u${i}`,
          role: "admin",
          action: "dashboard.view",
          scope: "province",
          filters: { year: "2026" },
        })
        .go();
    }
    for (const order of ["asc", "desc"] as const) {
      for (const count of [1, 5, 23, 30]) {
        let theirs: string | null = null;
        let ours: string | null = null;
        let pages = 0;
        do {
          const electro: { data: unknown[]; cursor: string | null } = await entities()
            .audit.query.byMonth({ month })
            .go({ order, count, cursor: theirs });
          const lite: { data: unknown[]; cursor: string | null } = await queryPage(
            auditModel,
            "byMonth",
            { month },
            { order, count, cursor: ours },
          );
          expect(lite).toEqual({ data: electro.data, cursor: electro.cursor });
          theirs = electro.cursor;
          ours = lite.cursor;
          pages++;
        } while (theirs && pages < 40);
        expect(pages).toBeGreaterThanOrEqual(Math.ceil(23 / count));
      }
    }
  });

  it("refuses an undecodable cursor with ElectroDB's message (the route's 400)", async () => {
    await expect(queryPage(auditModel, "byMonth", { month: "x" }, { count: 5, cursor: "%%%" })).rejects.toThrow(
      /cursor/,
    );
  });
});

describe("queryBelow reads as ElectroDB's lt with a limit", () => {
  it("returns the same messages as ElectroDB, from the end or below any message, with the thread's other items around", async () => {
    const applicationId = randomUUID();
    const created: { createdAt: string; messageId: string }[] = [];
    for (let i = 0; i < 9; i++) {
      const message = {
        applicationId,
        messageId: randomUUID(),
        studentId: "s1",
        orgId: "o1",
        listingId: "l1",
        side: i % 2 ? ("organisation" as const) : ("student" as const),
        authorUserId: "a1",
        text: `m${i}`,
        createdAt: new Date(Date.UTC(2026, 4, 1, 0, 0, i % 6)).toISOString(),
      };
      await entities().message.create(message).go();
      created.push(message);
    }
    // Items of other entities on the thread's partition, sorting before and after the messages.
    await entities()
      .applicantNote.put({ applicationId, orgId: "o1", text: "n", updatedBy: "a1", updatedAt: "x", version: 1 })
      .go();
    await entities().threadRead.put({ applicationId, userId: "a1", seen: 1, readAt: "x" }).go();
    await entities()
      .thread.put({ applicationId, studentId: "s1", orgId: "o1", listingId: "l1", lastMessageAt: "x" })
      .go();
    for (const limit of [1, 3, 10, 20]) {
      for (const before of [undefined, ...created]) {
        const query = entities().message.query.byThread({ applicationId });
        const electro = await (before ? query.lt(before) : query).go({ order: "desc", limit });
        const lite = await queryBelow(messageModel, "byThread", { applicationId }, before, { order: "desc", limit });
        expect(lite).toEqual(electro.data);
      }
    }
  });
});

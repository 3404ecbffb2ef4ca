import { randomUUID } from "node:crypto";
import type { QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import type { OfferEntity } from "./entities/offer";
import { queryRange } from "./lite-range";
import { liteTransport } from "./lite-transport";
import { applicationModel } from "./models/application";
import { bookingModel } from "./models/booking";
import { offerModel } from "./models/offer";
import { db } from "./service";
import type { LiteTransport } from "./transport";

// The lite range query (lite-range.ts) against ElectroDB's: the same key condition for the ranges the jobs read
// (retention's decisions, the offers' reply-by days, the bookings' starts), and the same pages and cursors.

/** A transport that records the Query it is sent and answers with no items. */
function recording(): { sent: QueryCommandInput[]; client: () => LiteTransport } {
  const sent: QueryCommandInput[] = [];
  const query = async (input: QueryCommandInput) => {
    sent.push(input);
    return { Items: [] };
  };
  const client = () => ({ query }) as unknown as LiteTransport;
  return { sent, client };
}

/** The fields ElectroDB's `.params()` and a sent Query both carry, without the undefined ones. */
const queryFields = (input: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(input).filter(([name, value]) => value !== undefined && name !== "ExclusiveStartKey"),
  );

describe("lite range queries equal ElectroDB's", () => {
  it("builds ElectroDB's key conditions for lt and between, with its Limit", async () => {
    const { sent, client } = recording();
    const cutoff = "2026-01-01T00:00:00.000Z";
    await queryRange(
      applicationModel,
      "byDecision",
      { status: "rejected" },
      { lt: { statusAt: cutoff } },
      { page: { limit: 25 } },
      client,
    );
    await queryRange(offerModel, "byReplyBy", { status: "open" }, { lt: { replyBy: "2026-05-01" } }, {}, client);
    const [from, to] = ["2026-05-01T00:00:00.000Z", "2026-05-02T00:00:00.000Z"];
    await queryRange(
      bookingModel,
      "byStart",
      { startsDay: "2026-05-01" },
      { between: [{ startsAt: from }, { startsAt: to }] },
      {},
      client,
    );
    const { application, offer, booking } = db().entities;
    expect(sent.map(queryFields)).toEqual([
      application.query.byDecision({ status: "rejected" }).lt({ statusAt: cutoff }).params({ limit: 25 }),
      offer.query.byReplyBy({ status: "open" }).lt({ replyBy: "2026-05-01" }).params(),
      booking.query.byStart({ startsDay: "2026-05-01" }).between({ startsAt: from }, { startsAt: to }).params(),
    ]);
  });

  it("refuses a bound without every sort-key composite rather than query another range", async () => {
    const { client } = recording();
    await expect(queryRange(offerModel, "byReplyBy", { status: "open" }, { lt: {} }, {}, client)).rejects.toThrow(
      /every sort-key composite/,
    );
  });

  it("reads the same pages and cursors as ElectroDB on DynamoDB Local, each continuing the other's", async () => {
    const offers = Array.from({ length: 5 }, (_, i) => ({
      applicationId: randomUUID(),
      listingId: "l",
      orgId: "o",
      studentId: `s${i}`,
      status: "open" as const,
      payKind: "unpaid" as const,
      startDate: "2026-06-01",
      replyBy: `2026-05-0${i + 1}`,
      createdAt: "2026-04-01T00:00:00.000Z",
      updatedAt: "2026-04-01T00:00:00.000Z",
      version: 1,
    }));
    for (const item of offers) await db().entities.offer.put(item).go();
    const electro = (cursor: string | null) =>
      db().entities.offer.query.byReplyBy({ status: "open" }).lt({ replyBy: "2026-05-05" }).go({ limit: 2, cursor });
    const lite = (cursor: string | null) =>
      queryRange<OfferEntity>(
        offerModel,
        "byReplyBy",
        { status: "open" },
        { lt: { replyBy: "2026-05-05" } },
        { page: { limit: 2, cursor } },
        liteTransport,
      );
    const pages: unknown[] = [];
    let cursor: string | null = null;
    do {
      const theirs = await electro(cursor);
      const ours = await lite(cursor);
      expect(ours).toEqual({ data: theirs.data, cursor: theirs.cursor });
      pages.push(ours.data);
      cursor = ours.cursor;
    } while (cursor);
    // Everything below the 5th, whatever else the shared table holds under `open`, and every page of ours at once.
    const all = (
      await queryRange<OfferEntity>(offerModel, "byReplyBy", { status: "open" }, { lt: { replyBy: "2026-05-05" } })
    ).data;
    expect(all).toEqual(pages.flat());
    expect(all.filter((o) => offers.some((x) => x.applicationId === o.applicationId)).map((o) => o.replyBy)).toEqual([
      "2026-05-01",
      "2026-05-02",
      "2026-05-03",
      "2026-05-04",
    ]);
  });
});

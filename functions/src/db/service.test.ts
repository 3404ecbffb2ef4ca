import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { transactWithRetry } from "../data/transact";
import { db } from "./service";

// db() builds entities on first access and runs write transactions without a Service of all entities
// (service.ts): these pin what the data layer relies on from ElectroDB's Service transaction, against DynamoDB Local.
const organisation = (orgId: string) => ({
  orgId,
  kind: "enterprise" as const,
  name: { vi: "Công ty thử" },
  sectors: ["software"],
  communeId: "p-tran-bien",
  address: "1 Đường thử",
  verification: "pending" as const,
  createdAt: "2026-12-06T00:00:00.000Z",
  updatedAt: "2026-12-06T00:00:00.000Z",
  version: 1,
});

describe("db()", () => {
  it("hands out the same entity on every access, bound to the configured table", () => {
    expect(db().entities.listing).toBe(db().entities.listing);
    const params = db().entities.listing.get({ listingId: "l-1" }).params();
    expect(params.TableName).toBeTruthy();
  });

  it("commits a transaction across two entities, and reports the failed condition's index when it is cancelled", async () => {
    const orgId = randomUUID();
    const write = () =>
      db()
        .transaction.write(({ organisation: organisations, membership }) => [
          organisations.create(organisation(orgId)).commit(),
          membership.create({ orgId, userId: "u-owner", role: "owner", createdAt: "2026-12-06" }).commit(),
        ])
        .go();
    expect(await transactWithRetry(write)).toBe(-1);
    expect((await db().entities.membership.get({ orgId, userId: "u-owner" }).go()).data?.role).toBe("owner");
    // The same create again: the organisation's item exists, so its condition (index 0) fails.
    const again = await write();
    expect(again.canceled).toBe(true);
    expect(again.data[0]).toMatchObject({ rejected: true, code: "ConditionalCheckFailed" });
    expect(await transactWithRetry(write)).toBe(0);
  });

  it("builds the same TransactItems as ElectroDB's params, and a transaction of nothing writes nothing", async () => {
    const params = db()
      .transaction.write(({ membership }) => [
        membership.create({ orgId: "o-1", userId: "u-1", role: "staff", createdAt: "2026-12-06" }).commit(),
      ])
      .params();
    expect(params.TransactItems).toHaveLength(1);
    expect(
      await db()
        .transaction.write(() => [])
        .go(),
    ).toEqual({ canceled: false, data: [] });
  });
});

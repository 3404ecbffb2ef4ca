import { randomUUID } from "node:crypto";
import { Entity } from "electrodb";
import { beforeAll, describe, expect, it } from "vitest";
import { dataConfig } from "../config";
import { dynamo } from "./client";
import type { InvitationEntity } from "./entities/invitation";
import { queryPage } from "./lite-pages";
import { invitationModel } from "./models/invitation";
import type { LiteTransport } from "./transport";
import { sdkTransport } from "./transport-sdk";

// queryPage must page exactly as ElectroDB's `go({ count, order, cursor })` with a `where`: the same items on each
// page and the same cursor strings, so a cursor handed out by either opens the next page in the other.

const electro = () => new Entity(invitationModel, { table: dataConfig().TABLE_NAME, client: dynamo() });
const orgId = `org-pages-${randomUUID()}`;
const total = 11;

/** DynamoDB pages of two items: the pages a count needs span several requests, and some end mid-page. */
const smallPages = (): LiteTransport => {
  const sdk = sdkTransport();
  return { ...sdk, query: (input) => sdk.query({ ...input, Limit: 2 }) };
};

type Filter = "all" | "staff";

async function electroPages(count: number, filter: Filter, order: "asc" | "desc") {
  const pages: { ids: string[]; cursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const query = electro().query.byOrg({ orgId });
    const filtered = filter === "staff" ? query.where((a, op) => op.eq(a.role, "staff")) : query;
    const page: { data: { invitationId: string }[]; cursor: string | null } = await filtered.go({
      count,
      order,
      cursor,
    });
    pages.push({ ids: page.data.map((i) => i.invitationId), cursor: page.cursor });
    cursor = page.cursor;
  } while (cursor && pages.length <= total + 1);
  return pages;
}

async function litePages(count: number, filter: Filter, order: "asc" | "desc", transport?: () => LiteTransport) {
  const pages: { ids: string[]; cursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: { invitationId: string }[]; cursor: string | null } = await queryPage<InvitationEntity>(
      invitationModel,
      "byOrg",
      { orgId },
      {
        count,
        order,
        cursor,
        ...(filter === "staff" ? { filter: (i: { role?: unknown }) => i.role === "staff" } : {}),
      },
      transport,
    );
    pages.push({ ids: page.data.map((i) => i.invitationId), cursor: page.cursor });
    cursor = page.cursor;
  } while (cursor && pages.length <= total + 1);
  return pages;
}

describe("queryPage (DynamoDB Local)", () => {
  beforeAll(async () => {
    for (let i = 0; i < total; i++) {
      await electro()
        .put({
          invitationId: `inv-${orgId}-${i}`,
          orgId,
          email: `p${i}@example.vn`,
          role: i % 3 === 0 ? "owner" : "staff",
          status: "pending",
          invitedBy: "rec-owner",
          createdAt: `2026-01-${String(10 + i).padStart(2, "0")}T00:00:00.000Z`,
          expiresAt: 2_000_000_000,
        })
        .go();
    }
  });

  it("gives ElectroDB's pages and cursors for every page size, filter and order, however DynamoDB pages", async () => {
    for (const order of ["desc", "asc"] as const) {
      for (const filter of ["all", "staff"] as const) {
        for (let count = 1; count <= total + 1; count++) {
          const expected = await electroPages(count, filter, order);
          expect(await litePages(count, filter, order), `${order} ${filter} ${count}`).toEqual(expected);
          expect(await litePages(count, filter, order, smallPages), `${order} ${filter} ${count}`).toEqual(expected);
        }
      }
    }
    // Every item once, in order: the walk is not vacuous.
    const all = await litePages(4, "all", "desc");
    expect(all.flatMap((p) => p.ids)).toEqual(Array.from({ length: total }, (_, i) => `inv-${orgId}-${total - 1 - i}`));
    expect(all.map((p) => p.ids.length)).toEqual([4, 4, 3]);
  });

  it("refuses a cursor that is not one, with a message `paginate` turns into a 400", async () => {
    await expect(
      queryPage<InvitationEntity>(invitationModel, "byOrg", { orgId }, { count: 2, cursor: "not-a-cursor" }),
    ).rejects.toThrow(/cursor/);
  });
});

import { randomUUID } from "node:crypto";
import { Entity } from "electrodb";
import { describe, expect, it } from "vitest";
import { dataConfig } from "../config";
import { dynamo } from "./client";
import { liteEntity } from "./lite";
import { membershipModel } from "./models/membership";
import { sessionSeatsModel } from "./models/session-seats";

// biome-ignore lint/suspicious/noExplicitAny: ElectroDB entities built from a model object, queried by name.
type AnyQueries = Record<string, (composites: object) => any>;

/**
 * Outside review of the lite data path (db/lite.ts) against ElectroDB's semantics. lite.test.ts compared the query's
 * key *values* (:pk, :sk1) with ElectroDB's params but not the operator: ElectroDB queries `#sk1 = :sk1` when every
 * sort-key composite is given, the lite path always used `begins_with(#sk1, :sk1)`, so a query for one member or one
 * session also returned every item whose id merely starts with it (u1 → u10, u1-admin). Fixed in lite.ts
 * (`queryKeys`' `exact`); lite.test.ts now holds the operator to ElectroDB's for every model, and these hold the
 * two cases the review found, on DynamoDB Local.
 */
describe("the lite path's query with every sort-key composite given", () => {
  it("returns exactly ElectroDB's items: membership byOrg {orgId, userId: u1} is not also u10's", async () => {
    const electro = new Entity(membershipModel as never, { table: dataConfig().TABLE_NAME, client: dynamo() });
    const lite = liteEntity(membershipModel);
    const orgId = `org-${randomUUID()}`;
    const createdAt = new Date().toISOString();
    for (const userId of ["u1", "u10", "u1-admin"]) {
      await electro.put({ orgId, userId, role: userId === "u1" ? "staff" : "owner", createdAt } as never).go();
    }
    const viaElectro = (
      await (electro.query as AnyQueries).byOrg!({ orgId, userId: "u1" } as never).go({ pages: "all" })
    ).data;
    expect(viaElectro.map((m: { userId: string }) => m.userId)).toEqual(["u1"]);
    const viaLite = await lite.query("byOrg", { orgId, userId: "u1" } as never);
    expect(viaLite.map((m) => (m as { userId: string }).userId)).toEqual(["u1"]);
  });

  it("returns exactly ElectroDB's items: session seats of session s1 are not s11's", async () => {
    const electro = new Entity(sessionSeatsModel as never, { table: dataConfig().TABLE_NAME, client: dynamo() });
    const lite = liteEntity(sessionSeatsModel);
    const listingId = `lst-${randomUUID()}`;
    for (const sessionId of ["s1", "s11"]) {
      await electro.put({ listingId, sessionId, booked: sessionId === "s1" ? 1 : 9 } as never).go();
    }
    const viaElectro = (await (electro.query as AnyQueries).bySession!({ listingId, sessionId: "s1" } as never).go())
      .data;
    const viaLite = await lite.query("bySession", { listingId, sessionId: "s1" } as never, { consistent: true });
    expect(viaLite).toEqual(viaElectro);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import {
  advance,
  apply,
  listingOf,
  memberOf,
  move,
  someOfferTerms,
  studentWithProfile,
  verifiedOrganisation,
} from "../../test/marketplace";
import { db } from "../db/service";

let recruiter: string;

beforeAll(async () => {
  await verifiedOrganisation("org-fab");
  recruiter = await memberOf("rec-fab", "org-fab");
});

async function storedApplications(listingId: string) {
  const { data } = await db()
    .entities.application.query.byListing({ listingId })
    .go({ pages: "all", consistent: true });
  return data;
}

async function listingCounters(listingId: string) {
  const { data } = await db().entities.listing.get({ listingId }).go({ consistent: true });
  return { reserved: data?.reservedCount ?? 0, accepted: data?.acceptedCount ?? 0 };
}

describe("applications under concurrency", () => {
  it("keeps exactly one application when one student sends 20 applies at once", async () => {
    const listingId = await listingOf(recruiter, "org-fab");
    const student = await studentWithProfile("sv-twenty");
    const ip = "203.0.113.20";
    const results = await Promise.all(Array.from({ length: 20 }, () => apply(student, listingId, {}, ip)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(results.find((r) => r.status === 409)!.json.error.code).toBe("already_applied");
    expect(await storedApplications(listingId)).toHaveLength(1);
  });

  it("never reserves more than 2 positions when 10 offers race; accepts and releases keep the count", async () => {
    const listingId = await listingOf(recruiter, "org-fab", { positions: 2 });
    const students = await Promise.all(Array.from({ length: 10 }, (_, i) => studentWithProfile(`sv-race-${i}`)));
    const applied = await Promise.all(students.map((token) => apply(token, listingId)));
    const ids = applied.map((r) => r.json.id as string);
    await Promise.all(ids.map((id) => advance(recruiter, id, 1, ["shortlisted"])));

    const offers = await Promise.all(ids.map((id) => move(recruiter, id, { to: "offered", version: 2 })));
    const codes = offers.map((r) => (r.status === 200 ? "ok" : r.json.error.code));
    expect(codes.filter((c) => c === "ok")).toHaveLength(2);
    expect(codes.filter((c) => c === "capacity_full")).toHaveLength(8);
    expect((await storedApplications(listingId)).filter((a) => a.status === "offered")).toHaveLength(2);
    expect(await listingCounters(listingId)).toEqual({ reserved: 2, accepted: 0 });

    // Both offered students accept at once; the refused ones cannot accept what they were never offered.
    const offeredAt = offers.flatMap((r, i) => (r.status === 200 ? [i] : []));
    const accepts = await Promise.all(
      ids.map((id, i) => move(students[i]!, id, { to: "accepted", version: offeredAt.includes(i) ? 3 : 2 })),
    );
    expect(accepts.filter((r) => r.status === 200)).toHaveLength(2);
    expect(await listingCounters(listingId)).toEqual({ reserved: 2, accepted: 2 });

    // A third offer beyond capacity is refused, and so is a whole bulk of them.
    const third = ids.find((_, i) => !offeredAt.includes(i))!;
    const refused = await move(recruiter, third, { to: "offered", version: 2 });
    expect([refused.status, refused.json.error.code]).toEqual([409, "capacity_full"]);
    const bulk = await call("POST", `/api/listings/${listingId}/applications/bulk`, {
      token: recruiter,
      body: { applicationIds: ids.filter((_, i) => !offeredAt.includes(i)), to: "offered", terms: someOfferTerms() },
    });
    expect(
      bulk.json.results.every((r: { ok: boolean; error?: { code: string } }) => r.error?.code === "capacity_full"),
    ).toBe(true);
    expect((await storedApplications(listingId)).filter((a) => a.status === "accepted")).toHaveLength(2);
  });

  it("releases a position when an offer is declined, so the next offer fits", async () => {
    const listingId = await listingOf(recruiter, "org-fab", { positions: 1 });
    const [a, b] = await Promise.all([studentWithProfile("sv-dec-a"), studentWithProfile("sv-dec-b")]);
    const [first, second] = await Promise.all([apply(a, listingId), apply(b, listingId)]);
    await advance(recruiter, first.json.id, 1, ["offered"]);
    const blocked = await move(recruiter, second.json.id, { to: "offered", version: 1 });
    expect(blocked.json.error.code).toBe("capacity_full");
    expect((await move(a, first.json.id, { to: "declined", version: 2 })).status).toBe(200);
    expect(await listingCounters(listingId)).toEqual({ reserved: 0, accepted: 0 });
    expect((await move(recruiter, second.json.id, { to: "offered", version: 1 })).status).toBe(200);
    expect(await listingCounters(listingId)).toEqual({ reserved: 1, accepted: 0 });
  });
});

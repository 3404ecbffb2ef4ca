import { unusedFields } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { listingBody, memberOf, verifiedOrganisation } from "../../test/marketplace";

/** Issue 18: which fields each listing type uses was known only to the web form; the API stored anything sent. */
let recruiter: string;

const body = (fields: Record<string, unknown> = {}) =>
  listingBody("org-type-fields", {
    title: { vi: "Thực tập kiểm thử loại tin" },
    description: { vi: "Mô tả." },
    years: [3],
    ...fields,
  });
const internshipTerms = { positions: 3, paid: true, stipendVnd: 4_000_000, durationWeeks: 12 };
const session = { id: "s-1", date: "2099-03-25", startTime: "09:00", place: "Phòng lab", seats: 20 };

beforeAll(async () => {
  await verifiedOrganisation("org-type-fields");
  recruiter = await memberOf("rec-type-fields", "org-type-fields");
});

describe("listing type fields over HTTP", () => {
  it("drops from a new listing the fields its type does not use, and keeps those it does", async () => {
    const visit = await call("POST", "/api/listings", {
      token: recruiter,
      body: body({ type: "visit", ...internshipTerms, sessions: [session] }),
    });
    expect(visit.status, visit.text).toBe(201);
    for (const field of ["positions", "paid", "stipendVnd", "durationWeeks"])
      expect(visit.json).not.toHaveProperty(field);
    expect(visit.json.sessions).toEqual([session]);
    // What was dropped is not stored either: a read gives the same listing.
    const read = await call("GET", `/api/listings/${visit.json.id}`, { token: recruiter });
    expect(read.json).not.toHaveProperty("positions");

    const internship = await call("POST", "/api/listings", {
      token: recruiter,
      body: body({ ...internshipTerms, sessions: [session] }),
    });
    expect(internship.json).toMatchObject(internshipTerms);
    expect(internship.json).not.toHaveProperty("sessions");
  });

  it("clears, on a change of type, the stored fields the new type does not use", async () => {
    const created = await call("POST", "/api/listings", { token: recruiter, body: body(internshipTerms) });
    const edited = await call("PATCH", `/api/listings/${created.json.id}`, {
      token: recruiter,
      body: { type: "training", version: created.json.version },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ type: "training", positions: 3, durationWeeks: 12 });
    for (const field of unusedFields("training")) expect(edited.json).not.toHaveProperty(field);

    // An edit that sends a field the type does not use changes nothing of it.
    const again = await call("PATCH", `/api/listings/${created.json.id}`, {
      token: recruiter,
      body: { paid: true, stipendVnd: 1, version: edited.json.version },
    });
    expect(again.status, again.text).toBe(200);
    expect(again.json).not.toHaveProperty("stipendVnd");
  });
});

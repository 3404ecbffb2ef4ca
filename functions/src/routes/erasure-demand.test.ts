import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { apply, listingOf, memberOf, move, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { db } from "../db/service";

let recruiter: string;
let listingId: string;

/** The listing's demand counters as stored (what recommendations rank with). */
async function demand() {
  const { data } = await db().entities.listingDemand.get({ listingId }).go({ consistent: true });
  return { applications: data?.applications ?? 0, filled: data?.filled ?? 0 };
}

const erase = (token: string) => call("DELETE", "/api/students/me", { token, body: { confirm: "XOA TAI KHOAN" } });

beforeAll(async () => {
  await verifiedOrganisation("org-demand");
  recruiter = await memberOf("rec-demand", "org-demand");
  listingId = await listingOf(recruiter, "org-demand", { positions: 3 });
});

describe("erasure and a listing's demand counters", () => {
  it("takes an erased student's application out of the listing's demand, as a withdrawal does", async () => {
    const [open, withdrawing, staying] = await Promise.all(
      ["sv-demand-open", "sv-demand-withdrawn", "sv-demand-stays"].map((id) => studentWithProfile(id)),
    );
    for (const token of [open!, withdrawing!, staying!]) expect((await apply(token, listingId)).status).toBe(201);
    const mine = await call("GET", "/api/applications/mine", { token: withdrawing! });
    const withdrawn = mine.json.items[0];
    expect((await move(withdrawing!, withdrawn.id, { to: "withdrawn", version: withdrawn.version })).status).toBe(200);
    expect(await demand()).toEqual({ applications: 2, filled: 0 });

    // The open application's student leaves: one applicant fewer competes for the places.
    expect((await erase(open!)).status).toBe(200);
    expect(await demand()).toEqual({ applications: 1, filled: 0 });
    // A withdrawn application no longer counted: its student's erasure changes nothing.
    expect((await erase(withdrawing!)).status).toBe(200);
    expect(await demand()).toEqual({ applications: 1, filled: 0 });
    // The anonymous applications stay on the organisation's board (its pipeline totals stay exact).
    const board = await db().entities.application.query.byListing({ listingId }).go();
    expect(board.data).toHaveLength(3);
  });
});

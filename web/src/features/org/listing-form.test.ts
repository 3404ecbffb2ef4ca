import { describe, expect, it } from "vitest";
import { listingFixture } from "../../../test/helpers";
import { draftFromListing, emptyListingDraft, listingEditFields, listingFieldsFromDraft } from "./listing-form";

describe("listingFieldsFromDraft", () => {
  it("sends only the chosen type's fields, with numbers as numbers and blank optionals left out", () => {
    const draft = {
      ...emptyListingDraft(),
      type: "internship" as const,
      titleVi: "Thực tập sinh kiểm thử",
      positions: "2",
      paid: "yes",
      stipendVnd: "3000000",
      durationWeeks: "",
      years: ["4", "3"],
      sessions: [{ id: "s-1", date: "2027-01-01", startTime: "08:00", place: "Lab", seats: "5" }],
    };
    const fields = listingFieldsFromDraft(draft);
    expect(fields).toMatchObject({
      positions: 2,
      paid: true,
      stipendVnd: 3_000_000,
      years: [3, 4],
      title: { vi: "Thực tập sinh kiểm thử" },
    });
    expect(fields).not.toHaveProperty("durationWeeks");
    expect(fields).not.toHaveProperty("sessions");
    expect(fields).not.toHaveProperty("industrialParkId");

    const visit = listingFieldsFromDraft({ ...draft, type: "visit" });
    expect(visit).not.toHaveProperty("positions");
    expect(visit).not.toHaveProperty("paid");
    expect(visit.sessions).toEqual([{ id: "s-1", date: "2027-01-01", startTime: "08:00", place: "Lab", seats: 5 }]);
  });

  it("drops the stipend of an unpaid internship and round-trips a stored listing", () => {
    const unpaid = listingFieldsFromDraft({ ...emptyListingDraft(), paid: "no", stipendVnd: "100" });
    expect(unpaid).toMatchObject({ paid: false });
    expect(unpaid).not.toHaveProperty("stipendVnd");

    const listing = listingFixture({ positions: 3, paid: true, stipendVnd: 4_000_000, durationWeeks: 12 });
    const {
      orgId: _o,
      id: _i,
      orgName: _n,
      orgVerified: _v,
      status: _s,
      createdAt: _c,
      updatedAt: _u,
      version: _ver,
      skillLabels: _l,
      ...stored
    } = listing;
    expect(listingFieldsFromDraft(draftFromListing(listing))).toEqual({ ...stored, questions: [] });
  });
});

describe("listingEditFields", () => {
  it("sends null for an optional field the listing had and the form emptied, and nothing for untouched blanks", () => {
    const listing = listingFixture({ industrialParkId: "amata", positions: 3, paid: true, stipendVnd: 4_000_000 });
    const draft = { ...draftFromListing(listing), industrialParkId: "", stipendVnd: "" };
    const fields = listingEditFields(draft, listing);
    expect(fields).toMatchObject({ industrialParkId: null, stipendVnd: null, positions: 3, paid: true });
    expect(fields).not.toHaveProperty("durationWeeks");
    expect(listingEditFields(draftFromListing(listing), listing)).toEqual(
      listingFieldsFromDraft(draftFromListing(listing)),
    );
  });
});

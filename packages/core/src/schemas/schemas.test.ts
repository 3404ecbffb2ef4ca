import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { canTransitionListing } from "../catalog";
import { ListingPatchSchema } from "./listing";
import { OrganisationCreateSchema, VerificationDecisionSchema } from "./organisation";
import { StudentProfileInputSchema } from "./student";

const org = {
  kind: "enterprise",
  name: { vi: "Công ty TNHH Vi mạch Long Thành" },
  sectors: ["semiconductors"],
  communeId: "x-long-thanh",
  address: "Lô B2, KCN Long Thành",
};

describe("schemas", () => {
  it("accepts a valid organisation and rejects unknown fields", () => {
    expect(v.safeParse(OrganisationCreateSchema, org).success).toBe(true);
    expect(v.safeParse(OrganisationCreateSchema, { ...org, isAdmin: true }).success).toBe(false);
  });

  it("rejects a commune that is not in Đồng Nai's list", () => {
    expect(v.safeParse(OrganisationCreateSchema, { ...org, communeId: "quan-1" }).success).toBe(false);
  });

  it("requires a reason to reject a verification", () => {
    expect(v.safeParse(VerificationDecisionSchema, { decision: "rejected" }).success).toBe(false);
    expect(v.safeParse(VerificationDecisionSchema, { decision: "rejected", reason: "Mã số thuế sai" }).success).toBe(
      true,
    );
  });

  it("requires the version on a listing patch", () => {
    expect(v.safeParse(ListingPatchSchema, { status: "published" }).success).toBe(false);
    expect(v.safeParse(ListingPatchSchema, { status: "published", version: 1 }).success).toBe(true);
  });

  it("rejects an availability window that ends before it starts", () => {
    const profile = {
      fullName: "Nguyễn Thị Lan",
      universityId: "lhu",
      major: "it",
      year: 3,
      skills: [{ id: "python", level: 3 }],
      languages: [],
      reachableCommunes: [],
      preferredSectors: [],
      consents: { shareWithAppliedOrgs: true, recommendToRecruiters: false, provinceStatistics: true },
      availableFrom: "2026-09-01",
      availableTo: "2026-06-01",
    };
    expect(v.safeParse(StudentProfileInputSchema, profile).success).toBe(false);
    expect(v.safeParse(StudentProfileInputSchema, { ...profile, availableTo: "2026-12-01" }).success).toBe(true);
  });

  it("allows only forward listing moves, plus reopening a closed one", () => {
    expect(canTransitionListing("draft", "published")).toBe(true);
    expect(canTransitionListing("published", "draft")).toBe(false);
    expect(canTransitionListing("closed", "published")).toBe(true);
    expect(canTransitionListing("archived", "published")).toBe(false);
  });
});

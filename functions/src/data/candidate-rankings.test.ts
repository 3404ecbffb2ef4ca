import { rankCandidatesForListing } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import { profileBody } from "../../test/marketplace";
import { seedDemoData } from "../seed/seed";
import { consentingStudents } from "./candidate-pool";
import { getListing } from "./listings";
import { candidateIdOf } from "./matching";

// The candidates route keeps each listing's ranking per list of consenting students and per listing version
// (data/matching.ts): these check that a kept ranking is never served after either changed.

const listingId = "amata-tech-intern-embedded";
let recruiter: string;

const candidates = async (limit: number) => {
  const res = await call("GET", `/api/listings/${listingId}/candidates?limit=${limit}`, { token: recruiter });
  expect(res.status, res.text).toBe(200);
  return (res.json.items as Array<{ candidateId: string; score: number }>).map((c) => c.candidateId);
};

/** What a fresh ranking of the listing as stored now gives, without anything kept. */
async function rankedNow(limit: number): Promise<string[]> {
  const listing = (await getListing(listingId))!;
  return rankCandidatesForListing(listing, await consentingStudents(), { limit }).map(({ student }) =>
    candidateIdOf(listingId, student.userId),
  );
}

beforeAll(async () => {
  await seedDemoData({ history: false });
  recruiter = (await call("POST", "/api/dev-auth/token", { body: { userId: "rec-amata" } })).json.token;
});

describe("candidate rankings kept per listing version and per list of consenting students", () => {
  it("serves a smaller page as the first entries of the larger one", async () => {
    const fifty = await candidates(50);
    expect(fifty.length).toBeGreaterThan(10);
    expect(await candidates(5)).toEqual(fifty.slice(0, 5));
    expect(fifty).toEqual(await rankedNow(50));
  });

  it("ranks again after the listing is edited", async () => {
    const before = await candidates(50);
    const listing = (await getListing(listingId))!;
    const edit = await call("PATCH", `/api/listings/${listingId}`, {
      token: recruiter,
      body: { version: listing.version, requiredSkills: ["erp", "accounting-software"], preferredSkills: [] },
    });
    expect(edit.status, edit.text).toBe(200);
    const after = await candidates(50);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await rankedNow(50));
  });

  it("ranks again when a student's consent or profile changes the candidates", async () => {
    const before = await candidates(50);
    // A new consenting student whose skills are exactly what the listing now asks for, at the top level.
    const token = await userWithToken("sv-cache-newcomer", "student");
    const listing = (await getListing(listingId))!;
    const body = {
      ...profileBody("sv-cache-newcomer"),
      major: listing.majors[0] ?? "se",
      year: listing.years[0] ?? 3,
      skills: listing.requiredSkills.map((id) => ({ id, level: 5 })),
      reachableCommunes: [listing.communeId],
      consents: { shareWithAppliedOrgs: true, recommendToRecruiters: true, provinceStatistics: true },
    };
    const saved = await call("PUT", "/api/students/me", { token, body });
    expect(saved.status, saved.text).toBe(200);
    await effectsSettled();
    const after = await candidates(50);
    expect(after).toContain(candidateIdOf(listingId, "sv-cache-newcomer"));
    expect(after).not.toEqual(before);
    expect(after).toEqual(await rankedNow(50));
  });
});

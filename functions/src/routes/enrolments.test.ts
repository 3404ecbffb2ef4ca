import { beforeAll, describe, expect, it } from "vitest";
import { call, userWithToken } from "../../test/helpers";
import { listingOf, memberOf, verifiedOrganisation } from "../../test/marketplace";
import { db } from "../db/service";

// Found from outside: a student's universityId was self-declared, and declaring another school let them read
// that school's placement round. Only an enrolment the school's staff confirmed now opens school rounds.

const profile = (universityId: string, version?: number) => ({
  fullName: "Lê Văn Khai",
  universityId,
  major: "se",
  year: 3,
  skills: [{ id: "python", level: 3 }],
  languages: [],
  reachableCommunes: [],
  preferredSectors: [],
  consents: { shareWithAppliedOrgs: true, recommendToRecruiters: false, provinceStatistics: true },
  ...(version ? { version } : {}),
});

let staff: string;
let student: string;
let roundId: string;

beforeAll(async () => {
  await verifiedOrganisation("en-uni", "university");
  await verifiedOrganisation("en-other", "university");
  await verifiedOrganisation("en-ent");
  staff = await memberOf("en-staff", "en-uni", "staff");
  const listingId = await listingOf(await memberOf("en-rec", "en-ent"), "en-ent");
  const round = await call("POST", "/api/placement-rounds", {
    token: staff,
    body: {
      universityId: "en-uni",
      title: "Đợt thực tập hè",
      listings: [{ listingId, capacity: 2 }],
      preferencesDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    },
  });
  expect(round.status, round.text).toBe(201);
  roundId = round.json.id;
  student = await userWithToken("en-student", "student");
  expect((await call("PUT", "/api/students/me", { token: student, body: profile("en-uni") })).status).toBe(200);
});

const roundsOf = async (token: string) =>
  (await call("GET", "/api/placement-rounds", { token })).json.items.map((r: { id: string }) => r.id);

describe("which school a student belongs to", () => {
  it("a declared school alone opens none of its rounds; the profile shows it unconfirmed", async () => {
    expect(await roundsOf(student)).not.toContain(roundId);
    expect((await call("GET", `/api/placement-rounds/${roundId}`, { token: student })).status).toBe(404);
    const me = await call("GET", "/api/students/me", { token: student });
    expect(me.json.universityId).toBe("en-uni");
    expect(me.json.confirmedUniversityId).toBeUndefined();
  });

  it("the school's staff see who declared it and confirm; then the round opens", async () => {
    const list = await call("GET", "/api/organisations/en-uni/enrolments", { token: staff });
    expect(list.status).toBe(200);
    expect(list.json.items).toContainEqual(
      expect.objectContaining({ studentId: "en-student", fullName: "Lê Văn Khai", confirmed: false }),
    );
    const confirmed = await call("PUT", "/api/organisations/en-uni/enrolments/en-student", {
      token: staff,
      body: { confirmed: true },
    });
    expect(confirmed.json).toMatchObject({ studentId: "en-student", confirmed: true });
    expect(await roundsOf(student)).toContain(roundId);
    expect((await call("GET", `/api/placement-rounds/${roundId}`, { token: student })).status).toBe(200);
    expect((await call("GET", "/api/students/me", { token: student })).json.confirmedUniversityId).toBe("en-uni");
  });

  it("declaring another school drops the confirmation (and the first school's round)", async () => {
    const me = await call("GET", "/api/students/me", { token: student });
    const moved = await call("PUT", "/api/students/me", {
      token: student,
      body: profile("en-other", me.json.version),
    });
    expect(moved.status).toBe(200);
    expect(moved.json.confirmedUniversityId).toBeUndefined();
    expect(await roundsOf(student)).not.toContain(roundId);
    // Saving the profile again without changing school keeps a confirmation.
    await call("PUT", "/api/organisations/en-other/enrolments/en-student", {
      token: await memberOf("en-other-staff", "en-other", "staff"),
      body: { confirmed: true },
    });
    const again = await call("GET", "/api/students/me", { token: student });
    const kept = await call("PUT", "/api/students/me", {
      token: student,
      body: profile("en-other", again.json.version),
    });
    expect(kept.json.confirmedUniversityId).toBe("en-other");
  });

  it("a school confirms only students who declared it, and only a verified school's staff confirm", async () => {
    const notDeclared = await call("PUT", "/api/organisations/en-uni/enrolments/en-student", {
      token: staff,
      body: { confirmed: true },
    });
    expect(notDeclared.status).toBe(404);
    const recruiter = await memberOf("en-rec-2", "en-ent");
    expect((await call("GET", "/api/organisations/en-ent/enrolments", { token: recruiter })).status).toBe(403);
    expect((await call("GET", "/api/organisations/en-uni/enrolments", { token: recruiter })).status).toBe(403);
    await db().entities.organisation.patch({ orgId: "en-other" }).set({ verification: "pending" }).go();
    const pendingStaff = await memberOf("en-pending-staff", "en-other", "staff");
    expect((await call("GET", "/api/organisations/en-other/enrolments", { token: pendingStaff })).status).toBe(403);
  });
});

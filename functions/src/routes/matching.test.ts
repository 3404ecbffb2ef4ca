import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call } from "../../test/helpers";
import { submittedApplications } from "../../test/marketplace";
import { consentingStudents } from "../data/candidate-pool";
import { noteDemandChange } from "../data/listing-demand";
import { candidateIdOf } from "../data/matching";
import { db } from "../db/service";
import { generateDemoData } from "../seed/demo-data";
import { seedDemoData } from "../seed/seed";

const demo = generateDemoData();
const tokens: Record<string, string> = {};

/** Signs in a demo account through the development identity provider. */
async function signIn(userId: string): Promise<string> {
  tokens[userId] ??= (await call("POST", "/api/dev-auth/token", { body: { userId } })).json.token;
  return tokens[userId]!;
}

/**
 * Copies a stored listing under a new id with some fields changed (a case built from real demo data), and brings
 * it into the search index as the data layer (or, in deploy, the stream consumer) does after a write.
 */
async function cloneListing(listingId: string, newId: string, changes: Record<string, unknown>) {
  const { data } = await db().entities.listing.get({ listingId }).go();
  const clone = { ...data!, listingId: newId, ...changes };
  await db().entities.listing.put(clone).go();
  await effectsSettled();
}

async function applyMany(listingId: string, orgId: string, count: number) {
  const items = submittedApplications(
    Array.from({ length: count }, (_, i) => ({
      listingId,
      orgId,
      studentId: `crowd-${i}`,
      applicationId: `crowd-${listingId}-${i}`,
    })),
  );
  await db().entities.application.put(items).go();
  // What submitApplication does in its transaction, and then for this process's loaded demand.
  await db().entities.listingDemand.update({ listingId }).add({ applications: count }).go();
  noteDemandChange(listingId, { applications: count, filled: 0 });
}

beforeAll(async () => {
  await seedDemoData({ history: false });
});

describe("GET /api/recommendations", () => {
  it("gives sv-lan ranked, open listings explained in Vietnamese and English", async () => {
    const res = await call("GET", "/api/recommendations?limit=10", { token: await signIn("sv-lan") });
    expect(res.status).toBe(200);
    const items = res.json.items as Array<{
      listing: { id: string; status: string; deadline: string; orgName: string };
      score: number;
      damping: number;
      explanation: { vi: string; en: string };
      components: unknown[];
      whatToLearn: unknown[];
    }>;
    expect(items.length).toBe(10);
    const ranks = items.map((r) => r.score * r.damping);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const today = new Date().toISOString().slice(0, 10);
    for (const item of items) {
      expect(item.listing.status).toBe("published");
      expect(item.listing.deadline >= today).toBe(true);
      expect(item.listing.orgName).not.toBe("");
      expect(item.components.length).toBeGreaterThan(0);
    }
    // The top listing for a student with Python, JavaScript and SQL explains its skill coverage in both languages.
    expect(items[0]!.explanation.vi).toMatch(/kỹ năng/);
    expect(items[0]!.explanation.en).toMatch(/skill/i);
  });

  it("never recommends a listing past its deadline or not published, however well it fits", async () => {
    const token = await signIn("sv-lan");
    const [top] = (await call("GET", "/api/recommendations?limit=1", { token })).json.items;
    await cloneListing(top.listing.id, "clone-past-deadline", { deadline: "2026-01-05" });
    await cloneListing(top.listing.id, "clone-draft", { status: "draft" });
    await cloneListing(top.listing.id, "clone-closed", { status: "closed" });
    await cloneListing(top.listing.id, "clone-open", {});
    const ids = (await call("GET", "/api/recommendations?limit=50", { token })).json.items.map(
      (r: { listing: { id: string } }) => r.listing.id,
    );
    expect(ids).toContain("clone-open");
    expect(ids).not.toContain("clone-past-deadline");
    expect(ids).not.toContain("clone-draft");
    expect(ids).not.toContain("clone-closed");
  });

  it("damps a listing already far over-applied below an identical one, without changing its score", async () => {
    const token = await signIn("sv-lan");
    const [top] = (await call("GET", "/api/recommendations?limit=1", { token })).json.items;
    await cloneListing(top.listing.id, "twin-calm", { positions: 2 });
    await cloneListing(top.listing.id, "twin-crowded", { positions: 2 });
    await applyMany("twin-crowded", top.listing.orgId, 6);
    const items = (await call("GET", "/api/recommendations?limit=50", { token })).json.items as Array<{
      listing: { id: string };
      score: number;
      damping: number;
    }>;
    const calm = items.findIndex((r) => r.listing.id === "twin-calm");
    const crowded = items.findIndex((r) => r.listing.id === "twin-crowded");
    expect(calm).toBeGreaterThanOrEqual(0);
    expect(crowded).toBeGreaterThan(calm);
    expect(items[calm]!.damping).toBe(1);
    // 6 applications for 2 seats: 1 / (1 + 0.25 · (3 − 2)) = 0.8.
    expect(items[crowded]!.damping).toBeCloseTo(0.8, 5);
    expect(items[crowded]!.score).toBe(items[calm]!.score);
  });

  it("is for students only, and asks for a profile first", async () => {
    expect((await call("GET", "/api/recommendations")).status).toBe(401);
    expect((await call("GET", "/api/recommendations", { token: await signIn("rec-amata") })).status).toBe(403);
    const noProfile = demo.users.find((u) => u.role === "student" && !demo.students.some((s) => s.userId === u.userId));
    if (noProfile) {
      const res = await call("GET", "/api/recommendations", { token: await signIn(noProfile.userId) });
      expect(res.json.error.code).toBe("profile_required");
    }
    expect((await call("GET", "/api/recommendations?limit=0", { token: await signIn("sv-lan") })).status).toBe(400);
  });
});

describe("GET /api/listings/{id}/candidates and POST /api/listings/{id}/invite", () => {
  const listingId = "amata-tech-intern-embedded";

  it("ranks only consenting students, explained, without name or e-mail", async () => {
    const res = await call("GET", `/api/listings/${listingId}/candidates?limit=50`, {
      token: await signIn("rec-amata"),
    });
    expect(res.status).toBe(200);
    const items = res.json.items as Array<{ candidateId: string; label: string; score: number; explanation: object }>;
    expect(items.length).toBeGreaterThan(5);
    expect(items.map((c) => c.score)).toEqual(items.map((c) => c.score).sort((a, b) => b - a));
    const refused = new Set(
      demo.students
        .filter((s) => !s.consents.recommendToRecruiters.granted)
        .map((s) => candidateIdOf(listingId, s.userId)),
    );
    expect(refused.size).toBeGreaterThan(0);
    expect(items.filter((c) => refused.has(c.candidateId))).toEqual([]);
    for (const student of demo.students) {
      expect(res.text).not.toContain(student.fullName);
      expect(res.text).not.toContain(`"${student.userId}"`);
    }
    expect(res.text).not.toMatch(/@/);
    expect(items[0]).toMatchObject({ label: expect.stringMatching(/^UV-/), explanation: { vi: expect.any(String) } });
    // A recruiter reads about the student, in the third person: never "Bạn đi được tới…" / "You can reach…".
    const explanations = items.map((c) => c.explanation as { vi: string; en: string });
    expect(explanations.filter((e) => /\bbạn\b/iu.test(e.vi) || /\byou(r)?\b/i.test(e.en))).toEqual([]);
    expect(explanations.some((e) => e.vi.includes("Sinh viên đi được tới"))).toBe(true);
  });

  it("refuses other organisations: 403 on a public listing, 404 on a draft", async () => {
    const other = await signIn("u-dong-xanh-software");
    expect((await call("GET", `/api/listings/${listingId}/candidates`, { token: other })).status).toBe(403);
    const draft = "amata-tech-intern-computer-vision";
    expect((await call("GET", `/api/listings/${draft}/candidates`, { token: other })).status).toBe(404);
    expect((await call("GET", `/api/listings/${listingId}/candidates`, { token: await signIn("sv-lan") })).status).toBe(
      403,
    );
    const invite = await call("POST", `/api/listings/${listingId}/invite`, {
      token: other,
      body: { candidateId: "0".repeat(32) },
    });
    expect(invite.status).toBe(403);
  });

  it("invites a candidate once: the student gets one notification however often the button is pressed", async () => {
    const token = await signIn("rec-amata");
    const student = demo.students.find((s) => s.consents.recommendToRecruiters.granted && s.userId.startsWith("u-sv"))!;
    const candidateId = candidateIdOf(listingId, student.userId);
    const first = await call("POST", `/api/listings/${listingId}/invite`, { token, body: { candidateId } });
    expect(first.status).toBe(200);
    expect(first.json.status).toBe("invited");
    const again = await call("POST", `/api/listings/${listingId}/invite`, { token, body: { candidateId } });
    expect(again.json).toEqual({ status: "already_invited", invitedAt: first.json.invitedAt });

    await effectsSettled();
    const inbox = await call("GET", "/api/notifications", { token: await signIn(student.userId) });
    const invites = inbox.json.items.filter((n: { link?: string }) => n.link === `/tin/${listingId}`);
    expect(invites).toHaveLength(1);
    expect(invites[0].title.vi).toMatch(/mời bạn ứng tuyển/);

    const list = await call("GET", `/api/listings/${listingId}/candidates?limit=50`, { token });
    const listed = list.json.items.find((c: { candidateId: string }) => c.candidateId === candidateId);
    if (listed) expect(listed.invited).toBe(true);

    const unknown = await call("POST", `/api/listings/${listingId}/invite`, {
      token,
      body: { candidateId: "f".repeat(32) },
    });
    expect(unknown.status).toBe(404);
    const refusing = demo.students.find((s) => !s.consents.recommendToRecruiters.granted)!;
    const refused = await call("POST", `/api/listings/${listingId}/invite`, {
      token,
      body: { candidateId: candidateIdOf(listingId, refusing.userId) },
    });
    expect(refused.status).toBe(404);
  });
});

describe("the consent index the candidate lists read", () => {
  const listingId = "amata-tech-intern-embedded";
  const indexed = async () =>
    (await db().entities.student.query.byRecommendConsent({}).go({ pages: "all" })).data.map((s) => s.userId).sort();

  it("holds exactly the consenting students, seeded or saved, and follows a change of consent", async () => {
    const consenting = demo.students.filter((s) => s.consents.recommendToRecruiters.granted).map((s) => s.userId);
    expect(await indexed()).toEqual([...consenting].sort());

    // A consenting student withdraws through their profile: out of the index and of every candidate list.
    const studentId = consenting.find((id) => id.startsWith("u-sv"))!;
    const token = await signIn(studentId);
    const save = async (recommendToRecruiters: boolean) => {
      const current = (await call("GET", "/api/students/me", { token })).json;
      // The school's confirmation of the enrolment is not the student's to send.
      const {
        userId: _u,
        createdAt: _c,
        updatedAt: _up,
        confirmedUniversityId: _school,
        enrolmentConfirmedAt: _at,
        consents,
        ...fields
      } = current;
      const res = await call("PUT", "/api/students/me", {
        token,
        body: {
          ...fields,
          consents: {
            shareWithAppliedOrgs: consents.shareWithAppliedOrgs.granted,
            recommendToRecruiters,
            provinceStatistics: consents.provinceStatistics.granted,
          },
        },
      });
      expect(res.status).toBe(200);
    };
    const candidateId = candidateIdOf(listingId, studentId);
    const listed = async () =>
      (
        await call("GET", `/api/listings/${listingId}/candidates?limit=50`, { token: await signIn("rec-amata") })
      ).json.items.some((c: { candidateId: string }) => c.candidateId === candidateId);

    await save(false);
    expect(await indexed()).not.toContain(studentId);
    expect(await listed()).toBe(false);
    const invite = await call("POST", `/api/listings/${listingId}/invite`, {
      token: await signIn("rec-amata"),
      body: { candidateId },
    });
    expect(invite.status).toBe(404);

    // Granting it again, or saving any other change while granted, keeps the student in the index.
    await save(true);
    await save(true);
    expect((await indexed()).filter((id) => id === studentId)).toEqual([studentId]);
  });
});

describe("the consenting students each API process holds for candidate lists", () => {
  it("keeps only what the ranking reads: no names, school, CV or contact details in memory", async () => {
    const recruiter = await signIn("rec-amata");
    const res = await call("GET", "/api/listings/amata-tech-intern-embedded/candidates?limit=5", { token: recruiter });
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeGreaterThan(0);
    const held = await consentingStudents();
    expect(held.length).toBe(demo.students.filter((s) => s.consents.recommendToRecruiters.granted).length);
    const allowed = new Set([
      "userId",
      "major",
      "year",
      "skills",
      "languages",
      "availableFrom",
      "availableTo",
      "reachableCommunes",
      "consents",
    ]);
    for (const student of held) expect(Object.keys(student).filter((key) => !allowed.has(key))).toEqual([]);
  });
});

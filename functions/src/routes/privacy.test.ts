import { randomUUID } from "node:crypto";
import type { OrganisationCreate } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import { markThreadRead, saveApplicantNote, sendMessage } from "../data/messages";
import { notify } from "../data/notifications";
import { createOrganisation } from "../data/organisations";
import { erasureRules, personalDataPlan, subjectEmailAttributes, subjectIdAttributes } from "../data/privacy";
import { db } from "../db/service";
import { queueForDigest, suppressAddress } from "../mail/store";

const org: OrganisationCreate = {
  kind: "university",
  name: { vi: "Trường Đại học Thử nghiệm" },
  sectors: ["software"],
  communeId: "x-long-thanh",
  address: "1 Đường Thử",
};
const profile = (fullName: string) => ({
  fullName,
  universityId: "lhu",
  major: "it",
  year: 3,
  skills: [{ id: "python", level: 3 }],
  languages: [],
  reachableCommunes: [],
  preferredSectors: [],
  consents: { shareWithAppliedOrgs: true, recommendToRecruiters: false, provinceStatistics: true },
});

let owner: string;
const tokens: Record<string, string> = {};

/** Gives a student one record of every kind the platform stores about a person. */
async function populate(userId: string) {
  tokens[userId] = await userWithToken(userId, "student");
  const token = tokens[userId]!;
  // Sent with an idempotency key, so the stored response is one more record about the person.
  const saved = await call("PUT", "/api/students/me", {
    token,
    body: profile(`Sinh viên ${userId}`),
    headers: { "idempotency-key": `profile-${userId}` },
  });
  expect(saved.status).toBe(200);
  await notify(userId, { kind: "application_status", title: { vi: `Tin cho ${userId}`, en: `News for ${userId}` } });
  const mailChoice = await call("PUT", "/api/me/mail-preferences", { token, body: { kinds: { placement: "off" } } });
  expect(mailChoice.status).toBe(200);
  await suppressAddress(`${userId}@example.vn`, "bounce", new Date().toISOString());
  await queueForDigest(
    userId,
    `digest-${userId}`,
    { kind: "saved_search_match", title: { vi: "Tin", en: "News" } },
    new Date().toISOString(),
  );
  const invited = await call("POST", "/api/organisations/org-priv/invitations", {
    token: owner,
    body: { email: `${userId}@example.vn`, role: "staff" },
  });
  expect(invited.status).toBe(201);
  // Students never become members through the API; this record stands for any membership a person may hold.
  await db()
    .entities.membership.put({ orgId: "org-priv", userId, role: "staff", createdAt: "2026-01-01T00:00:00Z" })
    .go();
  const now = new Date().toISOString();
  const applicationId = randomUUID();
  await db()
    .entities.application.create({
      listingId: "lst-priv",
      studentId: userId,
      applicationId,
      orgId: "org-priv",
      status: "rejected",
      note: `Ghi chú riêng của ${userId}`,
      answers: [{ questionId: "q1", text: `Câu trả lời của ${userId}` }],
      history: [
        { status: "submitted", at: now, by: "student" },
        { status: "rejected", at: now, by: "organisation", reason: `Lý do cho ${userId}` },
      ],
      rejectionReason: `Lý do cho ${userId}`,
      createdAt: now,
      updatedAt: now,
      version: 2,
    })
    .go();
  // The application's thread: one message each way, the student's read marker, and the organisation's note.
  const thread = { id: applicationId, studentId: userId, orgId: "org-priv", listingId: "lst-priv" };
  await sendMessage(thread, "student", userId, `Tin nhắn của ${userId}`);
  await sendMessage(thread, "organisation", "sta-priv-owner", `Trả lời ${userId}`);
  await markThreadRead(applicationId, userId, "student", 1);
  await saveApplicantNote(thread, "sta-priv-owner", { text: `Nhận xét nội bộ về ${userId}`, rating: 2, version: 0 });
  // An interview and an offer of that application (interviews/), each naming the student.
  const owned = { applicationId, listingId: "lst-priv", orgId: "org-priv", studentId: userId };
  await db()
    .entities.interview.create({
      ...owned,
      interviewId: randomUUID(),
      status: "cancelled",
      slots: [{ id: "s1", startsAt: now, durationMinutes: 30 }],
      startsAt: now,
      mode: "online",
      link: "https://meet.example.vn/x",
      history: [{ kind: "cancelled", at: now, by: "student", note: `Ghi chú của ${userId}` }],
      sequence: 1,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .go();
  await db()
    .entities.offer.create({
      ...owned,
      status: "declined",
      payKind: "unpaid",
      startDate: "2027-01-01",
      replyBy: "2026-12-31",
      reason: `Lý do của ${userId}`,
      createdAt: now,
      updatedAt: now,
      version: 2,
    })
    .go();
  const booking = { listingId: "lst-visit", sessionId: "s1", holder: userId, kind: "student" as const };
  await db()
    .entities.booking.create({
      ...booking,
      bookingId: randomUUID(),
      hostOrgId: "org-priv",
      bookerUserId: userId,
      seats: 1,
      status: "confirmed",
      createdAt: now,
      updatedAt: now,
    })
    .go();
  const savedSearchId = `ss-${userId}`;
  await db()
    .entities.savedSearch.create({
      userId,
      slot: 0,
      savedSearchId,
      name: "AI",
      criteria: {},
      shard: "0",
      createdAt: now,
    })
    .go();
  await db()
    .entities.searchAlert.create({ savedSearchId, listingId: "lst-priv", userId, createdAt: now, expiresAt: 4e9 })
    .go();
  await db()
    .entities.candidateInvite.create({
      listingId: "lst-priv",
      studentId: userId,
      invitedBy: "sta-priv-owner",
      createdAt: now,
    })
    .go();
  await db()
    .entities.placementPreference.create({
      roundId: "round-priv",
      studentId: userId,
      choices: ["lst-priv"],
      updatedAt: now,
    })
    .go();
  // A CV file and one download of it (routes/files.test.ts uploads and downloads real ones over HTTP).
  const fileId = randomUUID();
  await db()
    .entities.cvFile.create({
      studentId: userId,
      slot: 0,
      fileId,
      objectKey: `cv/${userId}/${fileId}.pdf`,
      name: "CV tiếng Việt",
      status: "ready",
      declaredSize: 1000,
      size: 1000,
      pages: 1,
      createdAt: now,
    })
    .go();
  await db()
    .entities.fileAccess.create({
      studentId: userId,
      at: now,
      accessId: randomUUID(),
      fileId,
      fileName: "CV tiếng Việt",
      applicationId: "app-priv",
      orgId: "org-priv",
      orgName: "Trường Đại học Thử nghiệm",
      actorId: "sta-priv-owner",
      actorName: "Chủ tổ chức",
    })
    .go();
}

/** An export without what changes from one export to the next: its time, and its CV links' signatures and expiry. */
// biome-ignore lint/suspicious/noExplicitAny: an export's sections are read by name.
const withoutMoments = (data: any) => ({
  ...data,
  exportedAt: "",
  sections: {
    ...data.sections,
    cvFile: data.sections.cvFile.map(
      ({ downloadUrl: _u, downloadUrlExpiresAt: _e, ...file }: Record<string, unknown>) => file,
    ),
  },
});

async function exportOf(userId: string) {
  const res = await call("GET", "/api/students/me/export", { token: tokens[userId]! });
  expect(res.status).toBe(200);
  return res.json;
}

beforeAll(async () => {
  await createOrganisation(org, "sta-priv-owner", "org-priv");
  owner = await userWithToken("sta-priv-owner", "staff");
  await populate("stu-alice");
  await populate("stu-bob");
});

describe("the personal-data plan", () => {
  it("finds every stored record type that names a person, and has an erasure rule for each", () => {
    const { sections, unreachable } = personalDataPlan();
    expect(unreachable).toEqual([]);
    const known: readonly string[] = [...subjectIdAttributes, ...subjectEmailAttributes];
    for (const [name, entity] of Object.entries(db().entities)) {
      const attributes = Object.keys(entity.schema.attributes);
      // A new attribute naming a person must be declared in subjectIdAttributes, or export and erasure miss it.
      const personLike = attributes.filter((a) => /(^user|^student|[a-z](User|Student))Id$/.test(a) || a === "email");
      for (const attribute of personLike) expect(known, `${name}.${attribute}`).toContain(attribute);
      if (personLike.length > 0) {
        expect(
          sections.map((s) => s.section),
          name,
        ).toContain(name);
        expect(erasureRules[name], `erasure rule for ${name}`).toBeDefined();
      }
    }
  });
});

describe("GET /api/students/me/export", () => {
  it("holds every section with the student's own records and nothing of another student", async () => {
    const data = await exportOf("stu-alice");
    expect(data.userId).toBe("stu-alice");
    const expected = personalDataPlan().sections.map((s) => s.section);
    // Plus one derived section: where each placement round the student ranked in placed them.
    expect(Object.keys(data.sections).sort()).toEqual([...expected, "placementOutcome"].sort());
    for (const section of expected) expect(data.sections[section].length, section).toBeGreaterThan(0);
    // CV files come with a link valid for a day (presigned GET on the files bucket).
    expect(data.sections.cvFile[0].downloadUrl).toMatch(/X-Amz-Expires=86400/);
    expect(data.sections.user[0]).toMatchObject({ userId: "stu-alice", email: "stu-alice@example.vn" });
    expect(data.sections.student[0].consents.provinceStatistics).toMatchObject({ granted: true });
    expect(data.sections.student[0].consents.provinceStatistics.at).toMatch(/^\d{4}-/);
    expect(data.sections.invitation[0]).toMatchObject({ orgId: "org-priv", email: "stu-alice@example.vn" });
    expect(data.sections.application[0].note).toBe("Ghi chú riêng của stu-alice");
    expect(data.sections.searchAlert[0]).toMatchObject({ savedSearchId: "ss-stu-alice" });
    // Both sides of the application's thread are the student's data; the organisation's private note is not in it.
    expect(data.sections.message.map((m: { text: string }) => m.text).sort()).toEqual([
      "Tin nhắn của stu-alice",
      "Trả lời stu-alice",
    ]);
    expect(JSON.stringify(data)).not.toContain("Nhận xét nội bộ");
    expect(JSON.stringify(data)).not.toContain("stu-bob");
    expect(JSON.stringify(data)).not.toMatch(/"pk"|"gsi1pk"/);
  });

  it("is the student's alone: 401 anonymous, 403 for other roles", async () => {
    expect((await call("GET", "/api/students/me/export")).status).toBe(401);
    expect((await call("GET", "/api/students/me/export", { token: owner })).status).toBe(403);
  });
});

describe("DELETE /api/students/me", () => {
  it("asks for the exact confirmation phrase, naming the field", async () => {
    const token = tokens["stu-alice"]!;
    for (const body of [{}, { confirm: "xoa" }, { confirm: "XOA TAI KHOAN", also: 1 }]) {
      const res = await call("DELETE", "/api/students/me", { token, body });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
    }
    const res = await call("DELETE", "/api/students/me", { token, body: { confirm: "xoa" } });
    expect(res.json.error.details[0].path).toBe("confirm");
    expect((await call("DELETE", "/api/students/me", { body: { confirm: "XOA TAI KHOAN" } })).status).toBe(401);
    const byStaff = await call("DELETE", "/api/students/me", { token: owner, body: { confirm: "XOA TAI KHOAN" } });
    expect(byStaff.status).toBe(403);
    expect((await call("GET", "/api/students/me", { token })).status).toBe(200);
  });

  it("deletes and anonymises as documented, keeps totals, bars the token and leaves another student alone", async () => {
    await effectsSettled(); // the notices that the stored records stand for are delivered first
    const bobBefore = await exportOf("stu-bob");
    const applicationsBefore = (await db().entities.application.query.byListing({ listingId: "lst-priv" }).go()).data;
    const token = tokens["stu-alice"]!;

    const res = await call("DELETE", "/api/students/me", { token, body: { confirm: "XOA TAI KHOAN" } });
    expect(res.status).toBe(200);
    const counts = Object.fromEntries(
      res.json.deleted.map((d: { section: string; count: number }) => [d.section, d.count]),
    );
    // Two notifications: the one written in `populate` and the invitation's.
    expect(counts).toEqual({
      student: 1,
      membership: 1,
      notification: 2,
      invitation: 1,
      savedSearch: 1,
      searchAlert: 1,
      idempotency: 1,
      candidateInvite: 1,
      placementPreference: 1,
      message: 2,
      thread: 1,
      threadRead: 1,
      applicantNote: 1,
      cvFile: 1,
      fileAccess: 1,
      mailPreference: 1,
      mailDigestEntry: 1,
      mailSuppression: 1,
    });
    // Nothing said or noted about the application is left.
    const applicationId = String(applicationsBefore.find((a) => a.studentId === "stu-alice")!.applicationId);
    expect((await db().entities.message.query.byThread({ applicationId }).go()).data).toEqual([]);
    expect((await db().entities.applicantNote.query.byApplication({ applicationId }).go()).data).toEqual([]);
    expect((await db().entities.thread.get({ applicationId }).go()).data).toBeNull();
    expect(res.json.kept.map((k: { section: string }) => k.section).sort()).toEqual([
      "application",
      "booking",
      "interview",
      "offer",
      "user",
    ]);
    for (const kept of res.json.kept) expect(kept.reason.vi && kept.reason.en).toBeTruthy();

    // Organisations' numbers stay exact, without the student's identity or words.
    const after = (await db().entities.application.query.byListing({ listingId: "lst-priv" }).go()).data;
    expect(after).toHaveLength(applicationsBefore.length);
    const anonymous = after.find((a) => a.studentId.startsWith("erased-"))!;
    expect(anonymous).toMatchObject({ status: "rejected", answers: [], version: 2 });
    expect(anonymous.note).toBeUndefined();
    expect(anonymous.rejectionReason).toBeUndefined();
    expect(JSON.stringify(anonymous)).not.toContain("stu-alice");
    // Interviews and offers keep their times and terms, without the student's id or words.
    const key = { applicationId: anonymous.applicationId };
    const interview = (await db().entities.interview.get(key).go()).data;
    const offer = (await db().entities.offer.get(key).go()).data;
    for (const kept of [interview, offer]) {
      expect(kept?.studentId).toMatch(/^erased-/);
      expect(JSON.stringify(kept)).not.toContain("stu-alice");
    }
    const bookings = (await db().entities.booking.query.bySession({ listingId: "lst-visit" }).go()).data;
    expect(bookings).toHaveLength(2);
    expect(JSON.stringify(bookings)).not.toContain("stu-alice");
    const { data: tombstone } = await db().entities.user.get({ userId: "stu-alice" }).go();
    expect(tombstone).toMatchObject({ role: "student", email: "", displayName: "" });
    expect(tombstone?.erasedAt).toBeDefined();
    const { data: memberships } = await db().entities.membership.query.byUser({ userId: "stu-alice" }).go();
    expect(memberships).toEqual([]);

    // The token no longer reaches anything: the account is locked (routes/erasure-lock.test.ts covers every route).
    expect((await call("GET", "/api/students/me", { token })).json.error.code).toBe("account_erased");
    expect((await call("PUT", "/api/students/me", { token, body: profile("Tái sinh") })).status).toBe(401);
    expect((await call("GET", "/api/students/me/export", { token })).status).toBe(401);
    expect((await call("DELETE", "/api/students/me", { token, body: { confirm: "XOA TAI KHOAN" } })).status).toBe(401);
    expect((await call("GET", "/api/invitations/mine", { token })).status).toBe(401);

    const bobAfter = await exportOf("stu-bob");
    expect(withoutMoments(bobAfter)).toEqual(withoutMoments(bobBefore));
  });
});

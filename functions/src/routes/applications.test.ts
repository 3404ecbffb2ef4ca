import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import {
  advance,
  apply,
  asOf,
  listingOf,
  memberOf,
  move,
  studentWithProfile,
  verifiedOrganisation,
} from "../../test/marketplace";

let recruiter: string;
let otherRecruiter: string;
let lan: string;
let minh: string;
let listingId: string;
const questions = [{ id: "q1", vi: "Vì sao bạn muốn thực tập ở đây?", en: "Why here?" }];
const answers = [{ questionId: "q1", text: "Em muốn học lập trình nhúng." }];

beforeAll(async () => {
  await Promise.all([verifiedOrganisation("org-chip"), verifiedOrganisation("org-other")]);
  [recruiter, otherRecruiter, lan, minh] = await Promise.all([
    memberOf("rec-chip", "org-chip"),
    memberOf("rec-other", "org-other"),
    studentWithProfile("sv-lan", true),
    studentWithProfile("sv-minh", false),
  ]);
  listingId = await listingOf(recruiter, "org-chip", { positions: 3, questions });
});

async function notifications(token: string) {
  await effectsSettled();
  return (await call("GET", "/api/notifications", { token })).json.items as { kind: string; title: { vi: string } }[];
}

describe("applying and the pipeline", () => {
  let applicationId: string;

  it("documents every application and booking route in OpenAPI", async () => {
    const paths = Object.keys((await call("GET", "/api/openapi.json")).json.paths);
    for (const path of [
      "/api/listings/{id}/applications",
      "/api/listings/{id}/applications/bulk",
      "/api/applications/mine",
      "/api/applications/{id}",
      "/api/applications/{id}/transitions",
      "/api/listings/{id}/sessions/{sessionId}/bookings",
      "/api/listings/{id}/bookings",
      "/api/bookings/mine",
      "/api/bookings/{id}",
    ]) {
      expect(paths).toContain(path);
    }
  });

  it("submits an application with a note and answers, and tells the organisation", async () => {
    const res = await apply(lan, listingId, { note: "Em rất quan tâm.", answers });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ status: "submitted", version: 1, note: "Em rất quan tâm.", answers });
    expect(res.json.orgName).toBe("Tổ chức org-chip");
    expect(res.json.history).toEqual([{ status: "submitted", at: expect.any(String), by: "student" }]);
    expect(res.json).not.toHaveProperty("studentId");
    applicationId = res.json.id;
    expect((await notifications(recruiter)).some((n) => n.kind === "application_received")).toBe(true);
  });

  it("runs review → shortlist → interview → offer → accept, timestamping each step and notifying the student", async () => {
    const offered = await advance(recruiter, applicationId, 1, ["reviewing", "shortlisted", "interview", "offered"]);
    expect(offered.json).toMatchObject({ status: "offered", version: 5 });
    const accepted = await move(lan, applicationId, { to: "accepted", version: 5 });
    expect(accepted.status).toBe(200);
    expect(accepted.json.history.map((s: { status: string; by: string }) => `${s.status}/${s.by}`)).toEqual([
      "submitted/student",
      "reviewing/organisation",
      "shortlisted/organisation",
      "interview/organisation",
      "offered/organisation",
      "accepted/student",
    ]);
    const mine = await call("GET", "/api/applications/mine", { token: lan });
    expect(mine.json.items[0]).toMatchObject({
      id: applicationId,
      status: "accepted",
      listingTitle: { vi: "Thực tập internship" },
    });
    const statusNotices = (await notifications(lan)).filter((n) => n.kind === "application_status");
    expect(statusNotices.map((n) => n.title.vi)).toContain("Hồ sơ ứng tuyển: Mời phỏng vấn");
    expect(statusNotices).toHaveLength(6);
    const listing = await call("GET", `/api/listings/${listingId}`);
    expect(listing.json).toMatchObject({ reservedCount: 1, acceptedCount: 1 });
  });

  it("accepts only legal moves by the right party", async () => {
    const res = await apply(minh, listingId, { answers });
    const id = res.json.id;
    const cases = [
      { token: minh, to: "shortlisted", status: 403, code: "forbidden" },
      { token: recruiter, to: "withdrawn", status: 403, code: "forbidden" },
      { token: minh, to: "accepted", status: 409, code: "invalid_transition" },
      { token: recruiter, to: "submitted", status: 409, code: "invalid_transition" },
    ];
    for (const { token, to, status, code } of cases) {
      const moved = await move(token, id, { to, version: 1 });
      expect([moved.status, moved.json.error.code], to).toEqual([status, code]);
    }
    await advance(recruiter, id, 1, ["shortlisted"]);
    const back = await move(recruiter, id, { to: "reviewing", version: 2 });
    expect([back.status, back.json.error.code]).toEqual([409, "invalid_transition"]);
    const stale = await move(recruiter, id, { to: "interview", version: 1 });
    expect([stale.status, stale.json.error.code]).toEqual([409, "version_conflict"]);
    const noReason = await move(recruiter, id, { to: "rejected", version: 2 });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.details[0].path).toBe("reason");
  });

  it("shows the student the organisation's reason for a rejection, and nothing moves afterwards", async () => {
    const id = (await call("GET", "/api/applications/mine", { token: minh })).json.items[0].id;
    const rejected = await move(recruiter, id, { to: "rejected", version: 2, reason: "Cần sinh viên năm 4." });
    expect(rejected.status).toBe(200);
    const mine = await call("GET", `/api/applications/${id}`, { token: minh });
    expect(mine.json).toMatchObject({ status: "rejected", rejectionReason: "Cần sinh viên năm 4." });
    const withdraw = await move(minh, id, { to: "withdrawn", version: 3 });
    expect([withdraw.status, withdraw.json.error.code]).toEqual([409, "invalid_transition"]);
  });

  it("allows one active application per student and listing; a withdrawn one can be replaced", async () => {
    const student = await studentWithProfile("sv-hoa");
    const first = await apply(student, listingId, { answers });
    const again = await apply(student, listingId, { answers });
    expect([again.status, again.json.error.code]).toEqual([409, "already_applied"]);
    expect((await move(student, first.json.id, { to: "withdrawn", version: 1 })).status).toBe(200);
    const second = await apply(student, listingId, { answers });
    expect(second.status).toBe(201);
    expect(second.json.id).not.toBe(first.json.id);
    expect((await call("GET", `/api/applications/${first.json.id}`, { token: student })).status).toBe(404);
  });

  it("moves several applicants at once and reports each outcome", async () => {
    const ids: string[] = [];
    for (const name of ["sv-b1", "sv-b2"])
      ids.push((await apply(await studentWithProfile(name), listingId, { answers })).json.id);
    const res = await call("POST", `/api/listings/${listingId}/applications/bulk`, {
      token: recruiter,
      body: { applicationIds: [...ids, "no-such-application"], to: "shortlisted" },
    });
    expect(res.status).toBe(200);
    expect(res.json.results).toEqual([
      { id: ids[0], ok: true, status: "shortlisted", version: 2 },
      { id: ids[1], ok: true, status: "shortlisted", version: 2 },
      { id: "no-such-application", ok: false, error: { code: "not_found", message: expect.any(String) } },
    ]);
    const again = await call("POST", `/api/listings/${listingId}/applications/bulk`, {
      token: recruiter,
      body: { applicationIds: [ids[0]], to: "reviewing" },
    });
    expect(again.json.results[0]).toMatchObject({ ok: false, error: { code: "invalid_transition" } });
    const other = await call("POST", `/api/listings/${listingId}/applications/bulk`, {
      token: otherRecruiter,
      body: { applicationIds: ids, to: "interview" },
    });
    expect(other.status).toBe(403);
  });
});

describe("privacy", () => {
  it("shows contact details only to the listing's organisation and only with the student's consent", async () => {
    const board = await call("GET", `/api/listings/${listingId}/applications`, { token: recruiter });
    expect(board.status).toBe(200);
    type Row = { applicant: { identified: boolean; label: string; contact?: { email: string } }; status: string };
    const rows = board.json.items as Row[];
    const consenting = rows.find((r) => r.applicant.contact?.email === "sv-lan@example.vn");
    expect(consenting?.applicant).toMatchObject({ identified: true, contact: { fullName: "Sinh viên sv-lan" } });
    const withheld = rows.find((r) => r.status === "rejected")!;
    expect(withheld.applicant).toMatchObject({ identified: false, major: "se", year: 3 });
    expect(withheld.applicant.label).toMatch(/^UV-[0-9A-F]{6}$/);
    expect(JSON.stringify(withheld)).not.toMatch(/sv-minh|Sinh viên/);
    const shortlisted = await call("GET", `/api/listings/${listingId}/applications?status=shortlisted`, {
      token: recruiter,
    });
    expect(shortlisted.json.items.every((r: Row) => r.status === "shortlisted")).toBe(true);
  });

  it("hides applications from other organisations and other students (404), and the board (403)", async () => {
    const id = (await call("GET", "/api/applications/mine", { token: lan })).json.items[0].id;
    expect((await call("GET", `/api/applications/${id}`, { token: otherRecruiter })).status).toBe(404);
    expect((await call("GET", `/api/applications/${id}`, { token: minh })).status).toBe(404);
    expect((await move(otherRecruiter, id, { to: "rejected", version: 6, reason: "x" })).status).toBe(404);
    expect((await call("GET", `/api/applications/${id}`, { token: recruiter })).status).toBe(200);
    expect((await call("GET", `/api/listings/${listingId}/applications`, { token: otherRecruiter })).status).toBe(403);
    expect((await call("GET", `/api/listings/${listingId}/applications`, { token: lan })).status).toBe(403);
    expect((await call("GET", `/api/listings/${listingId}/applications`)).status).toBe(401);
    const draft = await listingOf(recruiter, "org-chip", { status: "draft" });
    expect((await call("GET", `/api/listings/${draft}/applications`, { token: otherRecruiter })).status).toBe(404);
  });
});

describe("refusals", () => {
  it("refuses closed, past-deadline, draft and visit listings, and students without a profile", async () => {
    const closed = await listingOf(recruiter, "org-chip", { status: "closed" });
    const past = await asOf("2019-06-01T00:00:00Z", () => listingOf(recruiter, "org-chip", { deadline: "2020-01-31" }));
    const draft = await listingOf(recruiter, "org-chip", { status: "draft" });
    const visit = await listingOf(recruiter, "org-chip", {
      type: "visit",
      sessions: [{ id: "s1", date: "2099-05-10", startTime: "09:00", place: "Phòng lab A", seats: 5 }],
    });
    const expectations = [
      [closed, 409, "listing_closed"],
      [past, 409, "deadline_passed"],
      [draft, 404, "not_found"],
      [visit, 409, "wrong_listing_type"],
      ["no-such-listing", 404, "not_found"],
    ] as const;
    for (const [id, status, code] of expectations) {
      const res = await apply(lan, id);
      expect([res.status, res.json.error.code], id).toEqual([status, code]);
    }
    const newcomer = await userWithToken("sv-new", "student");
    const noProfile = await apply(newcomer, listingId, { answers });
    expect([noProfile.status, noProfile.json.error.code]).toEqual([409, "profile_required"]);
    expect((await apply(recruiter, listingId, { answers })).status).toBe(403);
    expect((await apply("", listingId, { answers })).status).toBe(401);
  });

  it("rejects bad input with 400 and the field's path", async () => {
    const student = await studentWithProfile("sv-bad");
    const cases = [
      [{ answers, extra: true }, "extra"],
      [{ answers, note: "x".repeat(2001) }, "note"],
      [{ answers: [{ questionId: "q9", text: "?" }] }, "answers.0.questionId"],
      [{}, "answers"],
      [{ answers: [...answers, ...answers] }, "answers.1.questionId"],
    ] as const;
    for (const [body, path] of cases) {
      const res = await apply(student, listingId, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe("validation_failed");
      expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await apply(student, "NOT_AN_ID!", { answers })).status).toBe(400);
    const badMove = await move(recruiter, "some-id", { to: "hired", version: 1 });
    expect(badMove.json.error.details[0].path).toBe("to");
  });
});

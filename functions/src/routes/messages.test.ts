import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import {
  apply,
  freshIp,
  listingOf,
  memberOf,
  move,
  studentWithProfile,
  verifiedOrganisation,
} from "../../test/marketplace";
import { allStreamRecords } from "../../test/stream-records";
import { findApplication } from "../data/applications";
import { sendMessage } from "../data/messages";
import { deliverNotices } from "../effects/notices";

let recruiter: string;
let colleague: string;
let otherRecruiter: string;
let lan: string;
let minh: string;
let admin: string;
let listingId: string;
let applicationId: string;

const write = (token: string, id: string, text: string, ip = freshIp()) =>
  call("POST", `/api/applications/${id}/messages`, { token, body: { text }, headers: { "x-forwarded-for": ip } });
const page = (token: string, id: string, query = "") =>
  call("GET", `/api/applications/${id}/messages${query}`, { token });
const unread = async (token: string) => (await call("GET", "/api/messages/unread", { token })).json;

beforeAll(async () => {
  await Promise.all([verifiedOrganisation("org-msg"), verifiedOrganisation("org-msg-other")]);
  [recruiter, otherRecruiter, lan, minh, admin] = await Promise.all([
    memberOf("rec-msg", "org-msg"),
    memberOf("rec-msg-other", "org-msg-other"),
    studentWithProfile("sv-msg-lan"),
    studentWithProfile("sv-msg-minh"),
    userWithToken("admin-msg", "admin"),
  ]);
  colleague = await userWithToken("rec-msg-colleague", "recruiter", { orgId: "org-msg", role: "staff" });
  listingId = await listingOf(recruiter, "org-msg");
  const applied = await apply(lan, listingId, { answers: [] });
  expect(applied.status).toBe(201);
  applicationId = applied.json.id;
});

describe("an application's thread", () => {
  it("is documented in OpenAPI", async () => {
    const paths = Object.keys((await call("GET", "/api/openapi.json")).json.paths);
    for (const path of [
      "/api/applications/{id}/messages",
      "/api/applications/{id}/messages/read",
      "/api/applications/{id}/notes",
      "/api/messages/unread",
    ]) {
      expect(paths).toContain(path);
    }
  });

  it("carries messages between the student and the members, newest last; members see which member wrote", async () => {
    expect((await write(lan, applicationId, "  Em chào anh chị, em muốn hỏi về lịch phỏng vấn.  ")).status).toBe(201);
    const reply = await write(colleague, applicationId, "Chào em, thứ Hai nhé.");
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({ side: "organisation", mine: true, authorName: "rec-msg-colleague" });

    const asMember = await page(recruiter, applicationId);
    expect(asMember.status).toBe(200);
    expect(asMember.json.items.map((m: { text: string }) => m.text)).toEqual([
      "Em chào anh chị, em muốn hỏi về lịch phỏng vấn.",
      "Chào em, thứ Hai nhé.",
    ]);
    expect(asMember.json.items[1]).toMatchObject({
      side: "organisation",
      authorName: "rec-msg-colleague",
      mine: false,
    });
    expect(asMember.json.items[0]).toMatchObject({ side: "student", mine: false });
    expect(asMember.json.items[0].authorName).toBeUndefined();

    const asStudent = await page(lan, applicationId);
    expect(asStudent.json.items[0]).toMatchObject({ side: "student", mine: true });
    expect(asStudent.json.items[1]).toMatchObject({ side: "organisation", mine: false });
    // The student sees that the organisation wrote, not which member.
    expect(asStudent.json.items[1].authorName).toBeUndefined();
    expect(asStudent.text).not.toContain("rec-msg-colleague");
  });

  it("is seen by the two sides only: anyone else gets 404, as for the application", async () => {
    for (const token of [minh, otherRecruiter, admin]) {
      expect((await page(token, applicationId)).status).toBe(404);
      expect((await write(token, applicationId, "xin chào")).status).toBe(404);
      expect(
        (await call("PUT", `/api/applications/${applicationId}/messages/read`, { token, body: { seen: 1 } })).status,
      ).toBe(404);
    }
    expect((await call("GET", `/api/applications/${applicationId}/messages`)).status).toBe(401);
  });

  it("refuses an empty message and one over 2,000 characters", async () => {
    expect((await write(lan, applicationId, "   ")).status).toBe(400);
    const long = await write(lan, applicationId, "a".repeat(2001));
    expect(long.status).toBe(400);
    expect(long.json.error.code).toBe("validation_failed");
    expect((await write(lan, applicationId, "â".repeat(2000))).status).toBe(201);
  });

  it("notifies the other side once per message, in-app, without copying the text", async () => {
    await effectsSettled();
    await effectsSettled();
    const inbox = async (token: string) =>
      (
        (await call("GET", "/api/notifications", { token })).json.items as {
          kind: string;
          link: string;
          body?: { vi: string };
        }[]
      ).filter((n) => n.kind === "message");
    // Lan wrote twice (the greeting and the long one): each member has two notices; the student one, for the reply.
    expect(await inbox(recruiter)).toHaveLength(2);
    expect(await inbox(colleague)).toHaveLength(2);
    const forStudent = await inbox(lan);
    expect(forStudent).toHaveLength(1);
    expect(forStudent[0]!.link).toBe(`/ung-tuyen/${applicationId}`);
    expect(JSON.stringify(forStudent)).not.toContain("thứ Hai");
    expect((await inbox(minh)).length + (await inbox(otherRecruiter)).length).toBe(0);

    // The same stream records delivered again (a Lambda retry, a replay after a restart) store nothing twice.
    expect(await deliverNotices(await allStreamRecords())).toBe(0);
    expect(await inbox(recruiter)).toHaveLength(2);
    expect(await inbox(lan)).toHaveLength(1);
  });
});

describe("unread counts and read markers", () => {
  let thread: string;
  let other: string;

  beforeAll(async () => {
    const listing = await listingOf(recruiter, "org-msg");
    thread = (await apply(minh, listing, { answers: [] })).json.id;
    other = (await apply(lan, await listingOf(recruiter, "org-msg"), { answers: [] })).json.id;
  });

  it("counts the other side's messages per participant until each marks them read", async () => {
    const before = await unread(recruiter);
    for (const text of ["một", "hai", "ba"]) expect((await write(minh, thread, text)).status).toBe(201);
    expect((await write(lan, other, "bốn")).status).toBe(201);

    const mine = await unread(recruiter);
    expect(mine.total).toBe(before.total + 4);
    expect(mine.threads).toContainEqual({ applicationId: thread, listingId: expect.any(String), unread: 3 });
    // The writer has nothing unread in that thread; a member of another organisation sees nothing of it.
    expect((await unread(minh)).total).toBe(0);
    expect((await unread(otherRecruiter)).total).toBe(0);

    const shown = await page(recruiter, thread);
    expect(shown.json).toMatchObject({ otherSideCount: 3, unread: 3 });
    const marked = await call("PUT", `/api/applications/${thread}/messages/read`, {
      token: recruiter,
      body: { seen: shown.json.otherSideCount },
    });
    expect(marked.json).toEqual({ seen: 3 });
    expect(
      (await unread(recruiter)).threads.find((t: { applicationId: string }) => t.applicationId === thread),
    ).toBeUndefined();
    // Each member has their own marker: the colleague still has the three unread.
    expect((await unread(colleague)).threads).toContainEqual({
      applicationId: thread,
      listingId: expect.any(String),
      unread: 3,
    });

    // A reply makes the student's count, not the recruiter's.
    expect((await write(recruiter, thread, "Cảm ơn em.")).status).toBe(201);
    expect((await unread(minh)).threads).toContainEqual({
      applicationId: thread,
      listingId: expect.any(String),
      unread: 1,
    });
  });

  it("never moves a marker back or beyond what the other side wrote, also under concurrent marks", async () => {
    const marks = [3, 1, 2, 0, 3, 1, 2, 99];
    const results = await Promise.all(
      marks.map((seen) =>
        call("PUT", `/api/applications/${thread}/messages/read`, { token: colleague, body: { seen } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(marks.map(() => 200));
    const after = await page(colleague, thread);
    // 99 is clamped to the three messages Minh wrote; the lower marks sent at the same time did not win.
    expect(after.json).toMatchObject({ otherSideCount: 3, unread: 0 });
    const lower = await call("PUT", `/api/applications/${thread}/messages/read`, {
      token: colleague,
      body: { seen: 1 },
    });
    expect(lower.json).toEqual({ seen: 3 });
    expect((await page(colleague, thread)).json.unread).toBe(0);
  });
});

describe("concurrent writers", () => {
  it("keep the unread counts equal to the messages: both sides sending at once", async () => {
    const listing = await listingOf(recruiter, "org-msg");
    const id = (await apply(minh, listing, { answers: [] })).json.id;
    const senders = [minh, recruiter, colleague, minh, recruiter, minh, colleague, minh];
    const sent = await Promise.all(senders.map((token, i) => write(token, id, `cùng lúc ${i}`)));
    expect(sent.map((r) => r.status)).toEqual(senders.map(() => 201));
    const fromStudent = senders.filter((t) => t === minh).length;
    const asMember = await page(recruiter, id);
    expect(asMember.json.items).toHaveLength(senders.length);
    expect(asMember.json).toMatchObject({ otherSideCount: fromStudent, unread: fromStudent });
    const asStudent = await page(minh, id);
    expect(asStudent.json).toMatchObject({
      otherSideCount: senders.length - fromStudent,
      unread: senders.length - fromStudent,
    });
  });
});

describe("paging", () => {
  it("pages from the newest to older messages; a cursor works only for its own thread", async () => {
    const listing = await listingOf(recruiter, "org-msg");
    const id = (await apply(minh, listing, { answers: [] })).json.id;
    const application = (await findApplication(id))!;
    for (let i = 1; i <= 35; i++)
      await sendMessage(application, i % 2 ? "student" : "organisation", i % 2 ? "sv-msg-minh" : "rec-msg", `tin ${i}`);

    const newest = await page(minh, id);
    expect(newest.json.items).toHaveLength(30);
    expect(newest.json.items.at(-1).text).toBe("tin 35");
    expect(newest.json.items[0].text).toBe("tin 6");
    expect(newest.json.cursor).toEqual(expect.any(String));

    const older = await page(minh, id, `?cursor=${encodeURIComponent(newest.json.cursor)}`);
    expect(older.json.items.map((m: { text: string }) => m.text)).toEqual([
      "tin 1",
      "tin 2",
      "tin 3",
      "tin 4",
      "tin 5",
    ]);
    expect(older.json.cursor).toBeNull();

    const small = await page(minh, id, "?limit=5");
    expect(small.json.items.map((m: { text: string }) => m.text)).toEqual([
      "tin 31",
      "tin 32",
      "tin 33",
      "tin 34",
      "tin 35",
    ]);

    const foreign = await page(lan, applicationId, `?cursor=${encodeURIComponent(newest.json.cursor)}`);
    expect(foreign.status).toBe(400);
    const forged = await page(minh, id, `?cursor=${encodeURIComponent(`${newest.json.cursor}x`)}`);
    expect(forged.status).toBe(400);
  });
});

describe("a withdrawn application", () => {
  it("closes its thread for new messages but keeps it readable", async () => {
    const listing = await listingOf(recruiter, "org-msg");
    const applied = await apply(lan, listing, { answers: [] });
    expect((await write(lan, applied.json.id, "Em xin rút hồ sơ.")).status).toBe(201);
    expect((await move(lan, applied.json.id, { to: "withdrawn", version: applied.json.version })).status).toBe(200);
    const refused = await write(recruiter, applied.json.id, "Tiếc quá.");
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("thread_closed");
    expect((await page(recruiter, applied.json.id)).json.items).toHaveLength(1);
  });
});

describe("recruiters' notes and rating", () => {
  const notes = (token: string, method = "GET", body?: unknown) =>
    call(method, `/api/applications/${applicationId}/notes`, { token, ...(body ? { body } : {}) });

  it("are shared by the organisation's members, with optimistic concurrency", async () => {
    expect((await notes(recruiter)).json).toEqual({ text: "", rating: null, version: 0 });
    const saved = await notes(recruiter, "PUT", {
      text: "Ứng viên nói tiếng Anh tốt. BÍ-MẬT-NỘI-BỘ",
      rating: 4,
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ rating: 4, version: 1, updatedByName: "rec-msg" });
    expect((await notes(colleague)).json).toMatchObject({
      text: "Ứng viên nói tiếng Anh tốt. BÍ-MẬT-NỘI-BỘ",
      rating: 4,
    });
    // A colleague saving on the version they read before the first save is refused, not silently overwriting.
    const stale = await notes(colleague, "PUT", { text: "khác", rating: 2, version: 0 });
    expect(stale.status).toBe(409);
    expect((await notes(colleague, "PUT", { text: "Mời phỏng vấn", rating: null, version: 1 })).json).toMatchObject({
      rating: null,
      version: 2,
      updatedByName: "rec-msg-colleague",
    });
    expect((await notes(recruiter, "PUT", { text: "x", rating: 6, version: 2 })).status).toBe(400);
    await notes(recruiter, "PUT", { text: "Ứng viên nói tiếng Anh tốt. BÍ-MẬT-NỘI-BỘ", rating: 5, version: 2 });
  });

  it("are never shown to the student: not by the route, the application, the thread or the export", async () => {
    const own = await notes(lan);
    expect(own.status).toBe(404);
    expect((await notes(lan, "PUT", { text: "tự chấm", rating: 5, version: 0 })).status).toBe(404);
    for (const token of [minh, otherRecruiter, admin]) expect((await notes(token)).status).toBe(404);
    const views = [
      await call("GET", `/api/applications/${applicationId}`, { token: lan }),
      await call("GET", "/api/applications/mine", { token: lan }),
      await page(lan, applicationId),
      await call("GET", "/api/students/me/export", { token: lan }),
    ];
    for (const view of views) {
      expect(view.status).toBe(200);
      expect(view.text).not.toContain("BÍ-MẬT-NỘI-BỘ");
      expect(view.text).not.toContain('"rating"');
    }
  });
});

describe("the student's export", () => {
  it("holds the thread's messages, both sides'", async () => {
    const exported = await call("GET", "/api/students/me/export", { token: lan });
    const texts = (exported.json.sections.message as { text: string }[]).map((m) => m.text);
    expect(texts).toContain("Em chào anh chị, em muốn hỏi về lịch phỏng vấn.");
    expect(texts).toContain("Chào em, thứ Hai nhé.");
    expect(exported.json.sections.thread.length).toBeGreaterThan(0);
  });
});

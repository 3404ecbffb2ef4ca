import { todayInVietnam } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call } from "../../test/helpers";
import { advance, apply, listingOf, memberOf, studentWithProfile, verifiedOrganisation } from "../../test/marketplace";
import { interviewAttachmentForNotice } from "../interviews/attachment";

let recruiter: string;
let outsider: string;
let lan: string;
let listingId: string;

/** A Vietnamese calendar day `days` from now. */
const dayAhead = (days: number) => todayInVietnam(new Date(Date.now() + days * 86_400_000));

const inPerson = (days: number[]) => ({
  slots: days.map((d) => ({ date: dayAhead(d), startTime: "09:30", durationMinutes: 45 })),
  mode: "in_person",
  communeId: "p-tran-bien",
  address: "Lô A2, KCN Amata",
  note: "Mang theo CV bản giấy.",
});

async function inInterviewStage(token: string) {
  const res = await apply(token, listingId, {});
  expect(res.status, res.text).toBe(201);
  await advance(recruiter, res.json.id, 1, ["interview"]);
  return res.json.id as string;
}

async function notices(token: string) {
  await effectsSettled();
  return (await call("GET", "/api/notifications", { token })).json.items as { kind: string; title: { vi: string } }[];
}

beforeAll(async () => {
  await Promise.all([verifiedOrganisation("org-iv"), verifiedOrganisation("org-iv-other")]);
  [recruiter, outsider, lan] = await Promise.all([
    memberOf("rec-iv", "org-iv"),
    memberOf("rec-iv-other", "org-iv-other"),
    studentWithProfile("sv-iv-lan"),
  ]);
  listingId = await listingOf(recruiter, "org-iv", { positions: 2 });
});

describe("interviews", () => {
  let applicationId: string;

  it("documents the interview routes in OpenAPI", async () => {
    const paths = Object.keys((await call("GET", "/api/openapi.json")).json.paths);
    for (const path of [
      "/api/applications/{id}/interview",
      "/api/applications/{id}/interview/pick",
      "/api/applications/{id}/interview/request-change",
      "/api/applications/{id}/interview/reschedule",
      "/api/applications/{id}/interview/cancel",
      "/api/applications/{id}/interview/calendar",
      "/api/listings/{id}/interviews",
    ]) {
      expect(paths).toContain(path);
    }
  });

  it("refuses slots in the past, an in-person interview without an address and an online one without https", async () => {
    applicationId = await inInterviewStage(lan);
    const url = `/api/applications/${applicationId}/interview`;
    const past = await call("POST", url, { token: recruiter, body: inPerson([-1]) });
    expect([past.status, past.json.error.details[0].path]).toEqual([400, "slots"]);
    const { address: _a, ...noAddress } = inPerson([2]);
    const missing = await call("POST", url, { token: recruiter, body: noAddress });
    expect([missing.status, missing.json.error.details[0].path]).toEqual([400, "address"]);
    const http = await call("POST", url, {
      token: recruiter,
      body: { slots: inPerson([2]).slots, mode: "online", link: "http://meet.example.vn/x" },
    });
    expect(http.status).toBe(400);
    const six = await call("POST", url, { token: recruiter, body: inPerson([1, 2, 3, 4, 5, 6]) });
    expect(six.status).toBe(400);
    const long = await call("POST", url, {
      token: recruiter,
      body: { ...inPerson([2]), slots: [{ date: dayAhead(2), startTime: "09:00", durationMinutes: 600 }] },
    });
    expect(long.status).toBe(400);
  });

  it("lets only the organisation propose, and only in the interview stage", async () => {
    const url = `/api/applications/${applicationId}/interview`;
    expect((await call("POST", url, { token: lan, body: inPerson([2]) })).status).toBe(403);
    expect((await call("POST", url, { token: outsider, body: inPerson([2]) })).status).toBe(404);
    const early = await apply(await studentWithProfile("sv-iv-early"), listingId, {});
    const notYet = await call("POST", `/api/applications/${early.json.id}/interview`, {
      token: recruiter,
      body: inPerson([2]),
    });
    expect([notYet.status, notYet.json.error.code]).toEqual([409, "not_in_interview_stage"]);
  });

  it("proposes three slots, the student picks one, and the timeline, notices and .ics follow", async () => {
    const url = `/api/applications/${applicationId}/interview`;
    const proposed = await call("POST", url, { token: recruiter, body: inPerson([3, 2, 4]) });
    expect(proposed.status, proposed.text).toBe(201);
    expect(proposed.json).toMatchObject({ status: "proposed", mode: "in_person", sequence: 0, version: 1 });
    // Stored sorted, as instants: 09:30 in Vietnam is 02:30 UTC.
    expect(proposed.json.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(
      [2, 3, 4].map((d) => `${dayAhead(d)}T02:30:00.000Z`),
    );
    expect((await call("POST", url, { token: recruiter, body: inPerson([5]) })).json.error.code).toBe(
      "interview_exists",
    );
    expect((await notices(lan)).map((n) => n.kind)).toContain("interview_proposed");
    const before = await call("GET", `${url}/calendar`, { token: lan });
    expect([before.status, before.json.error.code]).toEqual([409, "not_scheduled"]);

    const slot = proposed.json.slots[1];
    const picked = await call("POST", `${url}/pick`, { token: lan, body: { slotId: slot.id, version: 1 } });
    expect(picked.status, picked.text).toBe(200);
    expect(picked.json).toMatchObject({ status: "scheduled", chosenSlotId: slot.id, sequence: 1, version: 2 });
    expect(picked.json.history.map((e: { kind: string }) => e.kind)).toEqual(["proposed", "picked"]);
    expect((await notices(recruiter)).map((n) => n.kind)).toContain("interview_scheduled");
    expect((await notices(lan)).map((n) => n.kind)).toContain("interview_scheduled");

    for (const token of [lan, recruiter]) {
      const ics = await call("GET", `${url}/calendar`, { token });
      expect(ics.status).toBe(200);
      expect(ics.headers.get("content-type")).toContain("text/calendar");
      expect(ics.text).toContain("METHOD:REQUEST");
      expect(ics.text).toContain(`UID:interview-${picked.json.id}@ketnoi`);
      expect(ics.text).toContain("SEQUENCE:1");
      expect(ics.text).toContain(`DTSTART:${dayAhead(3).replaceAll("-", "")}T023000Z`);
    }
    expect((await call("GET", `${url}/calendar`, { token: outsider })).status).toBe(404);
    // The mail sender's hook finds the same calendar from either side's notice link.
    for (const link of [`/ung-tuyen/${applicationId}`, `/tin/${listingId}/ung-vien#ap-${applicationId}`]) {
      const attachment = await interviewAttachmentForNotice("interview_scheduled", link, "no-reply@ketnoi.example");
      expect(attachment?.icalEvent.method).toBe("REQUEST");
      expect(attachment?.content).toContain(`UID:interview-${picked.json.id}@ketnoi`);
      expect(attachment?.content).toContain("ORGANIZER;CN=");
    }
    expect(await interviewAttachmentForNotice("application_status", `/ung-tuyen/${applicationId}`)).toBeUndefined();
    const board = await call("GET", `/api/listings/${listingId}/interviews`, { token: recruiter });
    expect(board.json.items.map((i: { applicationId: string }) => i.applicationId)).toContain(applicationId);
    expect(board.json.items[0]).not.toHaveProperty("studentId");
  });

  it("reschedules: the taken slot is freed, the calendar gets a cancellation with a higher SEQUENCE", async () => {
    const url = `/api/applications/${applicationId}/interview`;
    const stale = await call("POST", `${url}/reschedule`, {
      token: recruiter,
      body: { ...inPerson([6]), reason: "Người phỏng vấn bận", version: 1 },
    });
    expect([stale.status, stale.json.error.code]).toEqual([409, "version_conflict"]);
    const moved = await call("POST", `${url}/reschedule`, {
      token: recruiter,
      body: { ...inPerson([6, 7]), reason: "Người phỏng vấn bận", version: 2 },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json).toMatchObject({ status: "proposed", sequence: 2 });
    expect(moved.json).not.toHaveProperty("chosenSlotId");
    const ics = await call("GET", `${url}/calendar`, { token: lan });
    expect(ics.text).toContain("METHOD:CANCEL");
    expect(ics.text).toContain("SEQUENCE:2");
    const repicked = await call("POST", `${url}/pick`, {
      token: lan,
      body: { slotId: moved.json.slots[0].id, version: moved.json.version },
    });
    expect(repicked.json).toMatchObject({ status: "scheduled", sequence: 3 });
    const again = await call("GET", `${url}/calendar`, { token: lan });
    expect(again.text).toContain("METHOD:REQUEST");
    expect(again.text).toContain("SEQUENCE:3");
    const kinds = (await notices(lan)).map((n) => n.kind);
    expect(kinds).toContain("interview_rescheduled");
  });

  it("the student asks for other times, then either side cancels with a reason", async () => {
    const url = `/api/applications/${applicationId}/interview`;
    const current = (await call("GET", url, { token: lan })).json;
    const asked = await call("POST", `${url}/request-change`, {
      token: lan,
      body: { note: "Em bận thi cuối kỳ tuần đó.", version: current.version },
    });
    expect(asked.status, asked.text).toBe(200);
    expect(asked.json.status).toBe("change_requested");
    expect((await notices(recruiter)).map((n) => n.kind)).toContain("interview_change_requested");
    const noReason = await call("POST", `${url}/cancel`, { token: lan, body: { version: asked.json.version } });
    expect(noReason.status).toBe(400);
    const cancelled = await call("POST", `${url}/cancel`, {
      token: recruiter,
      body: { reason: "Vị trí đã tuyển đủ.", version: asked.json.version },
    });
    expect(cancelled.json).toMatchObject({ status: "cancelled" });
    expect(cancelled.json.history.at(-1)).toMatchObject({
      kind: "cancelled",
      by: "organisation",
      note: "Vị trí đã tuyển đủ.",
    });
    const late = await call("POST", `${url}/pick`, {
      token: lan,
      body: { slotId: current.slots[0].id, version: cancelled.json.version },
    });
    expect([late.status, late.json.error.code]).toEqual([409, "invalid_transition"]);
    expect((await notices(lan)).map((n) => n.kind)).toContain("interview_cancelled");
    // A cancelled interview may be replaced by a new proposal, a new calendar event (new UID).
    const fresh = await call("POST", url, { token: recruiter, body: inPerson([8]) });
    expect(fresh.status).toBe(201);
    expect(fresh.json.id).not.toBe(cancelled.json.id);
  });
});

describe("the slot race", () => {
  it("of eight applicants offered the same time who all pick it at once, exactly one gets it", async () => {
    const students = await Promise.all(Array.from({ length: 8 }, (_, i) => studentWithProfile(`sv-iv-race-${i}`)));
    const applications = [];
    for (const token of students) applications.push({ token, id: await inInterviewStage(token) });
    const proposals = await Promise.all(
      applications.map(({ id }) =>
        call("POST", `/api/applications/${id}/interview`, { token: recruiter, body: inPerson([10, 11]) }),
      ),
    );
    const results = await Promise.all(
      applications.map(({ token, id }, i) =>
        call("POST", `/api/applications/${id}/interview/pick`, {
          token,
          body: { slotId: proposals[i]!.json.slots[0].id, version: 1 },
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.json.error.code)).toEqual(Array(7).fill("slot_taken"));
    // A refused applicant still takes the other time.
    const loser = results.findIndex((r) => r.status === 409);
    const other = await call("POST", `/api/applications/${applications[loser]!.id}/interview/pick`, {
      token: applications[loser]!.token,
      body: { slotId: proposals[loser]!.json.slots[1].id, version: 1 },
    });
    expect(other.status).toBe(200);
  });

  it("one student firing picks of two slots at once gets exactly one", async () => {
    const token = await studentWithProfile("sv-iv-double");
    const id = await inInterviewStage(token);
    const proposal = await call("POST", `/api/applications/${id}/interview`, {
      token: recruiter,
      body: inPerson([12, 13]),
    });
    const results = await Promise.all(
      proposal.json.slots.map((s: { id: string }) =>
        call("POST", `/api/applications/${id}/interview/pick`, { token, body: { slotId: s.id, version: 1 } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const stored = await call("GET", `/api/applications/${id}/interview`, { token });
    expect(stored.json.status).toBe("scheduled");
    expect(stored.json.history.filter((e: { kind: string }) => e.kind === "picked")).toHaveLength(1);
  });
});

describe("overlapping times (one interviewer per listing)", () => {
  const at = (days: number, times: Array<[string, number]>) => ({
    ...inPerson([]),
    slots: times.map(([startTime, durationMinutes]) => ({ date: dayAhead(days), startTime, durationMinutes })),
  });

  it("refuses a proposal whose own times overlap, and takes one whose times are back to back", async () => {
    const id = await inInterviewStage(await studentWithProfile("sv-iv-overlap-own"));
    const url = `/api/applications/${id}/interview`;
    const overlapping = await call("POST", url, {
      token: recruiter,
      body: at(20, [
        ["09:00", 60],
        ["09:30", 60],
      ]),
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.json.error.code).toBe("validation_failed");
    const backToBack = await call("POST", url, {
      token: recruiter,
      body: at(20, [
        ["09:00", 45],
        ["09:45", 45],
      ]),
    });
    expect(backToBack.status, backToBack.text).toBe(201);
  });

  it("lets no two students hold overlapping times, one after the other or at once; back to back is fine", async () => {
    const students = await Promise.all(["a", "b", "c", "d", "e"].map((s) => studentWithProfile(`sv-iv-overlap-${s}`)));
    const ids: string[] = [];
    for (const token of students) ids.push(await inInterviewStage(token));
    const times: Array<[string, number]> = [
      ["09:00", 60],
      ["09:30", 60],
      ["10:00", 45],
      ["14:00", 60],
      ["14:55", 30],
    ];
    const proposals = await Promise.all(
      ids.map((id, i) =>
        call("POST", `/api/applications/${id}/interview`, { token: recruiter, body: at(21, [times[i]!]) }),
      ),
    );
    const pick = (i: number) =>
      call("POST", `/api/applications/${ids[i]}/interview/pick`, {
        token: students[i]!,
        body: { slotId: proposals[i]!.json.slots[0].id, version: 1 },
      });
    expect((await pick(0)).status).toBe(200);
    const overlapping = await pick(1);
    expect(overlapping.status).toBe(409);
    expect(overlapping.json.error.code).toBe("slot_taken");
    expect((await pick(2)).status).toBe(200);
    // 14:00–15:00 and 14:55–15:25 picked at the same moment: exactly one holds the afternoon.
    const race = await Promise.all([pick(3), pick(4)]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    // Giving the 09:00 time up frees it: the student refused before may take 09:30 once 10:00 is given up too.
    for (const i of [0, 2]) {
      const current = (await call("GET", `/api/applications/${ids[i]}/interview`, { token: recruiter })).json;
      const cancelled = await call("POST", `/api/applications/${ids[i]}/interview/cancel`, {
        token: recruiter,
        body: { reason: "Đổi người phỏng vấn.", version: current.version },
      });
      expect(cancelled.status, cancelled.text).toBe(200);
    }
    expect((await pick(1)).status).toBe(200);
  });
});

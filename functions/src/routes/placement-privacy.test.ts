import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { candidateIdOf } from "../data/matching";
import { getRound, inputFromKept, type RoundResult } from "../data/placement/rounds";
import { db } from "../db/service";
import { generateDemoData } from "../seed/demo-data";
import { seedDemoData } from "../seed/seed";

// A student's rights reach placement rounds: the export shows their choices and outcomes, erasure leaves no id.
const demo = generateDemoData();
const tokens = new Map<string, Promise<string>>();
const signIn = (userId: string): Promise<string> => {
  if (!tokens.has(userId)) {
    tokens.set(
      userId,
      call("POST", "/api/dev-auth/token", { body: { userId } }).then((res) => res.json.token),
    );
  }
  return tokens.get(userId)!;
};

const [first, second] = demo.listings
  .filter((l) => l.status === "published" && l.type === "internship")
  .map((l) => l.listingId) as [string, string];
const students = demo.students.filter((s) => s.universityId === "lhu").slice(0, 4);
let roundId = "";
let placed: RoundResult;

const openRound = async (title: string, capacity = 1) => {
  const res = await call("POST", "/api/placement-rounds", {
    token: await signIn("staff-lhu"),
    body: {
      universityId: "lhu",
      title,
      listings: [
        { listingId: first, capacity },
        { listingId: second, capacity },
      ],
      preferencesDeadline: "2099-01-01T00:00:00.000Z",
    },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
};
const rank = async (id: string, studentId: string) => {
  const res = await call("PUT", `/api/placement-rounds/${id}/preferences`, {
    token: await signIn(studentId),
    body: { choices: [first, second] },
  });
  expect(res.status).toBe(200);
};
const erase = async (studentId: string) => {
  const res = await call("DELETE", "/api/students/me", {
    token: await signIn(studentId),
    body: { confirm: "XOA TAI KHOAN" },
  });
  expect(res.status).toBe(200);
  return res.json;
};

beforeAll(async () => {
  await seedDemoData({ history: false });
  roundId = await openRound("Đợt có người xóa tài khoản");
  for (const s of students) await rank(roundId, s.userId);
  const ran = await call("POST", `/api/placement-rounds/${roundId}/run`, {
    body: { confirmEarly: true },
    token: await signIn("staff-lhu"),
  });
  expect(ran.status).toBe(200);
  placed = (await getRound(roundId))!.result as RoundResult;
  expect(placed.assignments).toHaveLength(2);
});

describe("a student's placement data", () => {
  it("is in their export: their choices and answers, and where each round placed them", async () => {
    const seated = placed.assignments[0]!;
    const res = await call("GET", "/api/students/me/export", { token: await signIn(seated.studentId) });
    expect(res.status).toBe(200);
    const { placementPreference, placementOutcome } = res.json.sections;
    expect(placementPreference).toEqual([expect.objectContaining({ roundId, choices: [first, second] })]);
    expect(placementOutcome).toEqual([
      expect.objectContaining({
        roundId,
        title: "Đợt có người xóa tài khoản",
        outcome: "assigned",
        listingId: seated.listingId,
        choice: seated.choice,
      }),
    ]);

    const waiting = placed.unassigned[0]!;
    const theirs = await call("GET", "/api/students/me/export", { token: await signIn(waiting) });
    expect(theirs.json.sections.placementOutcome).toEqual([expect.objectContaining({ outcome: "unassigned" })]);
    expect(theirs.json.sections.placementOutcome[0].listingId).toBeUndefined();
  });

  it("leaves no id in a run round after erasure, keeps its counts, and passes the seat on", async () => {
    const { studentId: erased, listingId, choice } = placed.assignments[0]!;
    const receipt = await erase(erased);
    expect(receipt.kept).toContainEqual(
      expect.objectContaining({ section: "placementPreference", count: 1, reason: expect.anything() }),
    );

    const round = (await getRound(roundId))!;
    const result = round.result as RoundResult;
    expect(JSON.stringify(round)).not.toContain(erased);
    expect(result.assignments).toHaveLength(placed.assignments.length);
    expect(result.unassigned).toHaveLength(placed.unassigned.length);
    // One token per round, standing where the student stood: their seat, the kept inputs and the rankings.
    const token = result.assignments.find((a) => a.studentId.startsWith("erased-"))!;
    expect(token).toEqual({ studentId: expect.stringMatching(/^erased-[0-9a-f-]{36}$/), listingId, choice });
    const keptInput = inputFromKept(result.input!);
    expect(keptInput.students.map((s) => s.id)).toContain(token.studentId);
    expect(keptInput.listings.flatMap((l) => l.ranking)).toContain(token.studentId);

    // The record moves to the token: the choices stay (the round's numbers), and an unanswered seat is declined.
    const { data: mine } = await db().entities.placementPreference.get({ roundId, studentId: erased }).go();
    expect(mine).toBeNull();
    const { data: kept } = await db().entities.placementPreference.get({ roundId, studentId: token.studentId }).go();
    expect(kept).toMatchObject({ choices: [first, second], response: { decision: "declined" } });

    const staff = await signIn("staff-lhu");
    const view = await call("GET", `/api/placement-rounds/${roundId}`, { token: staff });
    expect(view.json.result.assignments).toContainEqual(
      expect.objectContaining({
        studentId: token.studentId,
        response: expect.objectContaining({ decision: "declined" }),
      }),
    );

    // A re-offer gives the erased student's seat to someone who is still there, never to the token.
    const reoffered = await call("POST", `/api/placement-rounds/${roundId}/reoffer`, { token: staff });
    expect(reoffered.status).toBe(200);
    const after = reoffered.json.result;
    expect(after.assignments.map((a: { studentId: string }) => a.studentId)).not.toContain(token.studentId);
    expect(after.assignments.map((a: { listingId: string }) => a.listingId)).toContain(listingId);
    expect(after.declined).toEqual([expect.objectContaining({ studentId: token.studentId, listingId })]);
    expect(after.assignments.length + after.unassigned.length).toBe(students.length);
  });

  it("deletes the record, and the organisation's edit naming them, in a round that has not run", async () => {
    const id = await openRound("Đợt chưa chạy", 2);
    const leaving = placed.unassigned.at(-1)!;
    await rank(id, leaving);
    await rank(id, students.find((s) => s.userId !== leaving && placed.unassigned.includes(s.userId))!.userId);
    const orgId = demo.listings.find((l) => l.listingId === first)!.orgId;
    const member = demo.memberships.find((m) => m.orgId === orgId)!.userId;
    const path = `/api/placement-rounds/${id}/listings/${first}/ranking`;
    const automatic = await call("GET", path, { token: await signIn(member) });
    const order = automatic.json.items.map((i: { candidateId: string }) => i.candidateId).reverse();
    expect(order).toContain(candidateIdOf(first, leaving));
    expect((await call("PUT", path, { token: await signIn(member), body: { order } })).status).toBe(200);

    const receipt = await erase(leaving);
    // Two records: this round's (deleted) and the first round's (kept under a token).
    expect(receipt.deleted).toContainEqual({ section: "placementPreference", count: 1 });
    expect(receipt.kept).toContainEqual(expect.objectContaining({ section: "placementPreference", count: 1 }));
    const round = (await getRound(id))!;
    expect(JSON.stringify(round)).not.toContain(candidateIdOf(first, leaving));
    expect((round.rankings as Record<string, string[]>)[first]).toHaveLength(1);
    const { data } = await db().entities.placementPreference.query.byRound({ roundId: id }).go();
    expect(data.map((p) => p.studentId)).not.toContain(leaving);
    expect(JSON.stringify((await getRound(roundId))!)).not.toContain(leaving);
  });
});

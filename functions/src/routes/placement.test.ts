import { checkPlacement } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { getRound, placementInput } from "../data/placement";
import { generateDemoData } from "../seed/demo-data";
import { seedDemoData } from "../seed/seed";

const demo = generateDemoData();
const signIn = async (userId: string): Promise<string> =>
  (await call("POST", "/api/dev-auth/token", { body: { userId } })).json.token;

const listings = demo.listings
  .filter((l) => l.status === "published" && l.type === "internship")
  .slice(0, 3)
  .map((l) => l.listingId);
const lhuStudents = demo.students.filter((s) => s.universityId === "lhu").slice(0, 6);
const outsider = demo.students.find((s) => s.universityId !== "lhu")!;
let roundId = "";

beforeAll(async () => {
  await seedDemoData();
  const created = await call("POST", "/api/placement-rounds", {
    token: await signIn("staff-lhu"),
    body: {
      universityId: "lhu",
      title: "Đợt thực tập học kỳ 2",
      listings: listings.map((listingId) => ({ listingId, capacity: 1 })),
      preferencesDeadline: "2099-01-01T00:00:00.000Z",
    },
  });
  expect(created.status).toBe(201);
  roundId = created.json.id;
  // Everyone wants the same first choice: a round where stability, not first choices, is what can be promised.
  for (const [i, student] of lhuStudents.entries()) {
    const choices = [listings[0]!, ...(i % 2 ? [listings[2]!, listings[1]!] : [listings[1]!])];
    const res = await call("PUT", `/api/placement-rounds/${roundId}/preferences`, {
      token: await signIn(student.userId),
      body: { choices },
    });
    expect(res.status).toBe(200);
  }
});

describe("placement rounds", () => {
  it("runs idempotently: running twice gives the same, stable result and audit hashes", async () => {
    const token = await signIn("staff-lhu");
    const first = await call("POST", `/api/placement-rounds/${roundId}/run`, { token });
    expect(first.status).toBe(200);
    const second = await call("POST", `/api/placement-rounds/${roundId}/run`, { token });
    expect(second.json.result).toEqual(first.json.result);
    const { result } = first.json;
    expect(result.assignments).toHaveLength(3);
    expect(result.unassigned).toHaveLength(3);
    expect(result.stable).toBe(true);
    expect(result.audit).toMatchObject({
      engineVersion: expect.any(String),
      inputsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });

    const round = (await getRound(roundId))!;
    expect(checkPlacement(await placementInput(round), result.assignments).valid).toBe(true);
  });

  it("shows a student only their own choices and outcome, with the guarantees in Vietnamese", async () => {
    const [student, other] = lhuStudents;
    const res = await call("GET", `/api/placement-rounds/${roundId}`, { token: await signIn(student!.userId) });
    expect(res.status).toBe(200);
    expect(res.json.result).toBeUndefined();
    expect(res.json.mine.outcome).toMatch(/assigned|unassigned/);
    if (res.json.mine.assignment) expect(res.json.mine.assignment.studentId).toBe(student!.userId);
    expect(res.text).not.toContain(other!.userId);
    expect(res.json.guarantees.vi.points.join(" ")).toMatch(/Ổn định không có nghĩa là ai cũng được nguyện vọng 1/);
  });

  it("hides the round from other schools and closes preferences once run", async () => {
    const stranger = await signIn(outsider.userId);
    expect((await call("GET", `/api/placement-rounds/${roundId}`, { token: stranger })).status).toBe(404);
    expect((await call("POST", `/api/placement-rounds/${roundId}/run`, { token: stranger })).status).toBe(404);
    const late = await call("PUT", `/api/placement-rounds/${roundId}/preferences`, {
      token: await signIn(lhuStudents[0]!.userId),
      body: { choices: [listings[1]!] },
    });
    expect(late.json.error.code).toBe("round_closed");
    const recruiter = await call("POST", "/api/placement-rounds", {
      token: await signIn("rec-amata"),
      body: {
        universityId: "lhu",
        title: "Không được",
        listings: [{ listingId: listings[0], capacity: 1 }],
        preferencesDeadline: "2099-01-01T00:00:00.000Z",
      },
    });
    expect(recruiter.status).toBe(403);
  });
});

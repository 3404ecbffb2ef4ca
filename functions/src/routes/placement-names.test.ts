import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { generateDemoData } from "../seed/demo-data";
import { seedDemoData } from "../seed/seed";

// A round's result names its students for its owner (the school's staff) and for no one else (issue 12): the
// organisations whose listings are in the round, another school's staff and the students see no name of another.
const demo = generateDemoData();
const signIn = async (userId: string): Promise<string> =>
  (await call("POST", "/api/dev-auth/token", { body: { userId } })).json.token;

const listings = demo.listings.filter((l) => l.status === "published" && l.type === "internship").slice(0, 2);
const students = demo.students.filter((s) => s.universityId === "lhu").slice(0, 3);
const fullNameOf = new Map(students.map((s) => [s.userId, s.fullName]));
// A member of the organisation whose listing is in the round: it ranks candidates, but pseudonymously.
const orgMember = demo.memberships.find((m) => m.orgId === listings[0]!.orgId)!.userId;
let roundId = "";

beforeAll(async () => {
  await seedDemoData({ history: false });
  const staff = await signIn("staff-lhu");
  const opened = await call("POST", "/api/placement-rounds", {
    token: staff,
    body: {
      universityId: "lhu",
      title: "Đợt có tên sinh viên",
      listings: listings.map((l) => ({ listingId: l.listingId, capacity: 1 })),
      preferencesDeadline: "2099-01-01T00:00:00.000Z",
    },
  });
  expect(opened.status).toBe(201);
  roundId = opened.json.id;
  for (const s of students) {
    const ranked = await call("PUT", `/api/placement-rounds/${roundId}/preferences`, {
      token: await signIn(s.userId),
      body: { choices: listings.map((l) => l.listingId) },
    });
    expect(ranked.status).toBe(200);
  }
  const ran = await call("POST", `/api/placement-rounds/${roundId}/run`, {
    token: staff,
    body: { confirmEarly: true },
  });
  expect(ran.status).toBe(200);
});

describe("names in a placement round's result", () => {
  it("are given to the school's staff for every assigned and unassigned student", async () => {
    const res = await call("GET", `/api/placement-rounds/${roundId}`, { token: await signIn("staff-lhu") });
    expect(res.status).toBe(200);
    const { assignments, unassigned, names } = res.json.result;
    expect(assignments).toHaveLength(2);
    expect(unassigned).toHaveLength(1);
    expect(names).toEqual(Object.fromEntries(students.map((s) => [s.userId, s.fullName])));
    // The list of the school's rounds carries them too (the placement page reads it).
    const list = await call("GET", "/api/placement-rounds", { token: await signIn("staff-lhu") });
    expect(list.json.items.find((r: { id: string }) => r.id === roundId).result.names).toEqual(names);
  });

  it("are given to no one else: the listing's organisation, another school's staff, the students", async () => {
    const member = await signIn(orgMember);
    expect((await call("GET", `/api/placement-rounds/${roundId}`, { token: member })).status).toBe(404);
    const orgRounds = await call("GET", `/api/organisations/${listings[0]!.orgId}/placement-rounds`, {
      token: member,
    });
    expect(orgRounds.status).toBe(200);
    expect(orgRounds.text).toContain(roundId);

    const other = await signIn("staff-vnu");
    expect((await call("GET", `/api/placement-rounds/${roundId}`, { token: other })).status).toBe(404);

    const [me, ...others] = students;
    const own = await call("GET", `/api/placement-rounds/${roundId}`, { token: await signIn(me!.userId) });
    expect(own.status).toBe(200);
    expect(own.json.result).toBeUndefined();

    for (const body of [orgRounds.text, own.text]) {
      for (const s of body === own.text ? others : students) {
        expect(body).not.toContain(fullNameOf.get(s.userId));
        expect(body).not.toContain(s.userId);
      }
    }
  });
});

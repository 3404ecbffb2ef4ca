import { checkPlacement } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call } from "../../test/helpers";
import { candidateIdOf } from "../data/matching";
import { getRound, inputFromKept, placementInput, type RoundResult, saveResult } from "../data/placement/rounds";
import { generateDemoData } from "../seed/demo-data";
import { seedDemoData } from "../seed/seed";

const demo = generateDemoData();
// The development sign-in allows 30 tokens a minute: each account signs in once per file.
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

const listings = demo.listings
  .filter((l) => l.status === "published" && l.type === "internship")
  .slice(0, 3)
  .map((l) => l.listingId);
const lhuStudents = demo.students.filter((s) => s.universityId === "lhu").slice(0, 6);
const outsider = demo.students.find((s) => s.universityId !== "lhu")!;
let roundId = "";

beforeAll(async () => {
  await seedDemoData({ history: false });
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
    const first = await call("POST", `/api/placement-rounds/${roundId}/run`, { body: { confirmEarly: true }, token });
    expect(first.status).toBe(200);
    const second = await call("POST", `/api/placement-rounds/${roundId}/run`, { body: { confirmEarly: true }, token });
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
    expect(
      (await call("POST", `/api/placement-rounds/${roundId}/run`, { body: { confirmEarly: true }, token: stranger }))
        .status,
    ).toBe(404);
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

  it("lets only the assigned student answer their seat, once, and shows the answer to the school's staff", async () => {
    const staff = await signIn("staff-lhu");
    const placed = (await call("GET", `/api/placement-rounds/${roundId}`, { token: staff })).json.result;
    const assigned = placed.assignments[0].studentId as string;
    const unassigned = placed.unassigned[0] as string;
    const respond = async (token: string, decision = "confirmed") =>
      call("POST", `/api/placement-rounds/${roundId}/response`, { token, body: { decision } });

    const stranger = await respond(await signIn(outsider.userId));
    expect(stranger.status).toBe(404);
    expect((await respond(staff)).status).toBe(403);
    const nothing = await respond(await signIn(unassigned));
    expect(nothing.status).toBe(409);
    expect(nothing.json.error.code).toBe("not_assigned");

    const token = await signIn(assigned);
    const declined = await respond(token, "declined");
    expect(declined.status).toBe(200);
    expect(declined.json.mine.assignment.response).toMatchObject({ decision: "declined" });
    const again = await respond(token, "confirmed");
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("already_responded");

    const seen = (await call("GET", `/api/placement-rounds/${roundId}`, { token: staff })).json.result.assignments;
    const answers = new Map(
      seen.map((a: { studentId: string; response?: { decision: string } }) => [a.studentId, a.response?.decision]),
    );
    expect(answers.get(assigned)).toBe("declined");
    expect([...answers.values()].filter(Boolean)).toEqual(["declined"]);
  });

  it("refuses to store a result too large for the round's item (409 round_too_large) and writes nothing", async () => {
    const created = await call("POST", "/api/placement-rounds", {
      token: await signIn("staff-lhu"),
      body: {
        universityId: "lhu",
        title: "Đợt quá lớn",
        listings: [{ listingId: listings[0]!, capacity: 1 }],
        preferencesDeadline: "2099-01-01T00:00:00.000Z",
      },
    });
    const round = (await getRound(created.json.id))!;
    const assignments = Array.from({ length: 6_000 }, (_, i) => ({
      studentId: `student-with-a-long-identifier-${i}`,
      listingId: listings[0]!,
      choice: 1,
    }));
    const huge = { runAt: "2026-11-27T00:00:00.000Z", assignments, unassigned: [], runs: [] } as unknown as RoundResult;
    await expect(
      saveResult(round, huge, "2026-11-27T00:00:00.000Z", { answersUnchanged: false }),
    ).rejects.toMatchObject({ code: "round_too_large", status: 409 });
    const after = (await getRound(round.roundId))!;
    expect([after.status, after.result, after.version]).toEqual(["open", undefined, round.version]);
  });

  it("refuses an answer before the round has run", async () => {
    const created = await call("POST", "/api/placement-rounds", {
      token: await signIn("staff-lhu"),
      body: {
        universityId: "lhu",
        title: "Đợt chưa chạy",
        listings: [{ listingId: listings[0], capacity: 1 }],
        preferencesDeadline: "2099-01-01T00:00:00.000Z",
      },
    });
    const token = await signIn(lhuStudents[0]!.userId);
    await call("PUT", `/api/placement-rounds/${created.json.id}/preferences`, {
      token,
      body: { choices: [listings[0]] },
    });
    const early = await call("POST", `/api/placement-rounds/${created.json.id}/response`, {
      token,
      body: { decision: "confirmed" },
    });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe("not_assigned");
  });
});

describe("an organisation's ranking of a listing in a round", () => {
  const listingId = listings[0]!;
  const orgId = demo.listings.find((l) => l.listingId === listingId)!.orgId;
  const member = demo.memberships.find((m) => m.orgId === orgId)!.userId;
  const otherMember = demo.memberships.find((m) => m.orgId !== orgId && m.orgId !== "lhu")!.userId;
  const rivals = lhuStudents.slice(0, 2);

  it("lets the listing's organisation reorder its candidates, and the run gives the seat by that order", async () => {
    const created = await call("POST", "/api/placement-rounds", {
      token: await signIn("staff-lhu"),
      body: {
        universityId: "lhu",
        title: "Đợt một chỗ",
        listings: [{ listingId, capacity: 1 }],
        preferencesDeadline: "2099-01-01T00:00:00.000Z",
      },
    });
    const id = created.json.id as string;
    for (const student of rivals) {
      await call("PUT", `/api/placement-rounds/${id}/preferences`, {
        token: await signIn(student.userId),
        body: { choices: [listingId] },
      });
    }
    const path = `/api/placement-rounds/${id}/listings/${listingId}/ranking`;
    const token = await signIn(member);

    const stranger = await signIn(otherMember);
    expect((await call("GET", path, { token: stranger })).status).toBe(404);
    expect((await call("PUT", path, { token: stranger, body: { order: [] } })).status).toBe(404);
    expect((await call("GET", path, { token: await signIn(rivals[0]!.userId) })).status).toBe(404);

    const automatic = await call("GET", path, { token });
    expect(automatic.status).toBe(200);
    expect(automatic.json).toMatchObject({ edited: false, editable: true });
    expect(automatic.text).not.toContain(rivals[0]!.userId);
    const order = (automatic.json.items as { candidateId: string }[]).map((i) => i.candidateId);
    expect(order).toHaveLength(2);

    const bogus = await call("PUT", path, { token, body: { order: ["0".repeat(32)] } });
    expect(bogus.status).toBe(400);
    const reversed = [...order].reverse();
    const edited = await call("PUT", path, { token, body: { order: reversed } });
    expect(edited.status).toBe(200);
    expect(edited.json.edited).toBe(true);
    expect(edited.json.items.map((i: { candidateId: string }) => i.candidateId)).toEqual(reversed);

    // Once the organisation's first choice would be the other student, the seat changes hands.
    const round = (await getRound(id))!;
    const input = await placementInput(round);
    const ran = await call("POST", `/api/placement-rounds/${id}/run`, {
      body: { confirmEarly: true },
      token: await signIn("staff-lhu"),
    });
    expect(ran.status).toBe(200);
    const [seated] = ran.json.result.assignments as { studentId: string }[];
    expect(input.listings[0]!.ranking[0]).toBe(seated!.studentId);
    const automaticFirst = automatic.json.items[0].candidateId;
    expect(candidateIdOf(listingId, seated!.studentId)).not.toBe(automaticFirst);
    expect(ran.json.result.stable).toBe(true);
    expect(checkPlacement(input, ran.json.result.assignments).valid).toBe(true);

    const late = await call("PUT", path, { token, body: { order } });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe("round_closed");
  });
});

describe("a province-wide round", () => {
  it("takes students of the chosen universities only, and the province runs it", async () => {
    const province = await signIn("prov-khcn");
    const created = await call("POST", "/api/placement-rounds", {
      token: province,
      body: {
        universityIds: ["lhu"],
        title: "Đợt toàn tỉnh",
        listings: [{ listingId: listings[1], capacity: 2 }],
        preferencesDeadline: "2099-01-01T00:00:00.000Z",
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ universityId: "province", universityIds: ["lhu"] });
    const id = created.json.id as string;
    const body = { choices: [listings[1]] };

    const outside = await call("PUT", `/api/placement-rounds/${id}/preferences`, {
      token: await signIn(outsider.userId),
      body,
    });
    expect(outside.status).toBe(404);
    const inside = await signIn(lhuStudents[2]!.userId);
    expect((await call("PUT", `/api/placement-rounds/${id}/preferences`, { token: inside, body })).status).toBe(200);
    const mine = await call("GET", "/api/placement-rounds", { token: inside });
    expect(mine.json.items.map((r: { id: string }) => r.id)).toContain(id);

    // The school's staff do not own a province round: they neither see nor run it.
    expect(
      (
        await call("POST", `/api/placement-rounds/${id}/run`, {
          body: { confirmEarly: true },
          token: await signIn("staff-lhu"),
        })
      ).status,
    ).toBe(404);
    const ran = await call("POST", `/api/placement-rounds/${id}/run`, {
      body: { confirmEarly: true },
      token: province,
    });
    expect(ran.status).toBe(200);
    expect(ran.json.result.assignments).toEqual([
      expect.objectContaining({ studentId: lhuStudents[2]!.userId, listingId: listings[1] }),
    ]);
    const listed = await call("GET", "/api/placement-rounds", { token: province });
    expect(listed.json.items.map((r: { id: string }) => r.id)).toContain(id);

    const enterprise = demo.listings.find((l) => l.listingId === listings[1])!.orgId;
    const notASchool = await call("POST", "/api/placement-rounds", {
      token: province,
      body: {
        universityIds: [enterprise],
        title: "Không phải trường",
        listings: [{ listingId: listings[1], capacity: 1 }],
        preferencesDeadline: "2099-01-01T00:00:00.000Z",
      },
    });
    expect(notASchool.status).toBe(400);
    expect(notASchool.json.error.details[0].path).toBe("universityIds");
  });
});

describe("offering declined seats onwards", () => {
  const listingId = listings[2]!;
  const four = lhuStudents.slice(0, 4);
  const staffToken = () => signIn("staff-lhu");
  const reoffer = async (id: string, token: string, headers?: Record<string, string>) =>
    call("POST", `/api/placement-rounds/${id}/reoffer`, { token, ...(headers ? { headers } : {}) });
  const respond = async (id: string, studentId: string, decision: "confirmed" | "declined") => {
    const res = await call("POST", `/api/placement-rounds/${id}/response`, {
      token: await signIn(studentId),
      body: { decision },
    });
    expect(res.status).toBe(200);
  };
  const seated = (view: { result: { assignments: { studentId: string }[] } }) =>
    view.result.assignments.map((a) => a.studentId).sort();
  const placementNotices = async (studentId: string) => {
    await effectsSettled(); // the notice follows from the stored round
    return (await call("GET", "/api/notifications", { token: await signIn(studentId) })).json.items.filter(
      (n: { kind: string }) => n.kind === "placement",
    );
  };

  let id = "";
  /** The listing's ranking as the run used it (ties broken by the round's seed), best first. */
  let order: string[] = [];

  it("refuses a re-offer before the round has run (409 round_not_run), and to anyone but its owner", async () => {
    const created = await call("POST", "/api/placement-rounds", {
      token: await staffToken(),
      body: {
        universityId: "lhu",
        title: "Đợt mời lại",
        listings: [{ listingId, capacity: 2 }],
        preferencesDeadline: "2099-01-01T00:00:00.000Z",
      },
    });
    id = created.json.id;
    for (const student of four) {
      await call("PUT", `/api/placement-rounds/${id}/preferences`, {
        token: await signIn(student.userId),
        body: { choices: [listingId] },
      });
    }
    const early = await reoffer(id, await staffToken());
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe("round_not_run");

    expect(
      (
        await call("POST", `/api/placement-rounds/${id}/run`, {
          body: { confirmEarly: true },
          token: await staffToken(),
        })
      ).status,
    ).toBe(200);
    order = inputFromKept(((await getRound(id))!.result as RoundResult).input!).listings[0]!.ranking as string[];
    expect([...order].sort()).toEqual(four.map((s) => s.userId).sort());
    expect((await reoffer(id, await signIn(four[0]!.userId))).status).toBe(403);
    expect((await reoffer(id, await signIn(outsider.userId))).status).toBe(404);
    expect((await reoffer(id, await signIn("prov-khcn"))).status).toBe(404);
  });

  it("gives a declined seat to the next student in the listing's ranking and keeps the confirmed one", async () => {
    const [first, second, third] = order as [string, string, string, string];
    const token = await staffToken();
    const before = (await call("GET", `/api/placement-rounds/${id}`, { token })).json;
    expect(seated(before)).toEqual([first, second].sort());

    await respond(id, first, "confirmed");
    await respond(id, second, "declined");
    const res = await reoffer(id, token);
    expect(res.status).toBe(200);
    const { result } = res.json;
    expect(seated(res.json)).toEqual([first, third].sort());
    expect(result.assignments.find((a: { studentId: string }) => a.studentId === first).response).toMatchObject({
      decision: "confirmed",
    });
    expect(result.declined).toEqual([
      expect.objectContaining({
        studentId: second,
        listingId,
        response: expect.objectContaining({ decision: "declined" }),
      }),
    ]);
    expect(result.unassigned).toContain(second);
    expect(result.assignments.length + result.unassigned.length).toBe(4);
    expect(result.stable).toBe(true);
    expect(res.json.input).toBeUndefined();
    expect(result.input).toBeUndefined();

    // The student who moved up is told, in Vietnamese; the one who declined still sees the seat they turned down.
    const [notice] = await placementNotices(third);
    expect(notice.title.vi).toContain("Đợt mời lại");
    expect(notice.link).toBe("/phan-bo");
    expect(await placementNotices(first)).toEqual([]);
    const mine = (await call("GET", `/api/placement-rounds/${id}`, { token: await signIn(second) })).json.mine;
    expect(mine.assignment).toMatchObject({ listingId, response: { decision: "declined" } });
    const newcomer = (await call("GET", `/api/placement-rounds/${id}`, { token: await signIn(third) })).json.mine;
    expect(newcomer).toMatchObject({ outcome: "assigned", assignment: { listingId } });

    // Nothing new declined: the same result, only logged; the run keeps it too.
    const again = await reoffer(id, token);
    expect(again.json.result).toEqual(result);
    const rerun = await call("POST", `/api/placement-rounds/${id}/run`, { body: { confirmEarly: true }, token });
    expect(rerun.json.result).toEqual(result);
    const runs = ((await getRound(id))!.result as { runs: { kind: string }[] }).runs.map((r) => r.kind);
    expect(runs).toEqual(["run", "reoffer", "reoffer", "run"]);
  });

  it("leaves one consistent result when five re-offers run at once, and replays a retried one", async () => {
    const [first, , third, fourth] = order as [string, string, string, string];
    await respond(id, third, "declined");
    const token = await staffToken();
    const all = await Promise.all(Array.from({ length: 5 }, () => reoffer(id, token)));
    expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const stored = (await call("GET", `/api/placement-rounds/${id}`, { token })).json;
    expect(seated(stored)).toEqual([first, fourth].sort());
    for (const r of all) expect(r.json.result).toEqual(stored.result);
    expect(stored.result.declined.map((a: { studentId: string }) => a.studentId)).toEqual([order[1], third]);
    // One re-offer moved the last student up: one notice, however many re-offers raced.
    expect(await placementNotices(fourth)).toHaveLength(1);
    const runs = ((await getRound(id))!.result as { runs: { kind: string; resultHash: string }[] }).runs;
    expect(new Set(runs.slice(-5).map((r) => r.resultHash))).toEqual(new Set([stored.result.audit.resultHash]));

    const key = { "idempotency-key": `reoffer-${id}` };
    const once = await reoffer(id, token, key);
    const twice = await reoffer(id, token, key);
    expect(twice.headers.get("idempotent-replayed")).toBe("true");
    expect(twice.json).toEqual(once.json);
  });
});

describe("an organisation's placement rounds", () => {
  const [mine, theirs] = listings as [string, string];
  const orgOf = (listingId: string) => demo.listings.find((l) => l.listingId === listingId)!.orgId;
  const memberOf = (orgId: string) => demo.memberships.find((m) => m.orgId === orgId)!.userId;
  const list = async (orgId: string, token?: string) =>
    call("GET", `/api/organisations/${orgId}/placement-rounds`, token ? { token } : {});
  const open = async (title: string, roundListings: { listingId: string; capacity: number }[]) => {
    const created = await call("POST", "/api/placement-rounds", {
      token: await signIn("staff-lhu"),
      body: { universityId: "lhu", title, listings: roundListings, preferencesDeadline: "2099-01-01T00:00:00.000Z" },
    });
    expect(created.status).toBe(201);
    return created.json.id as string;
  };
  type Listed = { id: string; listings: { listingId: string }[] };

  it("shows each organisation the rounds its listings are in, newest first, with only its own listings", async () => {
    expect(orgOf(mine)).not.toBe(orgOf(theirs));
    const shared = await open("Đợt hai tổ chức", [
      { listingId: mine, capacity: 2 },
      { listingId: theirs, capacity: 1 },
    ]);
    const choices = [[mine, theirs], [mine], [theirs]];
    for (const [i, student] of lhuStudents.slice(0, 3).entries()) {
      const ranked = await call("PUT", `/api/placement-rounds/${shared}/preferences`, {
        token: await signIn(student.userId),
        body: { choices: choices[i] },
      });
      expect(ranked.status).toBe(200);
    }
    const member = await signIn(memberOf(orgOf(mine)));
    const rankingPath = `/api/placement-rounds/${shared}/listings/${mine}/ranking`;
    const order = (await call("GET", rankingPath, { token: member })).json.items.map(
      (i: { candidateId: string }) => i.candidateId,
    );
    expect((await call("PUT", rankingPath, { token: member, body: { order: [...order].reverse() } })).status).toBe(200);
    const later = await open("Đợt sau", [{ listingId: mine, capacity: 1 }]);

    const res = await list(orgOf(mine), member);
    expect(res.status).toBe(200);
    const ids = res.json.items.map((r: Listed) => r.id);
    expect(ids.indexOf(later)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(later)).toBeLessThan(ids.indexOf(shared));
    const round = res.json.items.find((r: Listed) => r.id === shared);
    expect(round).toMatchObject({ title: "Đợt hai tổ chức", status: "open", preferencesDeadline: expect.any(String) });
    expect(round.listings).toEqual([
      {
        listingId: mine,
        title: expect.objectContaining({ vi: expect.any(String) }),
        capacity: 2,
        applicants: 2,
        edited: true,
      },
    ]);
    expect(res.json.items.find((r: Listed) => r.id === later).listings).toMatchObject([
      { listingId: mine, applicants: 0, edited: false },
    ]);
    // No student is named, and the other organisation's listing is not shown.
    for (const student of lhuStudents) expect(res.text).not.toContain(student.userId);
    expect(res.text).not.toContain(theirs);

    const other = await signIn(memberOf(orgOf(theirs)));
    const theirsList = await list(orgOf(theirs), other);
    expect(theirsList.status).toBe(200);
    const theirRound = theirsList.json.items.find((r: Listed) => r.id === shared);
    expect(theirRound.listings).toMatchObject([{ listingId: theirs, capacity: 1, applicants: 2, edited: false }]);
    expect(theirsList.json.items.map((r: Listed) => r.id)).not.toContain(later);
  });

  it("is for the organisation's members only: another organisation's member, a student and the school get 403", async () => {
    const orgId = orgOf(mine);
    const forbidden = [memberOf(orgOf(theirs)), lhuStudents[0]!.userId, "staff-lhu"];
    for (const userId of forbidden) {
      const res = await list(orgId, await signIn(userId));
      expect(res.status, userId).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    }
    const anonymous = await list(orgId);
    expect(anonymous.status).toBe(401);
  });
});

import type { MatchCandidate } from "@ketnoi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call, userWithToken } from "../../test/helpers";
import { listingOf, memberOf, verifiedOrganisation } from "../../test/marketplace";
import { candidateIdOf } from "../data/matching";
import { totalDbCalls } from "../db/call-counter";
import { dbCallsHeader } from "../http/db-calls";
import { memorySnapshotStore } from "../search/snapshot-store";
import {
  applyCandidateChanges,
  candidateSetup,
  configureCandidates,
  consentingStudents,
  rebuildCandidateSnapshot,
} from "./live";
import { CandidatePool } from "./snapshot";

// The candidate snapshot kept by the table stream's consumer (docs/data-model.md, "Candidate snapshot"): profiles
// are written over HTTP (or straight to the table, as another process would), the stream consumer of this test
// file applies them, and the candidates route is then asked from a process that has only the stored snapshot.

let recruiter: string;
let listingId: string;

const profile = (userId: string, recommend: boolean) => ({
  fullName: `Nguyễn Văn ${userId}`,
  universityId: "lhu",
  major: "se",
  year: 3,
  skills: [{ id: "python", level: 3 }],
  languages: [{ code: "en", level: "intermediate" }],
  reachableCommunes: ["p-tran-bien"],
  preferredSectors: ["software"],
  cvUrl: `https://cv.example.vn/${userId}`,
  consents: { shareWithAppliedOrgs: true, recommendToRecruiters: recommend, provinceStatistics: true },
});

/** A student account with a profile saved over HTTP; returns the token and the profile's version. */
async function student(userId: string, recommend: boolean) {
  const token = await userWithToken(userId, "student");
  const res = await call("PUT", "/api/students/me", { token, body: profile(userId, recommend) });
  expect(res.status, res.text).toBe(200);
  return { token, version: res.json.version as number };
}

const candidates = () => call("GET", `/api/listings/${listingId}/candidates?limit=50`, { token: recruiter });
const listed = async (userId: string) =>
  ((await candidates()).json.items as Array<{ candidateId: string }>).some(
    (c) => c.candidateId === candidateIdOf(listingId, userId),
  );

/** The stored snapshot, parsed: what every other process reads. */
async function stored(): Promise<{ body: string; pool: CandidatePool }> {
  const snapshot = await candidateSetup().store.load();
  if (!snapshot || snapshot === "unchanged") throw new Error("no candidate snapshot stored");
  return { body: snapshot.body, pool: CandidatePool.fromSnapshot(snapshot.body)!.pool };
}

/** Lets the stream consumer apply every write so far, then forgets this process's state, as a new process. */
async function settledInAnotherProcess(): Promise<void> {
  await effectsSettled();
  configureCandidates({ store: candidateSetup().store });
}

beforeAll(async () => {
  await verifiedOrganisation("cs-org");
  recruiter = await memberOf("cs-rec", "cs-org");
  listingId = await listingOf(recruiter, "cs-org");
  await student("cs-ann", true);
  await student("cs-binh", true);
  await student("cs-chi", false);
  await effectsSettled();
});

describe("the candidate snapshot, kept by the stream consumer", () => {
  it("holds consenting students' ranking fields only: no names, contact details or CVs", async () => {
    const { body, pool } = await stored();
    expect(
      pool
        .students()
        .map((s) => s.userId)
        .sort(),
    ).toEqual(["cs-ann", "cs-binh"]);
    for (const secret of ["Nguyễn Văn", "cv.example.vn", "@example.vn", "lhu", "software"]) {
      expect(body).not.toContain(secret);
    }
    expect(Object.keys(pool.students()[0]!).sort()).toEqual(
      ["userId", "major", "year", "skills", "languages", "reachableCommunes", "consents"].sort(),
    );
  });

  it("the first candidates request of a process reads no student from the table", async () => {
    configureCandidates({ store: candidateSetup().store });
    const before = totalDbCalls();
    const res = await candidates();
    // Everything this process sent while answering, background loads included (the old pool's Query was one).
    const sent = totalDbCalls() - before;
    expect(res.status).toBe(200);
    expect(res.json.items).toHaveLength(2);
    expect(sent).toBe(Number(res.headers.get(dbCallsHeader)));
    expect(sent).toBeLessThanOrEqual(3);
  });

  it("a consent granted elsewhere appears; withdrawn, disappears", async () => {
    // Each change is then read by a process that did not save it: only the stream consumer can bring it there.
    const { token, version } = await student("cs-dung", false);
    await settledInAnotherProcess();
    expect(await listed("cs-dung")).toBe(false);

    const granted = await call("PUT", "/api/students/me", {
      token,
      body: { ...profile("cs-dung", true), version },
    });
    expect(granted.status).toBe(200);
    await settledInAnotherProcess();
    expect(await listed("cs-dung")).toBe(true);
    expect((await stored()).pool.versionOf("cs-dung")).toBe(granted.json.version);

    const withdrawn = await call("PUT", "/api/students/me", {
      token,
      body: { ...profile("cs-dung", false), version: granted.json.version },
    });
    expect(withdrawn.status).toBe(200);
    await settledInAnotherProcess();
    expect(await listed("cs-dung")).toBe(false);
    expect((await stored()).pool.versionOf("cs-dung")).toBeUndefined();
  });

  it("an erased account disappears", async () => {
    const { token } = await student("cs-erased", true);
    await settledInAnotherProcess();
    expect(await listed("cs-erased")).toBe(true);
    const erased = await call("DELETE", "/api/students/me", { token, body: { confirm: "XOA TAI KHOAN" } });
    expect(erased.status).toBe(200);
    await settledInAnotherProcess();
    expect(await listed("cs-erased")).toBe(false);
    expect((await stored()).pool.versionOf("cs-erased")).toBeUndefined();
  });

  it("this process's own saves apply at once, before the stream has run", async () => {
    const { token, version } = await student("cs-own", true);
    expect((await consentingStudents()).some((s) => s.userId === "cs-own")).toBe(true);
    const res = await call("PUT", "/api/students/me", { token, body: { ...profile("cs-own", false), version } });
    expect(res.status).toBe(200);
    expect((await consentingStudents()).some((s) => s.userId === "cs-own")).toBe(false);
    await effectsSettled();
  });

  it("a reading process revalidates with the etag it holds: unchanged costs no download", async () => {
    const store = candidateSetup().store;
    const asked: Array<string | undefined> = [];
    const answers: string[] = [];
    configureCandidates({
      store: {
        async load(knownEtag) {
          asked.push(knownEtag);
          const result = await store.load(knownEtag);
          answers.push(result === "unchanged" ? "unchanged" : result ? "body" : "none");
          return result;
        },
        save: (body, etag) => store.save(body, etag),
      },
      refreshMs: 1,
    });
    const first = await consentingStudents();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await consentingStudents();
    expect(second).toBe(first); // the same list: nothing parsed again
    expect(answers).toEqual(["body", "unchanged"]);
    expect(asked[0]).toBeUndefined();
    expect(asked[1]).toEqual(expect.any(String));
    configureCandidates({ store });
  });

  it("a snapshot of another table written over ours is not served, and the next save puts ours back", async () => {
    const store = memorySnapshotStore();
    configureCandidates({ store, source: async () => "table-a", refreshMs: 1 });
    expect((await rebuildCandidateSnapshot()).students).toBeGreaterThanOrEqual(2);
    const ours = (await consentingStudents()).map((c) => c.userId).sort();
    // A seed against another table (another DynamoDB Local) rewrites the same file.
    const foreign = new CandidatePool();
    foreign.upsert({ ...(await consentingStudents())[0]!, userId: "elsewhere" }, 1);
    const current = await store.load();
    await store.save(foreign.toSnapshot("table-b"), current && current !== "unchanged" ? current.etag : null);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await consentingStudents()).map((c) => c.userId).sort()).toEqual(ours);
    await applyCandidateChanges([{ userId: ours[0]! }]);
    const saved = await store.load();
    const parsed = CandidatePool.fromSnapshot((saved as { body: string }).body)!;
    expect(parsed.source).toBe("table-a");
    expect(
      parsed.pool
        .students()
        .map((c) => c.userId)
        .sort(),
    ).toEqual(ours.slice(1));
    configureCandidates({ store: memorySnapshotStore() });
    await rebuildCandidateSnapshot();
  });

  it("an older change delivered late does not undo a newer one", () => {
    const pool = new CandidatePool();
    const ann = { ...profile("x", true), userId: "x" } as unknown as MatchCandidate;
    expect(pool.upsert(ann, 3)).toBe(true);
    expect(pool.upsert({ ...ann, year: 4 }, 2)).toBe(false);
    expect(pool.remove("x", 2)).toBe(false);
    expect(pool.remove("x", 4)).toBe(true);
    const round = CandidatePool.fromSnapshot(pool.toSnapshot("t"))!;
    expect(round.pool.size).toBe(0);
    pool.upsert(ann, 5);
    expect(CandidatePool.fromSnapshot(pool.toSnapshot(null))!.pool.students()).toEqual(pool.students());
  });
});

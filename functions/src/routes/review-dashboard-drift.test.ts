import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregatorFromStart } from "../../test/dashboard-truth";
import { parkListing, runPipeline, studentAt, updateStudent } from "../../test/flows";
import { call } from "../../test/helpers";
import { apply, memberOf, verifiedOrganisation } from "../../test/marketplace";
import { type LocalStreamReader, startLocalStreamReader } from "../aggregates/local-stream";
import { reconcileAggregates } from "../aggregates/reconcile";
import { dataConfig } from "../config";

/**
 * Outside review (dashboard roll-ups): after each kind of change a person or an organisation can make over HTTP —
 * a listing edit that moves it to another field, a withdrawal, a consent withdrawn, an account erased — and after
 * the stream's events are replayed from the start, the counters equal what the source records add up to and every
 * roll-up equals its counters (`npm run reconcile` reports no drift).
 */
let reader: LocalStreamReader;
let recruiter: string;
let listingId: string;
const students: string[] = [];

const drift = async () => (await reconcileAggregates()).drift.map((d) => `${d.cellKey} ${d.expected}≠${d.actual}`);

beforeAll(async () => {
  reader = await aggregatorFromStart();
  await Promise.all([verifiedOrganisation("rv-chip"), verifiedOrganisation("rv-lhu", "university")]);
  recruiter = await memberOf("rv-rec-chip", "rv-chip");
  for (let i = 0; i < 4; i++) students.push(await studentAt(`rv-sv-${i}`, "rv-lhu"));
  listingId = await parkListing(recruiter, "rv-chip", { positions: 10 });
  await runPipeline(recruiter, listingId, students.slice(0, 3), { offers: 2, accepts: 2 });
  await reader.drain();
});

afterAll(async () => {
  await reader.stop();
});

describe("roll-ups and counters after changes (reconcile)", () => {
  it("agree after the pipeline", async () => {
    // Not vacuous: the pipeline's records are counted (listing, applications, offers, placements, skills).
    const report = await reconcileAggregates();
    expect(report.cells).toBeGreaterThan(5);
    expect(await drift()).toEqual([]);
  });

  it("agree after a listing edit moves the listing to another field", async () => {
    const current = await call("GET", `/api/listings/${listingId}`, { token: recruiter });
    const edited = await call("PATCH", `/api/listings/${listingId}`, {
      token: recruiter,
      body: { requiredSkills: ["python", "machine-learning"], version: current.json.version },
    });
    expect(edited.status, edited.text).toBe(200);
    await reader.drain();
    expect(await drift()).toEqual([]);
  });

  it("agree after an application is withdrawn", async () => {
    const applied = await apply(students[3]!, listingId);
    expect(applied.status, applied.text).toBe(201);
    await reader.drain();
    const withdrawn = await call("POST", `/api/applications/${applied.json.id}/transitions`, {
      token: students[3]!,
      body: { to: "withdrawn", version: applied.json.version },
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);
    await reader.drain();
    expect(await drift()).toEqual([]);
  });

  it("agree after a placed student withdraws statistics consent, then erases the account", async () => {
    await updateStudent(students[0]!, {
      consents: { shareWithAppliedOrgs: true, recommendToRecruiters: true, provinceStatistics: false },
    });
    await reader.drain();
    expect(await drift()).toEqual([]);
    const erased = await call("DELETE", "/api/students/me", {
      token: students[1]!,
      body: { confirm: "XOA TAI KHOAN" },
    });
    expect(erased.status, erased.text).toBe(200);
    await reader.drain();
    expect(await drift()).toEqual([]);
  });

  it("agree after the whole stream is replayed from the start", async () => {
    const replay = await startLocalStreamReader({
      endpoint: dataConfig().DYNAMODB_ENDPOINT!,
      tableName: dataConfig().TABLE_NAME,
      from: "TRIM_HORIZON",
      pollMs: 50,
    });
    await replay.drain();
    await replay.stop();
    expect(await drift()).toEqual([]);
  });
});

import type { _Record } from "@aws-sdk/client-dynamodb-streams";
import { noValue, parseCellKey } from "@ketnoi/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregatorFromStart } from "../../test/dashboard-truth";
import { book, parkListing, runPipeline, studentAt, updateStudent } from "../../test/flows";
import { call } from "../../test/helpers";
import { apply, memberOf, verifiedOrganisation } from "../../test/marketplace";
import { db } from "../db/service";
import { type AggregatorRecord, aggregateStreamRecords } from "./consumer";
import type { LocalStreamReader } from "./local-stream";
import { reconcileAggregates } from "./reconcile";

let reader: LocalStreamReader;
const seen: _Record[] = [];
let recruiter: string;
let lecturer: string;
const year = new Date().getFullYear() + 1;
const sessions = [{ id: "s1", date: `${year}-05-10`, startTime: "09:00", place: "Phòng sạch", seats: 60 }];

/** The stored counters, summed per metric (optionally only cells matching a filter). */
async function totals(match: (key: string) => boolean = () => true): Promise<Record<string, number>> {
  const sums: Record<string, number> = {};
  for (const bucket of [String(new Date().getFullYear()), String(year), "now"]) {
    const { data } = await db().entities.dashCell.query.byBucket({ bucket }).go({ pages: "all" });
    for (const cell of data.filter((c) => c.count !== 0 && match(c.cellKey))) {
      const { metric } = parseCellKey(cell.cellKey);
      sums[metric] = (sums[metric] ?? 0) + cell.count;
    }
  }
  return sums;
}

async function expectNoDrift() {
  await reader.drain();
  const report = await reconcileAggregates();
  expect(report.drift).toEqual([]);
  return report;
}

beforeAll(async () => {
  reader = await aggregatorFromStart({
    onBatch: (records) => seen.push(...records),
    log: (line) => console.error(line),
  });
  await Promise.all([
    verifiedOrganisation("org-amata-chip"),
    verifiedOrganisation("lhu", "university"),
    verifiedOrganisation("vnu-lab", "institute"),
  ]);
  [recruiter, lecturer] = await Promise.all([
    memberOf("rec-agg", "org-amata-chip"),
    memberOf("sta-agg", "vnu-lab", "staff"),
  ]);
});

afterAll(async () => {
  await reader.stop();
});

describe("the aggregator, fed by DynamoDB Local's real stream", () => {
  it("counts the demo flows as they happen, and a full recomputation finds zero drift", async () => {
    const students = await Promise.all([1, 2, 3, 4].map((i) => studentAt(`sv-agg-${i}`, "lhu")));
    const withheld = await studentAt("sv-agg-private", "lhu", { consent: false });
    const internship = await parkListing(recruiter, "org-amata-chip", { positions: 5 });
    await runPipeline(recruiter, internship, [...students, withheld], { offers: 4, accepts: 3 });
    // The student who withheld consent applied too: the offers went to the first four, so they are not counted.
    const visit = await parkListing(lecturer, "vnu-lab", { type: "visit", sessions, requiredSkills: ["ic-design"] });
    await book(students[0]!, visit, "s1");
    await book(lecturer, visit, "s1", { orgId: "vnu-lab", classLabel: "Lớp VLSI K20", seats: 25 });

    const report = await expectNoDrift();
    expect(report.sourceRecords).toBeGreaterThan(8);
    const counted = await totals();
    expect(counted).toMatchObject({ published: 2, applied: 4, offered: 4, accepted: 3, internships: 3, visits: 26 });
    // Supply: four consenting students × two skills; demand: two skills of the internship, one of the visit.
    expect(counted).toMatchObject({ supply: 8, demand: 3 });
  });

  it("changes nothing when the same events are delivered again, even concurrently", async () => {
    const before = await totals();
    const replay = seen.map((r) => ({ ...r })) as AggregatorRecord[];
    const reports = await Promise.all([aggregateStreamRecords(replay), aggregateStreamRecords(replay)]);
    for (const r of reports) expect(r.applied).toBe(0);
    expect(await totals()).toEqual(before);
    await expectNoDrift();
  });

  it("ignores an older event replayed after a newer one", async () => {
    const accepted = seen.filter((r) => r.dynamodb?.NewImage?.status?.S === "accepted");
    const submitted = seen.find(
      (r) =>
        r.eventName === "INSERT" &&
        r.dynamodb?.NewImage?.applicationId?.S === accepted[0]!.dynamodb?.NewImage?.applicationId?.S,
    );
    expect(submitted).toBeDefined();
    const report = await aggregateStreamRecords([submitted as AggregatorRecord]);
    expect(report).toMatchObject({ applied: 0, stale: 1 });
    await expectNoDrift();
  });

  it("stays exact under concurrent applications, moves and bookings", async () => {
    const students = await Promise.all([5, 6, 7, 8, 9, 10].map((i) => studentAt(`sv-agg-${i}`, "vnu-lab")));
    const job = await parkListing(recruiter, "org-amata-chip", {
      type: "job",
      positions: 2,
      requiredSkills: ["python"],
    });
    const visit = await parkListing(lecturer, "vnu-lab", { type: "visit", sessions });
    await Promise.all([
      runPipeline(recruiter, job, students.slice(0, 3), { offers: 2, accepts: 2 }),
      ...students.slice(3).map((s) => apply(s, job)),
      ...students.map((s) => book(s, visit, "s1")),
    ]);
    await expectNoDrift();
    expect((await totals((k) => k.includes("|jobs|"))).jobs).toBe(2);
  });

  it("follows context changes: a withdrawn consent removes the student's counts, a listing edit moves its field and park", async () => {
    const before = await totals();
    const token = await studentAt("sv-agg-moving", "lhu");
    const listing = await parkListing(recruiter, "org-amata-chip", { positions: 2 });
    await runPipeline(recruiter, listing, [token], { offers: 1, accepts: 1 });
    await reader.drain();
    expect((await totals()).internships).toBe(before.internships! + 1);

    const fieldOf = async (field: string) =>
      (await totals((k) => k.includes(`|internships|`) && k.includes(`|${field}|`))).internships ?? 0;
    const semiconductors = await fieldOf("semiconductors");
    const current = (await call("GET", `/api/listings/${listing}`)).json;
    const edited = await call("PATCH", `/api/listings/${listing}`, {
      token: recruiter,
      body: { requiredSkills: ["python", "machine-learning", "deep-learning"], version: current.version },
    });
    expect(edited.status, edited.text).toBe(200);
    await reader.drain();
    expect(await fieldOf("semiconductors")).toBe(semiconductors - 1);
    expect(await fieldOf("ai")).toBe(1);

    // A park cleared with null is an attribute removed from the item: the placement moves to "no park".
    const inPark = async (parkId: string) =>
      (
        await totals((k) => {
          const cell = parseCellKey(k);
          return cell.metric === "internships" && cell.parkId === parkId;
        })
      ).internships ?? 0;
    const [amata, noPark] = [await inPark("amata"), await inPark(noValue)];
    const cleared = await call("PATCH", `/api/listings/${listing}`, {
      token: recruiter,
      body: { industrialParkId: null, version: current.version + 1 },
    });
    expect(cleared.status, cleared.text).toBe(200);
    await reader.drain();
    expect(await inPark("amata")).toBe(amata - 1);
    expect(await inPark(noValue)).toBe(noPark + 1);

    await updateStudent(token, {
      consents: { shareWithAppliedOrgs: true, recommendToRecruiters: true, provinceStatistics: false },
    });
    await reader.drain();
    expect((await totals()).internships).toBe(before.internships);
    await expectNoDrift();
  });
});

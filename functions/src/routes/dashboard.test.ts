import { type DashboardTable, type KeyedCount, type Metric, noValue, parseCellKey, publishedCount } from "@ketnoi/core";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregatorFromStart } from "../../test/dashboard-truth";
import { confirmEnrolment, parkListing, runPipeline, studentAt } from "../../test/flows";
import { call, userWithToken } from "../../test/helpers";
import { memberOf, verifiedOrganisation } from "../../test/marketplace";
import type { LocalStreamReader } from "../aggregates/local-stream";
import { reconcileAggregates } from "../aggregates/reconcile";
import { createApp } from "../app";
import { db } from "../db/service";

let reader: LocalStreamReader;
let province: string;
let admin: string;
let lhuStaff: string;
let recruiter: string;
let otherRecruiter: string;
let student: string;
let internship: string;
const year = new Date().getFullYear();
const app = createApp();

/** GET as bytes (exports are binary). */
async function download(path: string, token: string) {
  const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const dashboard = async (token: string, query = "") => call("GET", `/api/dashboard?year=${year}${query}`, { token });
const tableOf = (body: { tables: DashboardTable[] }, id: string) => body.tables.find((t) => t.id === id)!;
/** The stored (true) count and key sum of a metric this year, optionally for one field or one school. */
async function stored(metric: Metric, where: { field?: string; universityId?: string } = {}): Promise<KeyedCount> {
  const { data } = await db()
    .entities.dashCell.query.byBucket({ bucket: String(year) })
    .go({ pages: "all" });
  let sum = { count: 0, keySum: 0 };
  for (const c of data) {
    const cell = parseCellKey(c.cellKey);
    if (cell.metric !== metric) continue;
    if (where.field && cell.field !== where.field) continue;
    if (where.universityId && cell.universityId !== where.universityId) continue;
    sum = { count: sum.count + c.count, keySum: sum.keySum + (c.keySum ?? 0) };
  }
  return sum;
}

/** Every people cell of every table (rows and total) as shown. */
function peopleCells(tables: DashboardTable[]): number[] {
  return tables.flatMap((table) => {
    const people = table.columns.flatMap((c, j) => (c.kind === "people" ? [j] : []));
    return [...table.rows.map((r) => r.cells), table.total?.cells ?? []].flatMap((cells) =>
      people.flatMap((j) => (cells[j] === undefined ? [] : [cells[j] as number])),
    );
  });
}

beforeAll(async () => {
  reader = await aggregatorFromStart();
  await Promise.all([
    verifiedOrganisation("org-chip"),
    verifiedOrganisation("org-other"),
    verifiedOrganisation("lhu", "university"),
    verifiedOrganisation("dnu", "university"),
  ]);
  [province, admin, lhuStaff, recruiter, otherRecruiter] = await Promise.all([
    userWithToken("prov-dash", "province"),
    userWithToken("admin-dash", "admin"),
    memberOf("sta-lhu-dash", "lhu", "staff"),
    memberOf("rec-chip-dash", "org-chip"),
    memberOf("rec-other-dash", "org-other"),
  ]);
  const lhu = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => studentAt(`sv-lhu-${i}`, "lhu")));
  const dnu = await Promise.all([1, 2].map((i) => studentAt(`sv-dnu-${i}`, "dnu")));
  student = lhu[0]!;
  internship = await parkListing(recruiter, "org-chip", { positions: 20 });
  await runPipeline(recruiter, internship, [...lhu, ...dnu], { offers: 7, accepts: 7 });
  await reader.drain();
});

afterAll(async () => {
  await reader.stop();
});

describe("who sees which dashboard", () => {
  it("lets the province see everything, and refuses students, staff and recruiters the province view", async () => {
    expect((await call("GET", "/api/dashboard")).status).toBe(401);
    expect((await dashboard(province)).status).toBe(200);
    for (const token of [student, lhuStaff, recruiter]) expect((await dashboard(token)).status).toBe(403);
  });

  it("scopes a university's staff to its own students, and to no other school", async () => {
    const own = await dashboard(lhuStaff, "&scope=university&universityId=lhu");
    expect(own.status, own.text).toBe(200);
    expect(own.json.scope).toMatchObject({ kind: "university", id: "lhu", name: { vi: "Tổ chức lhu" } });
    const semiconductors = tableOf(own.json, "byField").rows.find((r) => r.key === "semiconductors")!.cells[0];
    expect(semiconductors).toBe(publishedCount(await stored("internships", { universityId: "lhu" })));
    expect((await dashboard(lhuStaff, "&scope=university&universityId=dnu")).status).toBe(403);
    expect((await dashboard(province, "&scope=university&universityId=khong-co")).status).toBe(404);
  });

  it("shows an organisation the funnel of its own listings only", async () => {
    const own = await dashboard(recruiter, "&scope=organisation&orgId=org-chip");
    expect(own.status).toBe(200);
    expect(own.json.tables.map((t: DashboardTable) => t.id)).toEqual(["funnel", "funnelByMonth"]);
    const funnel = tableOf(own.json, "funnel").total!.cells;
    // One published listing (listing counts are exact); people counts perturbed — and, as org-chip's listing is
    // the only one, the same records and so the same numbers as the province's funnel.
    expect(funnel[0]).toBe(1);
    expect(funnel.slice(1)).toEqual(tableOf((await dashboard(province)).json, "funnel").total!.cells.slice(1));
    expect(funnel[1]).toBe(publishedCount(await stored("applied")));
    expect((await dashboard(otherRecruiter, "&scope=organisation&orgId=org-chip")).status).toBe(403);
    expect((await dashboard(recruiter, "&scope=organisation")).status).toBe(400);
  });
});

describe("what the province sees", () => {
  it("shows every people count perturbed by its records' key, a small school never as itself, the same everywhere", async () => {
    const { json } = await dashboard(province);
    const byUniversity = tableOf(json, "byUniversity");
    expect(byUniversity.rows.map((r) => r.key)).toEqual(["dnu", "lhu"]);
    const [dnu, lhu] = byUniversity.rows.map((r) => r.cells[0] as number);
    // dnu has 1 placement, lhu 6: each shows its count plus the noise its records' key sum reads from the table.
    expect(dnu).toBe(publishedCount(await stored("internships", { universityId: "dnu" })));
    expect(lhu).toBe(publishedCount(await stored("internships", { universityId: "lhu" })));
    expect(dnu).not.toBe(1);
    // The total is the cell of all 7 records, perturbed on its own (not dnu + lhu).
    expect(byUniversity.total!.cells[0]).toBe(publishedCount(await stored("internships")));
    // Reached again, or through a filter or the school's own scope: the same records, the same number.
    expect(tableOf((await dashboard(province)).json, "byUniversity").rows[0]!.cells[0]).toBe(dnu);
    expect(tableOf((await dashboard(province, "&universityId=dnu")).json, "byField").total!.cells[0]).toBe(dnu);
    const scoped = await dashboard(province, "&scope=university&universityId=dnu");
    expect(tableOf(scoped.json, "byMonth").total!.cells[0]).toBe(dnu);
    for (const query of ["", "&field=semiconductors", "&universityId=dnu"]) {
      for (const value of peopleCells((await dashboard(province, query)).json.tables)) {
        expect(Number.isInteger(value) && value >= 0).toBe(true);
      }
    }
  });

  it("sets a target, sees progress against it follow a placement (perturbed), and keeps every version", async () => {
    const body = { year, field: "semiconductors", counts: { internships: 20, visits: 100, jobs: 5, trainings: 0 } };
    const created = await call("PUT", "/api/targets", { token: province, body });
    expect(created.status, created.text).toBe(200);
    expect((await call("PUT", "/api/targets", { token: province, body })).json.error.code).toBe("already_exists");
    const changed = await call("PUT", "/api/targets", {
      token: province,
      body: { ...body, counts: { ...body.counts, internships: 40 }, version: 1 },
    });
    expect(changed.json).toMatchObject({ version: 2, changedBy: "prov-dash", universityId: null });
    const stale = await call("PUT", "/api/targets", { token: province, body: { ...body, version: 1 } });
    expect([stale.status, stale.json.error.code]).toEqual([409, "version_conflict"]);
    expect((await call("PUT", "/api/targets", { token: lhuStaff, body })).status).toBe(403);
    const history = await call("GET", `/api/targets/history?year=${year}&field=semiconductors`, { token: province });
    expect(
      history.json.items.map((v: { version: number; counts: { internships: number } }) => [
        v.version,
        v.counts.internships,
      ]),
    ).toEqual([
      [2, 40],
      [1, 20],
    ]);

    const row = async () =>
      tableOf((await dashboard(province)).json, "byField").rows.find((r) => r.key === "semiconductors")!.cells;
    const progress = async (count: number) => {
      const cell = await stored("internships", { field: "semiconductors" });
      expect(cell.count).toBe(count);
      const shown = publishedCount(cell);
      // The percentage is of the shown count (the true one would give it back).
      expect((await row()).slice(0, 3)).toEqual([shown, 40, Math.round((shown / 40) * 100)]);
    };
    await progress(7);
    const late = await studentAt("sv-lhu-late", "lhu");
    await runPipeline(recruiter, internship, [late], { offers: 1, accepts: 1 });
    await reader.drain();
    await progress(8);
    expect((await reconcileAggregates()).drift).toEqual([]);
  });

  it("counts a student under the school that confirmed them, never under a school they only declared", async () => {
    const placements = async (universityId: string) => (await stored("internships", { universityId })).count;
    const [lhu, none] = [await placements("lhu"), await placements(noValue)];
    const declared = await studentAt("sv-lhu-declared", "lhu", { confirmed: false });
    await runPipeline(recruiter, internship, [declared], { offers: 1, accepts: 1 });
    await reader.drain();
    expect([await placements("lhu"), await placements(noValue)]).toEqual([lhu, none + 1]);
    const rows = tableOf((await dashboard(province)).json, "byUniversity").rows;
    expect(rows.find((r) => r.key === noValue)?.label).toEqual({
      vi: "Trường chưa xác nhận",
      en: "School not confirmed",
    });
    // lhu's own view shows lhu's confirmed students only: the same records, so the same number as the stored cell.
    const own = await dashboard(lhuStaff, "&scope=university&universityId=lhu");
    expect(tableOf(own.json, "byField").total!.cells[0]).toBe(
      publishedCount(await stored("internships", { universityId: "lhu" })),
    );

    // Once lhu's staff confirm the enrolment, the placement moves under lhu (the stream re-derives it).
    await confirmEnrolment("lhu", "sv-lhu-declared");
    await reader.drain();
    expect([await placements("lhu"), await placements(noValue)]).toEqual([lhu + 1, none]);
    expect((await reconcileAggregates()).drift).toEqual([]);
  });
});

describe("exports", () => {
  it("downloads CSV with a UTF-8 BOM, Vietnamese headers and the same numbers as the page", async () => {
    const csv = await download(`/api/dashboard/export?year=${year}&table=byUniversity&format=csv`, province);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain(`ketnoi-tien-do-theo-truong-${year}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops a BOM unless told to keep it: keep it, check it, then read past it.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]!.startsWith("Trường,Thực tập (số SV được nhận),Thực tập (số SV được nhận) — chỉ tiêu")).toBe(true);
    const page = tableOf((await dashboard(province)).json, "byUniversity");
    expect(lines.slice(1).map((l) => Number(l.split(",")[1]))).toEqual([
      ...page.rows.map((r) => r.cells[0]),
      page.total!.cells[0],
    ]);
  });

  it("downloads every table as an XLSX workbook of numbers, with no suppression marks left", async () => {
    const xlsx = await download(`/api/dashboard/export?year=${year}&table=all&format=xlsx`, province);
    expect(xlsx.status).toBe(200);
    const files = unzipSync(xlsx.bytes);
    const workbook = strFromU8(files["xl/workbook.xml"]!);
    expect(workbook).toContain("tien-do-theo-truong");
    expect(workbook).toContain("khoang-cach-ky-nang");
    const strings = strFromU8(files["xl/sharedStrings.xml"] ?? new Uint8Array());
    const sheets = Object.keys(files)
      .filter((f) => f.startsWith("xl/worksheets/sheet"))
      .map((f) => strFromU8(files[f]!));
    expect(`${strings}${sheets.join("")}`).toContain("Bán dẫn và vi mạch");
    expect(`${strings}${sheets.join("")}`).not.toContain("&lt;5");
    const dnu = tableOf((await dashboard(province)).json, "byUniversity").rows[0]!.cells[0];
    // The universities sheet's first row (under the header) holds dnu's shown number as a number cell.
    const universities = sheets.find((x) => x.includes('<c r="B2"') && x.includes(`<v>${dnu}</v>`));
    expect(universities).toBeDefined();
  });

  it("rejects CSV of all tables and exports outside the caller's scope", async () => {
    expect((await download(`/api/dashboard/export?table=all&format=csv`, province)).status).toBe(400);
    expect((await download(`/api/dashboard/export?table=funnel&format=csv`, recruiter)).status).toBe(403);
    const own = await download(
      `/api/dashboard/export?table=funnel&format=csv&scope=organisation&orgId=org-chip`,
      recruiter,
    );
    expect(own.status).toBe(200);
  });
});

describe("the audit log", () => {
  it("records every view and export with who, what, when and filters, for admins only", async () => {
    await dashboard(province, "&field=ai");
    await download(`/api/dashboard/export?year=${year}&table=skills&format=csv`, province);
    expect((await call("GET", "/api/audit", { token: province })).status).toBe(403);
    const log = await call("GET", "/api/audit?limit=200", { token: admin });
    expect(log.status).toBe(200);
    const entries = log.json.items as Array<{
      actorId: string;
      action: string;
      filters: Record<string, string>;
      at: string;
    }>;
    expect(entries[0]).toMatchObject({
      actorId: "prov-dash",
      action: "dashboard.export",
      filters: { table: "skills", format: "csv" },
    });
    expect(entries[1]).toMatchObject({ action: "dashboard.view", filters: { year: String(year), field: "ai" } });
    expect(entries.some((e) => e.actorId === "sta-lhu-dash" && e.action === "dashboard.view")).toBe(true);
    expect(entries.some((e) => e.action === "target.save")).toBe(true);
    // The page names the people and organisations it mentions (display names; the test users' names are their
    // ids), so the log reads in words, not ids.
    const names = log.json.names as Record<string, { vi: string; en?: string }>;
    expect(names["prov-dash"]).toEqual({ vi: "prov-dash" });
    const staffView = (log.json.items as Array<{ actorId: string; scope: string }>).find(
      (e) => e.actorId === "sta-lhu-dash",
    );
    expect(staffView?.scope).toMatch(/^(university|organisation):lhu$/);
    expect(names.lhu).toEqual({ vi: "Tổ chức lhu", en: "Organisation lhu" });
    // Refused requests leave no entry: nothing was shown.
    expect(entries.some((e) => e.actorId === "rec-other-dash")).toBe(false);
  });
});

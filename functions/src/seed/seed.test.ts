import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import {
  ListingCreateSchema,
  listingTypes,
  OrganisationCreateSchema,
  roles,
  StudentProfileInputSchema,
} from "@ketnoi/core";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { call } from "../../test/helpers";
import { config } from "../config";
import { dynamo } from "../db/client";
import { generateDemoData } from "./demo-data";
import { seedDemoData } from "./seed";

const data = generateDemoData();
const orgs = new Map(data.organisations.map((o) => [o.orgId, o]));
/** Whether text has a Vietnamese diacritic: a combining mark once decomposed, or đ (which does not decompose). */
const hasDiacritics = (text: string) => /[\u0300-\u036f]|đ/i.test(text.normalize("NFD"));

/** The first schema issue of a value, or undefined when it passes. */
function issue(schema: v.GenericSchema, value: unknown, id: string): string | undefined {
  const result = v.safeParse(schema, value);
  return result.success ? undefined : `${id}: ${v.getDotPath(result.issues[0]) ?? ""} ${result.issues[0].message}`;
}

async function countItems(): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({ TableName: config().TABLE_NAME, Select: "COUNT", ExclusiveStartKey: startKey }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

describe("generateDemoData", () => {
  it("gives the same data on every call, and other data for another seed", () => {
    expect(generateDemoData()).toEqual(data);
    expect(JSON.stringify(generateDemoData())).toBe(JSON.stringify(data));
    expect(generateDemoData(7).students).not.toEqual(data.students);
  });

  it("has the universities, VNU-HCM units and industrial-park enterprises the demo needs", () => {
    const universities = data.organisations.filter((o) => o.kind === "university").map((o) => o.orgId);
    expect(universities).toEqual(expect.arrayContaining(["lhu", "dnu", "dntu"]));
    expect(data.organisations.filter((o) => o.orgId.startsWith("vnu-")).length).toBeGreaterThanOrEqual(3);
    const enterprises = data.organisations.filter((o) => o.kind === "enterprise");
    expect(enterprises.length).toBeGreaterThanOrEqual(20);
    expect(enterprises.every((o) => o.industrialParkId)).toBe(true);
    expect(enterprises.filter((o) => o.verification === "pending").length).toBeGreaterThanOrEqual(2);
    expect(enterprises.filter((o) => o.verification === "rejected").every((o) => o.verificationReason)).toBe(true);
    expect(data.students.length).toBeGreaterThanOrEqual(200);
    expect(data.listings.length).toBeGreaterThanOrEqual(60);
    expect(new Set(data.listings.map((l) => l.type))).toEqual(new Set(listingTypes));
    expect(data.listings.filter((l) => l.status === "closed")).toHaveLength(2);
  });

  it("has a demo account for every role, each user demo-flagged and every org owned", () => {
    const ids = data.users.map((u) => u.userId);
    expect(ids).toEqual(expect.arrayContaining(["sv-lan", "sv-minh", "staff-lhu", "staff-vnu", "rec-amata"]));
    expect(ids).toEqual(expect.arrayContaining(["rec-pending", "prov-khcn", "admin"]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(data.users.map((u) => u.email)).size).toBe(ids.length);
    for (const role of roles) expect(data.users.some((u) => u.role === role)).toBe(true);
    expect(data.users.every((u) => u.demo === true)).toBe(true);
    const owners = new Set(data.memberships.filter((m) => m.role === "owner").map((m) => m.orgId));
    expect(owners).toEqual(new Set(orgs.keys()));
    expect(orgs.get("song-may-smarthome")?.verification).toBe("pending");
    expect(data.memberships).toContainEqual(
      expect.objectContaining({ orgId: "song-may-smarthome", userId: "rec-pending" }),
    );
  });

  it("passes the core schemas the API validates with", () => {
    const problems = [
      ...data.organisations.map(({ orgId, verification, verificationReason, createdAt, updatedAt, version, ...org }) =>
        issue(OrganisationCreateSchema, org, orgId),
      ),
      ...data.listings.map(({ listingId, status, publishedAt, sortAt, createdAt, updatedAt, version, ...listing }) =>
        issue(ListingCreateSchema, listing, listingId),
      ),
      // The enrolment confirmation is the school's, never part of the student's own input.
      ...data.students.map(
        ({
          userId,
          createdAt,
          updatedAt,
          version,
          consents,
          confirmedUniversityId,
          enrolmentConfirmedAt,
          ...profile
        }) => {
          const granted = Object.fromEntries(Object.entries(consents).map(([purpose, c]) => [purpose, c.granted]));
          return issue(StudentProfileInputSchema, { ...profile, consents: granted }, userId);
        },
      ),
    ].filter(Boolean);
    expect(problems).toEqual([]);
  });

  it("writes Vietnamese names with diacritics, and every student has a student user of the same id", () => {
    // A few real names have none ("Phan Thanh Long"), but nearly all do.
    const withDiacritics = data.students.filter((s) => hasDiacritics(s.fullName));
    expect(withDiacritics.length / data.students.length).toBeGreaterThan(0.95);
    expect(data.students.find((s) => s.userId === "sv-lan")?.fullName).toBe("Nguyễn Thị Lan");
    const users = new Map(data.users.map((u) => [u.userId, u]));
    expect(data.students.every((s) => users.get(s.userId)?.role === "student")).toBe(true);
    expect(data.organisations.filter((o) => hasDiacritics(o.name.vi)).length).toBeGreaterThan(30);
  });

  it("publishes only for verified organisations, with open 2027 deadlines and the feed's sort key", () => {
    const published = data.listings.filter((l) => l.status === "published");
    expect(published.every((l) => orgs.get(l.orgId)?.verification === "verified")).toBe(true);
    expect(published.every((l) => l.publishedAt && l.sortAt === l.publishedAt)).toBe(true);
    expect(data.listings.filter((l) => l.status === "draft").every((l) => l.sortAt === l.createdAt)).toBe(true);
    expect(data.listings.every((l) => l.deadline.startsWith("2027-"))).toBe(true);
    const visits = data.listings.filter((l) => l.type === "visit");
    expect(visits.every((l) => l.sessions.length >= 1 && l.sessions.length <= 4)).toBe(true);
  });

  it("gives every listing its own title, so the home page never shows one twice", () => {
    for (const lang of ["vi", "en"] as const) {
      const titles = data.listings.map((l) => l.title[lang] ?? l.title.vi);
      expect(titles.filter((title, i) => titles.indexOf(title) !== i)).toEqual([]);
    }
    expect(data.listings.find((l) => l.listingId === "amata-tech-intern-embedded")?.title.vi).toBe(
      "Thực tập sinh Lập trình nhúng — KCN Amata",
    );
  });
});

describe("seedDemoData", () => {
  it("rebuilds the same table twice and the API serves the demo", async () => {
    const first = await seedDemoData({ reset: true });
    const second = await seedDemoData({ reset: true });
    expect(second).toEqual(first);
    const total = Object.values(second.counts).reduce((sum, n) => sum + n, 0);
    expect(await countItems()).toBe(total);

    const feed = await call("GET", "/api/listings?limit=100");
    expect(feed.status).toBe(200);
    const publishedCount = data.listings.filter((l) => l.status === "published").length;
    expect(feed.json.items).toHaveLength(Math.min(100, publishedCount));
    expect(feed.json.items.every((l: { orgVerified: boolean }) => l.orgVerified)).toBe(true);

    const accounts = await call("GET", "/api/dev-auth/accounts");
    expect(accounts.status).toBe(200);
    const ids = accounts.json.accounts.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining(["sv-lan", "staff-lhu", "rec-amata", "prov-khcn", "admin"]));
  }, 180_000); // two full seeds with the years of history, under a loaded test run

  it.each([
    ["sv-lan", "student"],
    ["staff-lhu", "staff"],
    ["rec-amata", "recruiter"],
    ["prov-khcn", "province"],
    ["admin", "admin"],
  ])("lets demo account %s sign in as %s", async (userId, role) => {
    const signIn = await call("POST", "/api/dev-auth/token", { body: { userId } });
    expect(signIn.status).toBe(200);
    const me = await call("GET", "/api/me", { token: signIn.json.token });
    expect(me.json).toMatchObject({ id: userId, role });
    if (role === "staff" || role === "recruiter") expect(me.json.memberships[0]).toMatchObject({ role: "owner" });
  });
});

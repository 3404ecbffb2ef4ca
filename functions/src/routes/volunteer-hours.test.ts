import { beforeAll, describe, expect, it } from "vitest";
import { effectsSettled } from "../../test/effects";
import { call } from "../../test/helpers";
import {
  advance,
  apply,
  listingOf,
  memberOf,
  move,
  studentWithProfile,
  verifiedOrganisation,
} from "../../test/marketplace";

let team: string;
let outsider: string;
let student: string;
let applicationId: string;
let version: number;

beforeAll(async () => {
  await verifiedOrganisation("tcns-trang-dai", "government");
  await verifiedOrganisation("other-team", "government");
  team = await memberOf("team-lead", "tcns-trang-dai", "staff");
  outsider = await memberOf("other-lead", "other-team", "staff");
  student = await studentWithProfile("sv-volunteer");
  const listingId = await listingOf(team, "tcns-trang-dai", { type: "volunteer", positions: 5 });
  const applied = await apply(student, listingId);
  applicationId = applied.json.id;
  const offered = await advance(team, applicationId, applied.json.version, ["offered"]);
  const accepted = await move(student, applicationId, { to: "accepted", version: offered.json.version });
  version = accepted.json.version;
});

describe("volunteer hours", () => {
  it("lets the team record an accepted volunteer's hours, which the student then sees", async () => {
    const res = await call("POST", `/api/applications/${applicationId}/hours`, {
      token: team,
      body: { hours: 12.5, version },
    });
    expect(res.status).toBe(200);
    expect(res.json.hoursServed).toBe(12.5);
    const mine = await call("GET", "/api/applications/mine", { token: student });
    expect(mine.json.items[0].hoursServed).toBe(12.5);
    await effectsSettled();
    const notes = await call("GET", "/api/notifications", { token: student });
    // Each language writes the decimal its way: 12,5 giờ / 12.5 hours.
    const titles = notes.json.items.map((n: { title: { vi: string; en: string } }) => n.title);
    expect(titles).toContainEqual({ vi: "Đã ghi nhận 12,5 giờ tình nguyện", en: "12.5 volunteer hours recorded" });
    version = res.json.version;
  });

  it("refuses a stale version, the student, another team, and non-half-hour figures", async () => {
    const path = `/api/applications/${applicationId}/hours`;
    expect((await call("POST", path, { token: team, body: { hours: 3, version: version - 1 } })).status).toBe(409);
    expect((await call("POST", path, { token: student, body: { hours: 99, version } })).status).toBe(403);
    expect((await call("POST", path, { token: outsider, body: { hours: 3, version } })).status).toBe(404);
    const odd = await call("POST", path, { token: team, body: { hours: 1.25, version } });
    expect([odd.status, odd.json.error.details[0].path]).toEqual([400, "hours"]);
  });

  it("only applies to volunteer roles", async () => {
    const internshipId = await listingOf(team, "tcns-trang-dai", { positions: 2 });
    const other = await studentWithProfile("sv-intern");
    const applied = await apply(other, internshipId);
    const offered = await advance(team, applied.json.id, applied.json.version, ["offered"]);
    const accepted = await move(other, applied.json.id, { to: "accepted", version: offered.json.version });
    const res = await call("POST", `/api/applications/${applied.json.id}/hours`, {
      token: team,
      body: { hours: 4, version: accepted.json.version },
    });
    expect([res.status, res.json.error.code]).toEqual([409, "wrong_listing_type"]);
  });
});

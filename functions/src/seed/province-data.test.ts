import { describe, expect, it } from "vitest";
import { generateProvinceData } from "./province-data";

const scale = { students: 600, organisations: 90, listings: 400, applications: 3_000 };

describe("generateProvinceData", () => {
  const data = generateProvinceData(scale);

  it("gives the asked sizes, the same on every call, with the demo's accounts kept", () => {
    expect(data.students).toHaveLength(scale.students);
    expect(data.organisations).toHaveLength(scale.organisations);
    expect(data.listings).toHaveLength(scale.listings);
    expect(data.applications).toHaveLength(scale.applications);
    expect(JSON.stringify(generateProvinceData(scale))).toBe(JSON.stringify(data));
    expect(data.users.some((u) => u.userId === "sv-lan")).toBe(true);
    expect(new Set(data.students.map((s) => s.userId)).size).toBe(scale.students);
    expect(new Set(data.applications.map((a) => `${a.listingId}/${a.studentId}`)).size).toBe(scale.applications);
  });

  it("keeps positions, listing counters and demand counters consistent with the applications", () => {
    const listings = new Map(data.listings.map((l) => [l.listingId, l]));
    const held = new Map<string, number>();
    const open = new Map<string, number>();
    for (const a of data.applications) {
      expect(listings.get(a.listingId)?.status).not.toBe("draft");
      if (a.status === "offered" || a.status === "accepted") held.set(a.listingId, (held.get(a.listingId) ?? 0) + 1);
      if (a.status !== "withdrawn") open.set(a.listingId, (open.get(a.listingId) ?? 0) + 1);
      expect(a.history.at(-1)!.status).toBe(a.status);
    }
    for (const [listingId, n] of held) {
      const listing = listings.get(listingId)!;
      expect(listing.reservedCount).toBe(n);
      if (listing.positions !== undefined) expect(n).toBeLessThanOrEqual(listing.positions);
    }
    for (const d of data.listingDemand) {
      expect(d.applications).toBe(open.get(d.listingId) ?? 0);
      expect(d.filled).toBe(held.get(d.listingId) ?? 0);
    }
    const statuses = new Set(data.applications.map((a) => a.status));
    for (const s of ["submitted", "rejected", "accepted", "withdrawn"]) expect(statuses.has(s as never)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { commonMoves, groupByColumn, organisationMoves } from "./board";

describe("organisationMoves", () => {
  it("offers only forward steps and rejection, never the student's moves or a way back", () => {
    expect(organisationMoves("submitted")).toEqual(["reviewing", "shortlisted", "interview", "offered", "rejected"]);
    expect(organisationMoves("shortlisted")).toEqual(["interview", "offered", "rejected"]);
    expect(organisationMoves("offered")).toEqual(["rejected"]);
    for (const final of ["accepted", "declined", "rejected", "withdrawn"] as const) {
      expect(organisationMoves(final)).toEqual([]);
    }
  });

  it("offers in bulk only what is legal for every selected applicant", () => {
    expect(commonMoves([{ status: "submitted" }, { status: "interview" }])).toEqual(["offered", "rejected"]);
    expect(commonMoves([{ status: "submitted" }, { status: "accepted" }])).toEqual([]);
    expect(commonMoves([])).toEqual([]);
  });

  it("groups declined, rejected and withdrawn together at the end, oldest first", () => {
    const columns = groupByColumn([
      { status: "rejected", createdAt: "2026-01-03" },
      { status: "submitted", createdAt: "2026-01-02" },
      { status: "withdrawn", createdAt: "2026-01-01" },
    ]);
    expect(columns.find((c) => c.id === "submitted")?.items).toHaveLength(1);
    expect(columns.at(-1)?.items.map((a) => a.status)).toEqual(["withdrawn", "rejected"]);
  });
});

import { describe, expect, it } from "vitest";
import { noValue, yearMonthInVietnam } from "./cells";
import {
  applicationContribution,
  bookingContribution,
  contributionDelta,
  countedSchoolOf,
  type ListingFacts,
  listingContribution,
  type StudentFacts,
  studentContribution,
} from "./contributions";
import { fieldOfSkill, fieldOfSkills } from "./skill-fields";

const listing: ListingFacts = {
  orgId: "org-chip",
  type: "internship",
  status: "published",
  requiredSkills: ["embedded-c", "microcontroller", "python"],
  communeId: "p-long-binh",
  industrialParkId: "amata",
  publishedAt: "2026-02-01T02:00:00.000Z",
};
const consenting: StudentFacts = {
  universityId: "lhu",
  confirmedUniversityId: "lhu",
  skills: [{ id: "python" }, { id: "plc" }],
  consents: { provinceStatistics: { granted: true } },
};
const withheld: StudentFacts = { ...consenting, consents: { provinceStatistics: { granted: false } } };
const accepted = {
  status: "accepted",
  createdAt: "2026-03-02T01:00:00.000Z",
  history: [
    { status: "submitted", at: "2026-03-02T01:00:00.000Z" },
    { status: "offered", at: "2026-03-20T01:00:00.000Z" },
    { status: "accepted", at: "2026-03-31T18:00:00.000Z" },
  ],
};

describe("fields", () => {
  it("map skills through their areas, and a listing to the field most of its skills belong to", () => {
    expect(fieldOfSkill("plc")).toBe("automation");
    expect(fieldOfSkill("docker")).toBe("software");
    expect(fieldOfSkill("spreadsheets")).toBe("other");
    expect(fieldOfSkills(listing.requiredSkills)).toBe("semiconductors");
    expect(fieldOfSkills(["python", "plc"])).toBe("software");
    expect(fieldOfSkills([])).toBe("other");
  });
});

describe("contributions", () => {
  it("count an accepted internship at each funnel stage in its own month, Vietnam time", () => {
    expect(yearMonthInVietnam("2026-03-31T18:00:00.000Z")).toEqual({ year: 2026, month: 4 });
    expect(applicationContribution(accepted, listing, consenting)).toEqual({
      "2026|applied|03|semiconductors|lhu|amata|p-long-binh|org-chip|-": 1,
      "2026|offered|03|semiconductors|lhu|amata|p-long-binh|org-chip|-": 1,
      "2026|accepted|04|semiconductors|lhu|amata|p-long-binh|org-chip|-": 1,
      "2026|internships|04|semiconductors|lhu|amata|p-long-binh|org-chip|-": 1,
    });
  });

  it("count a student under the school that confirmed them; one only declared counts under no school", () => {
    const declaredOnly = { ...consenting, confirmedUniversityId: undefined };
    const movedAway = { ...consenting, universityId: "dnu" };
    for (const student of [declaredOnly, movedAway]) {
      expect(countedSchoolOf(student)).toBe(noValue);
      expect(Object.keys(applicationContribution(accepted, listing, student))).toContain(
        "2026|internships|04|semiconductors|-|amata|p-long-binh|org-chip|-",
      );
      expect(Object.keys(studentContribution(student))).toContain("now|supply|00|software|-|-|-|-|python");
    }
    expect(countedSchoolOf(consenting)).toBe("lhu");
  });

  it("count nothing for a student without the province-statistics consent, or without a profile", () => {
    expect(applicationContribution(accepted, listing, withheld)).toEqual({});
    expect(applicationContribution(accepted, listing, undefined)).toEqual({});
    expect(studentContribution(withheld)).toEqual({});
  });

  it("count a retention stub under the university it carries, exactly as its student was counted", () => {
    const declined = { ...accepted, status: "declined", history: accepted.history.slice(0, 2) };
    const stub = { ...declined, countedUniversityId: "lhu" };
    // The stub no longer names its student: no profile is found for it, yet it adds what the student's record did.
    expect(applicationContribution(stub, listing, undefined)).toEqual(
      applicationContribution(declined, listing, consenting),
    );
    expect(applicationContribution({ ...declined }, listing, undefined)).toEqual({});
  });

  it("keep an offer that was later declined in the funnel, but not as a placement", () => {
    const declined = { ...accepted, status: "declined", history: [...accepted.history.slice(0, 2)] };
    expect(Object.keys(applicationContribution(declined, listing, consenting)).map((k) => k.split("|")[1])).toEqual([
      "applied",
      "offered",
    ]);
  });

  it("count a class booking's seats under its school, and nothing once cancelled", () => {
    const visit = { ...listing, type: "visit", sessions: [{ id: "s1", date: "2026-05-10" }] };
    const booking = {
      kind: "class",
      status: "confirmed",
      seats: 25,
      sessionId: "s1",
      createdAt: "2026-04-01T00:00:00Z",
      classOrgId: "vnu-lab",
    };
    expect(bookingContribution(booking, visit, undefined)).toEqual({
      "2026|visits|05|semiconductors|vnu-lab|amata|p-long-binh|org-chip|-": 25,
    });
    expect(bookingContribution({ ...booking, status: "cancelled" }, visit, undefined)).toEqual({});
    expect(bookingContribution({ ...booking, kind: "student" }, visit, withheld)).toEqual({});
  });

  it("count a listing once as published and, while published, its skills as demand", () => {
    const published = listingContribution(listing);
    expect(Object.keys(published)).toHaveLength(4);
    expect(published["now|demand|00|software|-|-|-|org-chip|python"]).toBe(1);
    expect(Object.keys(listingContribution({ ...listing, status: "closed" }))).toEqual([
      "2026|published|02|semiconductors|-|amata|p-long-binh|org-chip|-",
    ]);
    expect(studentContribution(consenting)).toEqual({
      "now|supply|00|software|lhu|-|-|-|python": 1,
      "now|supply|00|automation|lhu|-|-|-|plc": 1,
    });
  });

  it("diff two contributions into the changes to apply", () => {
    expect(contributionDelta({ a: 1, b: 2 }, { b: 3, c: 1 })).toEqual({ a: -1, b: 1, c: 1 });
    expect(contributionDelta({ a: 1 }, { a: 1 })).toEqual({});
  });
});

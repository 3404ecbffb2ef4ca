import { describe, expect, it } from "vitest";
import { aListing, aStudent } from "./fixtures";
import { scoreMatch } from "./score";
import type { MatchScore } from "./types";
import { type MatchComponent, matchWeights } from "./weights";

const now = new Date("2026-10-01T03:00:00Z");
const asStudent = { side: "student", now } as const;
const points = (result: MatchScore, component: MatchComponent) =>
  result.components.find((c) => c.component === component)!.points;
const text = (result: MatchScore, component: MatchComponent) =>
  result.components.find((c) => c.component === component)!.explanation;

describe("scoreMatch", () => {
  it("keeps the weights in one object that adds up to 100", () => {
    expect(Object.values(matchWeights).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("gives a student who fits every component the full 100 points, with one line per component", () => {
    const result = scoreMatch(aStudent(), aListing(), asStudent);
    expect(result.total).toBe(100);
    expect(result.eligible).toBe(true);
    expect(result.components.map((c) => c.component)).toEqual(Object.keys(matchWeights));
    expect(result.toLearn).toEqual([]);
    expect(result.explanation.vi).toContain("Khớp 2/2 kỹ năng bắt buộc.");
    expect(result.explanation.en).toContain("You can reach KCN Amata, Phường Long Bình.");
  });

  it("says how many required skills match and which are missing, in Vietnamese and English", () => {
    const listing = aListing({ type: "internship", requiredSkills: ["python", "sql", "git", "testing", "docker"] });
    const student = aStudent({
      skills: ["python", "sql", "git", "testing"].map((id) => ({ id, level: 2 })),
    });
    const result = scoreMatch(student, listing, asStudent);
    expect(text(result, "requiredSkills")).toEqual({
      vi: "khớp 4/5 kỹ năng bắt buộc; thiếu: Docker",
      en: "matches 4/5 required skills; missing: Docker",
    });
    expect(points(result, "requiredSkills")).toBe(32);
  });

  it("gives half credit for a related skill and names it", () => {
    const listing = aListing({ requiredSkills: ["docker"], preferredSkills: [] });
    const result = scoreMatch(aStudent({ skills: [{ id: "kubernetes", level: 2 }] }), listing, asStudent);
    expect(points(result, "requiredSkills")).toBe(20);
    expect(text(result, "requiredSkills").vi).toBe(
      "khớp 0/1 kỹ năng bắt buộc; thiếu: Docker (gần với Kubernetes bạn có)",
    );
    expect(result.toLearn[0]).toMatchObject({ skillId: "docker", for: "required", kind: "related_only", gain: 20 });
  });

  it("gives partial credit for a skill below the level the listing type expects", () => {
    const job = aListing({ type: "job", requiredSkills: ["python"], preferredSkills: [] });
    const beginner = scoreMatch(aStudent({ skills: [{ id: "python", level: 1 }] }), job, asStudent);
    const improving = scoreMatch(aStudent({ skills: [{ id: "python", level: 2 }] }), job, asStudent);
    const expert = scoreMatch(aStudent({ skills: [{ id: "python", level: 4 }] }), job, asStudent);
    expect([beginner, improving, expert].map((r) => points(r, "requiredSkills"))).toEqual([20, 30, 40]);
    expect(text(beginner, "requiredSkills").en).toBe(
      "matches 1/1 required skills; below the expected level: Python (level 1/3)",
    );
    expect(beginner.toLearn[0]).toMatchObject({ skillId: "python", kind: "below_level" });
  });

  it("credits English for IT from the student's spoken English, and checks the language need", () => {
    const listing = aListing({ requiredSkills: ["english-it"], preferredSkills: [] });
    const fluent = scoreMatch(
      aStudent({ skills: [], languages: [{ code: "en", level: "fluent" }] }),
      listing,
      asStudent,
    );
    expect(points(fluent, "requiredSkills")).toBe(40);
    expect(points(fluent, "language")).toBe(8);
    const basic = scoreMatch(aStudent({ skills: [], languages: [{ code: "en", level: "basic" }] }), listing, asStudent);
    expect(points(basic, "language")).toBe(4);
    expect(text(basic, "language").vi).toBe("cần tiếng Anh trung cấp; bạn: cơ bản");
    const none = scoreMatch(aStudent({ skills: [], languages: [{ code: "vi", level: "native" }] }), listing, asStudent);
    expect(points(none, "language")).toBe(0);
  });

  it("scores the major as listed, neighbouring, other, or open to all", () => {
    const listing = aListing({ majors: ["electronics"] });
    const major = (m: Parameters<typeof aStudent>[0]) => points(scoreMatch(aStudent(m), listing, asStudent), "major");
    expect(major({ major: "electronics" })).toBe(15);
    expect(major({ major: "automation" })).toBe(7.5);
    expect(major({ major: "business" })).toBe(0);
    expect(points(scoreMatch(aStudent({ major: "business" }), aListing({ majors: [] }), asStudent), "major")).toBe(15);
  });

  it("measures availability as the overlap with the internship period after the deadline", () => {
    // 12 weeks from 2027-02-01 to 2027-04-25; free from 2027-03-15: 42 of 84 days.
    const result = scoreMatch(aStudent({ availableFrom: "2027-03-15" }), aListing(), asStudent);
    expect(points(result, "yearAndAvailability")).toBe(3 + 3.5);
    expect(text(result, "yearAndAvailability").en).toBe(
      "year 3 is allowed; you are free for 50% of the listing's period",
    );
    const undeclared = aStudent({ availableFrom: undefined, availableTo: undefined });
    expect(points(scoreMatch(undeclared, aListing(), asStudent), "yearAndAvailability")).toBe(3 + 3.5);
  });

  it("counts a visit as fitting when the student is free on any session date", () => {
    const visit = aListing({
      type: "visit",
      positions: undefined,
      durationWeeks: undefined,
      sessions: [
        { id: "s1", date: "2027-01-20", startTime: "08:00", place: "Lab", seats: 20 },
        { id: "s2", date: "2027-03-03", startTime: "08:00", place: "Lab", seats: 20 },
      ],
    });
    expect(points(scoreMatch(aStudent(), visit, asStudent), "yearAndAvailability")).toBe(10);
    const away = aStudent({ availableFrom: "2027-04-01" });
    expect(points(scoreMatch(away, visit, asStudent), "yearAndAvailability")).toBe(3);
  });

  it("reaches a listing through the industrial park's commune; remote is always reachable", () => {
    const inPark = aListing({ communeId: "p-tran-bien", industrialParkId: "long-duc" });
    const reachesPark = aStudent({ reachableCommunes: ["x-long-thanh"] });
    expect(points(scoreMatch(reachesPark, inPark, asStudent), "location")).toBe(12);
    const farAway = aStudent({ reachableCommunes: ["x-xuan-loc"] });
    expect(points(scoreMatch(farAway, aListing(), asStudent), "location")).toBe(0);
    expect(points(scoreMatch(farAway, aListing({ workMode: "hybrid" }), asStudent), "location")).toBe(6);
    expect(points(scoreMatch(farAway, aListing({ workMode: "remote" }), asStudent), "location")).toBe(12);
    expect(text(scoreMatch(farAway, aListing(), asStudent), "location").vi).toBe(
      "KCN Amata, Phường Long Bình ngoài khu vực bạn đi được",
    );
  });

  it("gives half skill credit to a listing that names no skills, so it does not outrank a real fit", () => {
    const open = aListing({ requiredSkills: [], preferredSkills: [] });
    const result = scoreMatch(aStudent(), open, asStudent);
    expect(points(result, "requiredSkills") + points(result, "preferredSkills")).toBe(27.5);
    expect(result.total).toBeLessThan(scoreMatch(aStudent(), aListing(), asStudent).total);
  });

  it("suggests missing required skills first, then preferred, the larger gain first", () => {
    const listing = aListing({ requiredSkills: ["embedded-c", "rtos", "stm32"], preferredSkills: ["git", "fpga"] });
    const result = scoreMatch(aStudent({ skills: [{ id: "embedded-c", level: 3 }] }), listing, asStudent);
    expect(result.toLearn.map((s) => [s.skillId, s.for, s.kind])).toEqual([
      ["stm32", "required", "missing"],
      ["rtos", "required", "related_only"],
      ["git", "preferred", "missing"],
      ["fpga", "preferred", "missing"],
    ]);
    expect(result.toLearn[0]).toMatchObject({ vi: "STM32", en: "STM32" });
  });

  describe("hard filters", () => {
    const reasons = (result: MatchScore) => result.exclusions.map((e) => e.reason);

    it("excludes a listing whose deadline has passed in Vietnam time", () => {
      const lastMinute = { side: "student", now: new Date("2027-01-31T16:59:59Z") } as const;
      const nextDay = { side: "student", now: new Date("2027-01-31T17:00:00Z") } as const;
      expect(reasons(scoreMatch(aStudent(), aListing(), lastMinute))).toEqual([]);
      const late = scoreMatch(aStudent(), aListing(), nextDay);
      expect(reasons(late)).toEqual(["deadline_passed"]);
      expect(late.eligible).toBe(false);
      expect(late.exclusions[0]!.vi).toBe("đã hết hạn nộp hồ sơ (31/01/2027)");
    });

    it("excludes unpublished listings, full listings, other years and listings already applied to", () => {
      expect(reasons(scoreMatch(aStudent(), aListing({ status: "closed" }), asStudent))).toEqual(["not_published"]);
      const full = { ...asStudent, demand: { applications: 30, filled: 4 } };
      expect(reasons(scoreMatch(aStudent(), aListing(), full))).toEqual(["no_seats_left"]);
      const firstYear = scoreMatch(aStudent({ year: 1 }), aListing(), asStudent);
      expect(reasons(firstYear)).toEqual(["year_not_allowed"]);
      expect(firstYear.exclusions[0]!.en).toBe("only for students in years 3, 4");
      expect(reasons(scoreMatch(aStudent(), aListing(), { ...asStudent, alreadyApplied: true }))).toEqual([
        "already_applied",
      ]);
    });

    it("shows a recruiter only students who consented to recommendations", () => {
      const private_ = aStudent({ consents: { recommendToRecruiters: { granted: false } } });
      expect(reasons(scoreMatch(private_, aListing(), { side: "recruiter" }))).toEqual(["no_consent"]);
      expect(reasons(scoreMatch(aStudent(), aListing({ status: "closed" }), { side: "recruiter" }))).toEqual([]);
    });
  });

  it("tells a recruiter about the student in the third person, never addressing them as the student", () => {
    const farAway = aStudent({ reachableCommunes: ["x-xuan-loc"], skills: [{ id: "kubernetes", level: 2 }] });
    const listing = aListing({ requiredSkills: ["docker"], preferredSkills: [] });
    const forRecruiter = scoreMatch(farAway, listing, { side: "recruiter" });
    expect(text(forRecruiter, "location")).toEqual({
      vi: "KCN Amata, Phường Long Bình ngoài khu vực sinh viên đi được",
      en: "KCN Amata, Phường Long Bình is outside the places the student can reach",
    });
    expect(text(forRecruiter, "requiredSkills").vi).toBe(
      "khớp 0/1 kỹ năng bắt buộc; thiếu: Docker (gần với Kubernetes sinh viên có)",
    );
    const near = scoreMatch(aStudent(), aListing(), { side: "recruiter" });
    expect(near.explanation.vi).toContain("Sinh viên đi được tới KCN Amata, Phường Long Bình.");
    expect(near.explanation.en).toContain("The student can reach KCN Amata, Phường Long Bình.");
    for (const result of [forRecruiter, near]) {
      expect(result.explanation.vi).not.toMatch(/\bbạn\b/i);
      expect(result.explanation.en).not.toMatch(/\byou(r)?\b/i);
    }
    // The student still reads the same facts addressed to them.
    expect(scoreMatch(aStudent(), aListing(), asStudent).explanation.vi).toContain("Bạn đi được tới KCN Amata");
  });
});

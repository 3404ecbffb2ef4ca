import type { MatchCandidate, MatchListing } from "./types";

/** Test fixtures: a plain internship and a student who fits it, to be varied one field at a time. */

export function aListing(overrides: Partial<MatchListing> = {}): MatchListing {
  return {
    id: "amata-tech-intern-embedded",
    type: "internship",
    status: "published",
    requiredSkills: ["embedded-c", "microcontroller"],
    preferredSkills: ["pcb-design", "git"],
    majors: ["electronics", "mechatronics"],
    years: [3, 4],
    communeId: "p-long-binh",
    industrialParkId: "amata",
    workMode: "onsite",
    deadline: "2027-01-31",
    positions: 4,
    durationWeeks: 12,
    ...overrides,
  };
}

export function aStudent(overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    userId: "sv-lan",
    major: "electronics",
    year: 3,
    skills: [
      { id: "embedded-c", level: 3 },
      { id: "microcontroller", level: 2 },
      { id: "pcb-design", level: 2 },
      { id: "git", level: 2 },
    ],
    languages: [
      { code: "vi", level: "native" },
      { code: "en", level: "intermediate" },
    ],
    availableFrom: "2027-02-01",
    availableTo: "2027-06-30",
    reachableCommunes: ["p-long-binh", "p-tran-bien"],
    consents: { recommendToRecruiters: { granted: true } },
    ...overrides,
  };
}

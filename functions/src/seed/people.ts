import { type CommuneId, foldVietnamese, type Major } from "@ketnoi/core";
import { addDays, day, demoTime, hour } from "./clock";
import { familyNames, homeCommunes, majorProfiles, personNames, universityMajors } from "./content/students";
import type { DemoOrganisation, DemoStudent, DemoUser } from "./demo-data";
import type { Random } from "./random";

export const demoEmailDomain = "demo.ketnoi.vn";

/** A generated person: family name first, as Vietnamese names are written. */
export interface Person {
  family: string;
  given: string;
  fullName: string;
}

function weighted<T>(rng: Random, entries: ReadonlyArray<readonly [T, number]>): T {
  let roll = rng.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** A plausible Vietnamese full name with diacritics, e.g. "Nguyễn Thị Thu Trang" or "Trần Quốc Huy". */
export function randomPerson(rng: Random): Person {
  const female = rng.chance(0.5);
  const pool = female ? personNames.female : personNames.male;
  const family = weighted(rng, familyNames);
  const given = rng.pick(pool.given);
  // No "Minh Minh"-style repeats. Many women carry "Thị" before a second middle name ("Nguyễn Thị Thu Trang").
  const middle = rng.pick(pool.middle.filter((m) => m !== given && m !== "Thị"));
  const middles = female && rng.chance(0.25) ? ["Thị", middle] : [female && rng.chance(0.3) ? "Thị" : middle];
  return { family, given, fullName: [family, ...middles, given].join(" ") };
}

/** A unique demo e-mail address: given.family.suffix@demo.ketnoi.vn, without diacritics. */
export function demoEmail(person: Person, suffix: string): string {
  return `${foldVietnamese(person.given)}.${foldVietnamese(person.family)}.${suffix}@${demoEmailDomain}`;
}

type Profile = Omit<DemoStudent, "userId" | "fullName" | "consents" | "createdAt" | "updatedAt" | "version">;

/** The two named student accounts of the sign-in page, with profiles that match several listings. */
const namedStudents: Array<{ userId: string; email: string; fullName: string; profile: Profile; shareStats: boolean }> =
  [
    {
      userId: "sv-lan",
      email: "lan.nguyen",
      fullName: "Nguyễn Thị Lan",
      shareStats: true,
      profile: {
        universityId: "lhu",
        major: "it",
        year: 3,
        skills: [
          { id: "python", level: 3 },
          { id: "javascript", level: 3 },
          { id: "sql", level: 3 },
          { id: "web-frontend", level: 2 },
          { id: "git", level: 2 },
          { id: "english-it", level: 2 },
        ],
        languages: [
          { code: "vi", level: "native" },
          { code: "en", level: "intermediate" },
        ],
        availableFrom: "2027-01-04",
        availableTo: "2027-05-28",
        reachableCommunes: ["p-tran-bien", "p-bien-hoa", "p-long-binh", "p-tam-hiep"],
        preferredSectors: ["software", "ai_data"],
      },
    },
    {
      userId: "sv-minh",
      email: "minh.tran",
      fullName: "Trần Quang Minh",
      shareStats: false,
      profile: {
        universityId: "dntu",
        major: "electronics",
        year: 4,
        skills: [
          { id: "embedded-c", level: 4 },
          { id: "microcontroller", level: 4 },
          { id: "pcb-design", level: 3 },
          { id: "cpp", level: 3 },
          { id: "iot", level: 3 },
        ],
        languages: [
          { code: "vi", level: "native" },
          { code: "en", level: "intermediate" },
          { code: "ja", level: "basic" },
        ],
        availableFrom: "2027-02-01",
        availableTo: "2027-06-30",
        reachableCommunes: ["p-trang-dai", "p-long-binh", "p-tam-phuoc", "x-long-thanh", "x-nhon-trach"],
        preferredSectors: ["electronics", "semiconductors"],
      },
    },
  ];

const generalSkills = ["english-it", "git", "office-digital"];
const englishLevels = [
  ["basic", 30],
  ["intermediate", 45],
  ["fluent", 12],
  [undefined, 13],
] as const;

/** A coherent profile: skills from the major's pool with levels growing with the year, nearby communes. */
function randomProfile(rng: Random, orgById: ReadonlyMap<string, DemoOrganisation>): Profile {
  const university = weighted(
    rng,
    universityMajors.map((u) => [u, u.weight] as const),
  );
  const major: Major = rng.pick(university.majors);
  const year = weighted(rng, [
    [1, 18],
    [2, 22],
    [3, 26],
    [4, 24],
    [5, 10],
  ]);
  const pool = majorProfiles[major];
  // Two or three of the major's most typical skills, then up to three of its others.
  const picked = [
    ...rng.sample(pool.skills.slice(0, 4), rng.int(2, 3)),
    ...rng.sample(pool.skills.slice(4), rng.int(0, 3)),
  ];
  const extra = rng.chance(0.3) ? generalSkills.filter((s) => !picked.includes(s)).slice(0, 1) : [];
  const typicalLevel = year <= 1 ? 1 : year <= 3 ? 2 : 3;
  const skills = [...picked, ...extra].map((id, i) => ({
    id,
    level: Math.min(5, Math.max(1, typicalLevel + rng.int(-1, 1) + (i === 0 ? 1 : 0))),
  }));

  const english = weighted(rng, englishLevels);
  const languages = [
    { code: "vi", level: "native" },
    ...(english ? [{ code: "en", level: english }] : []),
    ...(rng.chance(0.08) ? [{ code: "ja", level: rng.pick(["basic", "intermediate"]) }] : []),
    ...(rng.chance(0.06) ? [{ code: "ko", level: "basic" }] : []),
    ...(rng.chance(0.03) ? [{ code: "zh", level: "basic" }] : []),
  ];

  const campus = orgById.get(university.orgId)!.communeId as CommuneId;
  const reachable = [campus, rng.pick(homeCommunes), ...rng.sample(homeCommunes, rng.int(0, 3))];
  // Final-year students look for a semester-long internship; younger ones for the summer, if at all.
  const from = year >= 3 ? rng.pick(["2027-01-04", "2027-03-01", "2027-06-01"]) : "2027-06-14";
  const available = year >= 3 || rng.chance(0.5);
  return {
    universityId: university.orgId,
    major,
    year,
    skills,
    languages,
    ...(available ? { availableFrom: from, availableTo: addDays(from, 7 * rng.int(10, 24)) } : {}),
    reachableCommunes: [...new Set(reachable)],
    preferredSectors: rng.sample(pool.sectors, rng.int(1, pool.sectors.length)),
  };
}

/**
 * The named demo students and `count` generated ones, each a user (role student) and a profile with the same id.
 * Consents: most grant all three purposes; about one in eight withholds recommendations to recruiters and one in
 * twelve the province statistics, so consent filtering is visible in the demo.
 */
export function generateStudents(
  rng: Random,
  orgById: ReadonlyMap<string, DemoOrganisation>,
  count = 218,
): Array<{ user: DemoUser; profile: DemoStudent }> {
  const generated = Array.from({ length: count }, (_, i) => {
    const person = randomPerson(rng);
    const roll = rng.next();
    const suffix = String(i + 1).padStart(4, "0");
    return {
      userId: `u-sv-${suffix}`,
      email: demoEmail(person, suffix),
      fullName: person.fullName,
      recommend: roll >= 0.12,
      shareStats: roll < 0.12 || roll >= 0.2,
      profile: randomProfile(rng, orgById),
    };
  });
  const named = namedStudents.map((s) => ({ ...s, email: `${s.email}@${demoEmailDomain}`, recommend: true }));
  return [...named, ...generated].map((s, i) => {
    const created = -45 * day + i * 4 * hour + rng.int(0, 239) * 60_000;
    const edited = rng.chance(0.4);
    const createdAt = demoTime(created);
    const consent = (granted: boolean) => ({ granted, at: createdAt });
    return {
      user: { userId: s.userId, email: s.email, displayName: s.fullName, role: "student", demo: true, createdAt },
      profile: {
        userId: s.userId,
        fullName: s.fullName,
        ...s.profile,
        consents: {
          shareWithAppliedOrgs: consent(true),
          recommendToRecruiters: consent(s.recommend),
          provinceStatistics: consent(s.shareStats),
        },
        createdAt,
        updatedAt: demoTime(edited ? created + rng.int(1, 72) * hour : created),
        version: edited ? 2 : 1,
      },
    };
  });
}

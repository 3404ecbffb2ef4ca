/**
 * Seeded synthetic data for the matching benchmarks, shaped like the platform's: listings that ask for the
 * skills of their field, students whose skills follow their major, demand concentrated on popular listings.
 */
import {
  communeIds,
  type IndexedRankingEntry,
  industrialParks,
  type ListingDemand,
  type Major,
  type MatchCandidate,
  type MatchListing,
  type PlacementInput,
  type RankingEntry,
  type SkillArea,
  skills,
} from "@ketnoi/core";
import type { RoundRecords } from "@ketnoi/functions/data/placement/input";
import { seededRandom } from "./harness";

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

function weighted<T>(random: Random, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [value, w] of entries) {
    x -= w;
    if (x < 0) return value;
  }
  return entries.at(-1)![0];
}

/** Distinct picks from a pool where earlier items are more common (the taxonomy lists core skills first). */
function popularPicks(random: Random, pool: readonly string[], count: number): string[] {
  const picked = new Set<string>();
  while (picked.size < Math.min(count, pool.length)) {
    picked.add(pool[Math.min(pool.length - 1, Math.floor(pool.length * random() ** 1.8))]!);
  }
  return [...picked];
}

const areaWeights: ReadonlyArray<readonly [SkillArea, number]> = [
  ["software", 25],
  ["embedded", 15],
  ["automation", 15],
  ["data_ai", 12],
  ["network_cloud", 10],
  ["digital_business", 8],
  ["security", 6],
  ["foundational", 5],
  ["design", 4],
];
const areaMajors: Record<SkillArea, readonly Major[]> = {
  software: ["it", "cs", "se", "is"],
  data_ai: ["cs", "data_science", "it"],
  embedded: ["electronics", "microelectronics", "mechatronics"],
  automation: ["automation", "mechatronics", "electrical"],
  network_cloud: ["it", "is", "electronics"],
  security: ["infosec", "it"],
  digital_business: ["ecommerce", "business", "logistics"],
  design: ["design", "ecommerce"],
  foundational: [],
};
const majorArea = new Map<Major, SkillArea>(
  (Object.entries(areaMajors) as Array<[SkillArea, readonly Major[]]>).flatMap(([area, ms]) =>
    ms.map((m) => [m, area] as const),
  ),
);
const skillsOfArea = (area: SkillArea) => skills.filter((s) => s.area === area).map((s) => s.id);
const generalSkills = ["git", "english-it", "office-digital", "japanese"];

const dayMs = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `count` listings around `now`: most published with a future deadline, some closed, drafts or expired. */
export function syntheticListings(count: number, now: Date, seed = 1): MatchListing[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, j) => {
    const area = weighted(random, areaWeights);
    const type = weighted(random, [
      ["internship", 50],
      ["job", 25],
      ["visit", 10],
      ["training", 7],
      ["event", 5],
      ["volunteer", 3],
    ] as const);
    const pool = skillsOfArea(area);
    const small = type === "visit" || type === "event";
    const park = random() < 0.7 ? pick(random, industrialParks) : undefined;
    const deadline = isoDay(now.getTime() + int(random, -20, 180) * dayMs);
    const majors = random() < 0.15 ? [] : popularPicks(random, areaMajors[area], int(random, 1, 3));
    return {
      id: `tin-${String(j).padStart(5, "0")}`,
      type,
      status: weighted(random, [
        ["published", 92],
        ["closed", 5],
        ["draft", 3],
      ] as const),
      requiredSkills: popularPicks(random, pool, small ? int(random, 0, 1) : int(random, 1, 4)),
      preferredSkills: popularPicks(random, [...pool.slice(4), ...generalSkills], int(random, 0, 3)),
      majors: majors as Major[],
      years: type === "internship" ? pick(random, [[3, 4], [2, 3, 4], []]) : type === "job" ? [4, 5] : [],
      communeId: park?.communeId ?? pick(random, communeIds),
      industrialParkId: park?.id,
      workMode: weighted(random, [
        ["onsite", 65],
        ["hybrid", 25],
        ["remote", 10],
      ] as const),
      deadline,
      positions: type === "internship" || type === "job" ? int(random, 1, 10) : undefined,
      durationWeeks: type === "internship" ? int(random, 8, 24) : undefined,
      sessions:
        type === "visit"
          ? Array.from({ length: int(random, 1, 3) }, (_, i) => ({
              id: `s${i + 1}`,
              date: isoDay(Date.parse(deadline) + int(random, 7, 40) * dayMs),
              startTime: "08:30",
              place: "Phòng thí nghiệm",
              seats: pick(random, [15, 20, 25, 30, 40]),
            }))
          : undefined,
    } satisfies MatchListing;
  });
}

/** `count` students: skills of their major's field with levels growing by year, most consenting to recommendations. */
export function syntheticStudents(count: number, seed = 2): MatchCandidate[] {
  const random = seededRandom(seed);
  const majorsWithArea = [...majorArea.keys()];
  return Array.from({ length: count }, (_, i) => {
    const major = pick(random, majorsWithArea);
    const year = int(random, 1, 5);
    const own = popularPicks(random, skillsOfArea(majorArea.get(major)!), int(random, 2, 6));
    const extra = random() < 0.4 ? [pick(random, generalSkills)] : [];
    const from = Date.parse("2027-01-04") + int(random, 0, 150) * dayMs;
    return {
      userId: `sv-${String(i).padStart(6, "0")}`,
      major,
      year,
      skills: [...new Set([...own, ...extra])].map((id) => ({
        id,
        level: Math.max(1, Math.min(5, Math.ceil(year / 2) + int(random, -1, 1))),
      })),
      languages: [
        { code: "vi" as const, level: "native" as const },
        ...(random() < 0.7
          ? [{ code: "en" as const, level: pick(random, ["basic", "intermediate", "fluent"] as const) }]
          : []),
        ...(random() < 0.08 ? [{ code: "ja" as const, level: "basic" as const }] : []),
      ],
      ...(random() < 0.75
        ? { availableFrom: isoDay(from), availableTo: isoDay(from + int(random, 8, 26) * 7 * dayMs) }
        : {}),
      reachableCommunes: popularPicks(random, communeIds, int(random, 1, 5)) as MatchCandidate["reachableCommunes"],
      consents: { recommendToRecruiters: { granted: random() < 0.88 } },
    } satisfies MatchCandidate;
  });
}

/** Applications concentrated on a few popular listings (a power law), and some seats already taken. */
export function syntheticDemand(listings: readonly MatchListing[], seed = 3): Map<string, ListingDemand> {
  const random = seededRandom(seed);
  return new Map(
    listings.map((listing) => {
      const popularity = random() ** 6;
      const seats = listing.positions ?? 10;
      return [
        listing.id,
        { applications: Math.floor(popularity * 60 * seats), filled: Math.floor(random() * random() * seats) },
      ];
    }),
  );
}

/**
 * A province-wide round: every student ranks `choices` distinct listings, drawn by popularity (a power law, the
 * popular ones first); each organisation ranks all its applicants by a noisy score, scores within half a point
 * tied, and one in ten leaves its weakest fifth unranked.
 */
export function syntheticPlacementRound(
  studentCount: number,
  listingCount: number,
  choices: number,
  seed = 4,
  ids: "short" | "uuid" = "short",
): PlacementInput {
  const random = seededRandom(seed);
  // UUID-shaped ids, as the platform stores them (36 characters, random): longer to hash and compare than "sv-000001".
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => "0123456789abcdef"[Math.floor(random() * 16)]).join("");
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const listingIds = Array.from({ length: listingCount }, (_, l) =>
    ids === "uuid" ? uuid() : `tin-${String(l).padStart(5, "0")}`,
  );
  const studentIds = Array.from({ length: studentCount }, (_, s) =>
    ids === "uuid" ? uuid() : `sv-${String(s).padStart(6, "0")}`,
  );
  const cumulative = new Float64Array(listingCount);
  let total = 0;
  for (let l = 0; l < listingCount; l++) {
    total += 1 / (l + 1) ** 0.8;
    cumulative[l] = total;
  }
  const draw = () => {
    const x = random() * total;
    let lo = 0;
    let hi = listingCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const chosenBy = new Int32Array(listingCount).fill(-1);
  const applicants: number[][] = Array.from({ length: listingCount }, () => []);
  const students = studentIds.map((id, s) => {
    const picked: string[] = [];
    while (picked.length < choices) {
      const l = draw();
      if (chosenBy[l] === s) continue;
      chosenBy[l] = s;
      picked.push(listingIds[l]!);
      applicants[l]!.push(s);
    }
    return { id, choices: picked };
  });
  const quality = Float64Array.from(studentIds, () => random() * 60);
  const listings = listingIds.map((id, l) => {
    const scored = applicants[l]!.map((s) => ({ s, score: Math.round((quality[s]! + random() * 40) * 2) / 2 }));
    scored.sort((a, b) => b.score - a.score);
    const kept = random() < 0.1 ? scored.slice(0, Math.ceil(scored.length * 0.8)) : scored;
    const ranking: RankingEntry[] = [];
    for (let i = 0; i < kept.length; ) {
      let k = i + 1;
      while (k < kept.length && kept[k]!.score === kept[i]!.score) k++;
      ranking.push(k - i === 1 ? studentIds[kept[i]!.s]! : kept.slice(i, k).map((x) => studentIds[x.s]!));
      i = k;
    }
    return { id, capacity: 1 + Math.floor(random() ** 2 * 20), ranking };
  });
  return { seed: `bench-${seed}`, students, listings };
}

/** A round as the run's data layer holds it before building the engine's input (`indexedPlacementInput`). */
export interface PlacementRecords {
  /** The same round with string ids, students in ascending id order (the order the data layer hands them in). */
  input: PlacementInput;
  /** Students in ascending id order with their choices as stored (listing ids); the round's listings and seats. */
  records: RoundRecords;
  /**
   * Each listing's ranking as positions among its applicants (the students who chose it, in student order): what
   * the route's ranking step returns (`automaticRankingOrder`, edited orders applied), scores already worked out.
   */
  rankings: IndexedRankingEntry[][];
}

/** `PlacementRecords` of a synthetic round (built with maps, outside any timing). */
export function placementRecords(round: PlacementInput): PlacementRecords {
  const students = [...round.students].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const input: PlacementInput = { ...round, students };
  const studentAt = new Map(students.map((s, i) => [s.id, i]));
  const listingAt = new Map(round.listings.map((l, i) => [l.id, i]));
  const applicants: number[][] = round.listings.map(() => []);
  students.forEach((s, i) => {
    for (const id of s.choices) applicants[listingAt.get(id)!]!.push(i);
  });
  const positionOf = new Int32Array(students.length).fill(-1);
  const rankings = round.listings.map((listing, l) => {
    applicants[l]!.forEach((s, position) => {
      positionOf[s] = position;
    });
    const at = (id: string) => positionOf[studentAt.get(id)!]!;
    const ranking = listing.ranking.map((entry) => (typeof entry === "string" ? at(entry) : entry.map(at)));
    for (const s of applicants[l]!) positionOf[s] = -1;
    return ranking;
  });
  return {
    input,
    records: {
      seed: round.seed,
      students,
      listings: round.listings.map((l) => ({ listingId: l.id, capacity: l.capacity })),
    },
    rankings,
  };
}

/**
 * A copy of the records whose strings have never been hashed, as the run sees the preferences it just read from
 * DynamoDB (parsed student by student, as items arrive, rather than as one string of hundreds of megabytes).
 */
export function freshRecords(records: RoundRecords): RoundRecords {
  return {
    seed: records.seed,
    students: records.students.map((s) => JSON.parse(JSON.stringify(s)) as RoundRecords["students"][number]),
    listings: JSON.parse(JSON.stringify(records.listings)) as RoundRecords["listings"],
  };
}

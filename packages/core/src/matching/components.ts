import { type Major, majorIds } from "../catalog";
import { industrialParks } from "../places";
import { findSkill, type LanguageCode, type LanguageLevel, skills } from "../skills";
import type { MatchListing, MatchStudent } from "./types";
import { matchTuning } from "./weights";

/**
 * The credit rules of every component, as small pure functions on plain values. The explained score
 * (`scoreMatch`) and the fast rankings (`recommendListingsForStudent`, `rankCandidatesForListing`) both call
 * these, so they cannot drift apart.
 */

/**
 * Days since 1970-01-01 of an ISO date (YYYY-MM-DD), without building a Date (it runs 100,000 times a ranking).
 * @example dayNumber("1970-01-02") // 1
 */
export function dayNumber(isoDate: string): number {
  // Digits from their character codes ("0" is 48); no substrings, no closure.
  const y0 =
    isoDate.charCodeAt(0) * 1000 +
    isoDate.charCodeAt(1) * 100 +
    isoDate.charCodeAt(2) * 10 +
    isoDate.charCodeAt(3) -
    53_328;
  const m = isoDate.charCodeAt(5) * 10 + isoDate.charCodeAt(6) - 528;
  const d = isoDate.charCodeAt(8) * 10 + isoDate.charCodeAt(9) - 528;
  // Days from civil (H. Hinnant): years start in March so the leap day is last.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

// Today's day number in Vietnam, where deadlines are read: one Vietnam-time module for the project (core/time).
export { vietnamDay } from "../time";

/** Credit for knowing a skill at `level` when `expected` is asked: full at or above, less per missing level. */
export function levelCredit(level: number, expected: number): number {
  if (level >= expected) return 1;
  return Math.max(matchTuning.minimumLevelCredit, 1 - matchTuning.shortfallPerLevel * (expected - level));
}

export function expectedLevelOf(listing: Pick<MatchListing, "type">): number {
  return matchTuning.expectedLevel[listing.type];
}

const languageRanks: Record<LanguageLevel, number> = { basic: 1, intermediate: 2, fluent: 3, native: 4 };

/** A spoken language counts as a skill level for the skills that are mostly that language (English for IT). */
export const skillLevelOfLanguage: Record<LanguageLevel, number> = { basic: 2, intermediate: 3, fluent: 4, native: 5 };

export interface KnownSkill {
  level: number;
  via: "own" | "language";
}

/** The student's skills with their levels, the language-backed ones included. */
export function knownSkillsOf(student: Pick<MatchStudent, "skills" | "languages">): Map<string, KnownSkill> {
  const known = new Map<string, KnownSkill>();
  for (const skill of student.skills) known.set(skill.id, { level: skill.level, via: "own" });
  for (const [skillId, code] of languageSkills) {
    const spoken = student.languages.find((l) => l.code === code);
    if (!spoken) continue;
    const level = skillLevelOfLanguage[spoken.level];
    if (level > (known.get(skillId)?.level ?? 0)) known.set(skillId, { level, via: "language" });
  }
  return known;
}

/** Skill ids backed by a spoken language, with the language. */
export const languageSkills: ReadonlyArray<readonly [string, LanguageCode]> = skills.flatMap((s) =>
  s.language ? [[s.id, s.language.code] as const] : [],
);

export interface SkillCredit {
  skillId: string;
  credit: number;
  /** How the credit was earned: the skill itself, a related one, or nothing. */
  via: "own" | "language" | "related" | "none";
  /** The related skill that earned it, when via is related. */
  relatedId?: string;
  level?: number;
}

/** Credit for one listed skill: the skill itself at its level, else the best related skill at half credit. */
export function skillCredit(known: ReadonlyMap<string, KnownSkill>, skillId: string, expected: number): SkillCredit {
  const own = known.get(skillId);
  let best: SkillCredit = own
    ? { skillId, credit: levelCredit(own.level, expected), via: own.via, level: own.level }
    : { skillId, credit: 0, via: "none" };
  for (const relatedId of findSkill(skillId)?.related ?? []) {
    const other = known.get(relatedId);
    if (!other) continue;
    const credit = matchTuning.relatedSkillCredit * levelCredit(other.level, expected);
    if (credit > best.credit) best = { skillId, credit, via: "related", relatedId, level: other.level };
  }
  return best;
}

/** Families of neighbouring majors: a student of one can often do the work of another. */
const majorFamilies: Readonly<Record<Major, number>> = {
  it: 0,
  cs: 0,
  se: 0,
  is: 0,
  infosec: 0,
  data_science: 0,
  electronics: 1,
  microelectronics: 1,
  mechatronics: 1,
  automation: 1,
  electrical: 1,
  ecommerce: 2,
  business: 2,
  logistics: 2,
  design: 3,
};

export type MajorFit = "open" | "exact" | "neighbour" | "none";

export function majorFit(listingMajors: readonly Major[], major: Major): MajorFit {
  if (listingMajors.length === 0) return "open";
  let fit: MajorFit = "none";
  for (const listed of listingMajors) {
    if (listed === major) return "exact";
    if (majorFamilies[listed] === majorFamilies[major]) fit = "neighbour";
  }
  return fit;
}

export function majorCredit(fit: MajorFit): number {
  return fit === "none" ? 0 : fit === "neighbour" ? matchTuning.neighbouringMajorCredit : 1;
}

/** Bit of each major, for the listing index. */
export const majorBit: Readonly<Record<Major, number>> = Object.fromEntries(
  majorIds.map((m, i) => [m, 1 << i]),
) as Record<Major, number>;
/** Bits of each major's family. */
export const majorFamilyBits: Readonly<Record<Major, number>> = Object.fromEntries(
  majorIds.map((m) => [
    m,
    majorIds.filter((o) => majorFamilies[o] === majorFamilies[m]).reduce((b, o) => b | majorBit[o], 0),
  ]),
) as Record<Major, number>;

/**
 * When a listing takes place. Visits: their session dates (attending one is enough). Internships and other
 * listings with a duration: from the day after the deadline for that many weeks, the platform's convention for
 * "starts when applications close". Otherwise unknown, and availability does not count against the student.
 */
export type ListingPeriod = { kind: "sessions"; days: number[] } | { kind: "range"; start: number; end: number };

export function listingPeriod(
  listing: Pick<MatchListing, "sessions" | "durationWeeks" | "deadline">,
): ListingPeriod | null {
  if (listing.sessions && listing.sessions.length > 0) {
    return { kind: "sessions", days: listing.sessions.map((s) => dayNumber(s.date)) };
  }
  if (listing.durationWeeks) {
    const start = dayNumber(listing.deadline) + 1;
    return { kind: "range", start, end: start + listing.durationWeeks * 7 - 1 };
  }
  return null;
}

export type AvailabilityFit =
  | { kind: "no_period"; credit: number }
  | { kind: "unknown"; credit: number }
  | { kind: "sessions"; credit: number }
  | { kind: "range"; credit: number; share: number };

/**
 * Share of the listing's period the student is free for: any session date for visits, the overlap of the date
 * ranges otherwise. An open end of the student's availability is unbounded; neither end: the student has not said.
 */
export function availabilityCredit(
  period: ListingPeriod | null,
  availableFrom: string | undefined,
  availableTo: string | undefined,
): number {
  if (!period) return 1;
  if (!availableFrom && !availableTo) return matchTuning.unknownAvailabilityCredit;
  const from = availableFrom ? dayNumber(availableFrom) : Number.NEGATIVE_INFINITY;
  const to = availableTo ? dayNumber(availableTo) : Number.POSITIVE_INFINITY;
  if (period.kind === "sessions") {
    for (const day of period.days) if (day >= from && day <= to) return 1;
    return 0;
  }
  const overlap = Math.max(0, Math.min(to, period.end) - Math.max(from, period.start) + 1);
  return overlap / (period.end - period.start + 1);
}

export function availabilityFit(
  period: ListingPeriod | null,
  student: Pick<MatchStudent, "availableFrom" | "availableTo">,
): AvailabilityFit {
  const credit = availabilityCredit(period, student.availableFrom, student.availableTo);
  if (!period) return { kind: "no_period", credit };
  if (!student.availableFrom && !student.availableTo) return { kind: "unknown", credit };
  return period.kind === "sessions" ? { kind: "sessions", credit } : { kind: "range", credit, share: credit };
}

export function yearAllowed(years: readonly number[], year: number): boolean {
  return years.length === 0 || years.includes(year);
}

export function yearAndAvailabilityCredit(allowed: boolean, availability: number): number {
  return matchTuning.yearShare * (allowed ? 1 : 0) + (1 - matchTuning.yearShare) * availability;
}

const parkCommune = new Map<string, string>(industrialParks.map((p) => [p.id, p.communeId]));

/** The communes a listing is in: its own and its industrial park's (the same in well-formed data). */
export function listingCommunes(listing: Pick<MatchListing, "communeId" | "industrialParkId">): string[] {
  const park = listing.industrialParkId ? parkCommune.get(listing.industrialParkId) : undefined;
  return park && park !== listing.communeId ? [listing.communeId, park] : [listing.communeId];
}

export type LocationFit = "remote" | "reachable" | "hybrid_unreachable" | "unreachable" | "unknown";

export function locationFit(
  workMode: MatchListing["workMode"],
  communes: readonly string[],
  reachable: readonly string[],
): LocationFit {
  if (workMode === "remote") return "remote";
  if (reachable.length === 0) return "unknown";
  for (const commune of communes) for (const r of reachable) if (r === commune) return "reachable";
  return workMode === "hybrid" ? "hybrid_unreachable" : "unreachable";
}

export function locationCredit(fit: LocationFit): number {
  switch (fit) {
    case "remote":
    case "reachable":
      return 1;
    case "hybrid_unreachable":
      return matchTuning.hybridUnreachableCredit;
    case "unknown":
      return matchTuning.unknownLocationCredit;
    case "unreachable":
      return 0;
  }
}

export interface LanguageNeed {
  code: LanguageCode;
  level: LanguageLevel;
}

/** The spoken languages a listing needs: those of its language-backed skills, at the highest level asked. */
export function languageNeeds(listing: Pick<MatchListing, "requiredSkills" | "preferredSkills">): LanguageNeed[] {
  const needs = new Map<LanguageCode, LanguageLevel>();
  for (const id of [...listing.requiredSkills, ...listing.preferredSkills]) {
    const language = findSkill(id)?.language;
    if (!language) continue;
    const current = needs.get(language.code);
    if (!current || languageRanks[language.level] > languageRanks[current]) needs.set(language.code, language.level);
  }
  return [...needs].map(([code, level]) => ({ code, level }));
}

/** Credit for one need: met, one level short, or not met. */
export function languageNeedCredit(need: LanguageNeed, spoken: LanguageLevel | undefined): number {
  if (!spoken) return 0;
  const gap = languageRanks[need.level] - languageRanks[spoken];
  return gap <= 0 ? 1 : gap === 1 ? matchTuning.languageOneLevelBelowCredit : 0;
}

export function languageCredit(needs: readonly LanguageNeed[], languages: MatchStudent["languages"]): number {
  if (needs.length === 0) return 1;
  let sum = 0;
  for (const need of needs) {
    let spoken: LanguageLevel | undefined;
    for (const l of languages) if (l.code === need.code) spoken = l.level;
    sum += languageNeedCredit(need, spoken);
  }
  return sum / needs.length;
}

/** Seats a listing offers: its positions, else its sessions' seats; undefined when it does not say (no limit). */
export function listingCapacity(listing: Pick<MatchListing, "positions" | "sessions">): number | undefined {
  if (listing.positions !== undefined) return listing.positions;
  if (listing.sessions && listing.sessions.length > 0) return listing.sessions.reduce((sum, s) => sum + s.seats, 0);
  return undefined;
}

import type { ListingType } from "../catalog";

/**
 * The points each component of a match can earn; they add up to 100. This is the one place to tune the balance
 * between skills, major, timing, place and language (docs/matching.md explains each choice).
 */
export const matchWeights = {
  /** Share of the listing's required skills the student covers (partial credit: related skills, lower level). */
  requiredSkills: 40,
  /** Same, for preferred skills. */
  preferredSkills: 15,
  /** The student's major is one the listing names, or a neighbouring one. */
  major: 15,
  /** The study year is allowed, and the student is free during the listing's period. */
  yearAndAvailability: 10,
  /** The student can reach the listing's commune or industrial park (remote work is always reachable). */
  location: 12,
  /** The student speaks the languages the listing's skills call for. */
  language: 8,
} as const;

export type MatchComponent = keyof typeof matchWeights;
export const matchComponents = Object.keys(matchWeights) as MatchComponent[];

/** Partial-credit rules and the demand-damping constants, next to the weights they scale. */
export const matchTuning = {
  /**
   * Skill credit of a listing that names no required (or no preferred) skills: nothing to match on, so half,
   * which keeps open events from outranking listings that fit the student's skills.
   */
  noSkillsListedCredit: 0.5,
  /** A related skill (Kubernetes for Docker) counts for this share of the skill itself. */
  relatedSkillCredit: 0.5,
  /** Each level (1–5) below the expected one costs this share of the skill's credit… */
  shortfallPerLevel: 0.25,
  /** …down to this floor: knowing a skill a little is worth more than not knowing it. */
  minimumLevelCredit: 0.5,
  /** The level a listing of each type expects when it names a skill (listings carry no level of their own). */
  expectedLevel: { job: 3, internship: 2, training: 1, visit: 1, event: 1, volunteer: 1 } satisfies Record<
    ListingType,
    number
  >,
  /** A major in the same family as a listed one (computing, electronics, business, design) earns this share. */
  neighbouringMajorCredit: 0.5,
  /** Share of `yearAndAvailability` earned by an allowed year; the rest measures the availability overlap. */
  yearShare: 0.3,
  /** Availability credit when the student has not said when they are free but the listing has a period. */
  unknownAvailabilityCredit: 0.5,
  /** Location credit for a hybrid listing outside the student's reachable communes (only some days on site). */
  hybridUnreachableCredit: 0.5,
  /** Location credit when the student has not listed any reachable commune. */
  unknownLocationCredit: 0.5,
  /** Language credit when the student speaks the language one level below what is needed. */
  languageOneLevelBelowCredit: 0.5,
  /**
   * Demand damping: rank = score × 1 / (1 + alpha × max(0, applications / seats − beta)).
   * Up to `beta` applications per seat is ordinary competition and costs nothing.
   */
  demandAlpha: 0.25,
  demandBeta: 2,
} as const;

import type { Listing } from "../schemas/listing";
import type { StudentProfile } from "../schemas/student";
import type { MatchComponent } from "./weights";

/** The listing fields matching reads; a full `Listing` fits. */
export type MatchListing = Pick<
  Listing,
  | "id"
  | "type"
  | "status"
  | "requiredSkills"
  | "preferredSkills"
  | "majors"
  | "years"
  | "communeId"
  | "industrialParkId"
  | "workMode"
  | "deadline"
  | "positions"
  | "durationWeeks"
  | "sessions"
>;

/** The profile fields matching reads; a full `StudentProfile` fits. */
export type MatchStudent = Pick<
  StudentProfile,
  "userId" | "major" | "year" | "skills" | "languages" | "availableFrom" | "availableTo" | "reachableCommunes"
>;

/** A student as a recruiter-side ranking sees them: recommendations need their consent. */
export type MatchCandidate = MatchStudent & {
  consents: { recommendToRecruiters: { granted: boolean } };
};

/** How busy a listing is: applications received and seats already taken (accepted offers, booked seats). */
export interface ListingDemand {
  applications: number;
  filled?: number;
}

/** A text in both languages of the app. */
export interface Localized {
  vi: string;
  en: string;
}

/** Why a listing is not shown to a student, or a student not to a recruiter. */
export type ExclusionReason =
  | "not_published"
  | "deadline_passed"
  | "no_seats_left"
  | "year_not_allowed"
  | "already_applied"
  | "no_consent";

export interface Exclusion extends Localized {
  reason: ExclusionReason;
}

export interface ComponentScore {
  component: MatchComponent;
  /** Points earned, rounded to 0.1; at most `max`. */
  points: number;
  max: number;
  explanation: Localized;
}

/** A skill that would raise the score: missing required skills first, then preferred ones. */
export interface LearningSuggestion extends Localized {
  skillId: string;
  for: "required" | "preferred";
  /** missing: not known at all; related_only: only a related skill is known; below_level: known below expectation. */
  kind: "missing" | "related_only" | "below_level";
  /** Points the score would gain with the skill at the expected level. */
  gain: number;
}

export interface MatchScore {
  /** 0–100: the sum of the components' rounded points. */
  total: number;
  components: ComponentScore[];
  /** The components' explanations joined into sentences. */
  explanation: Localized;
  toLearn: LearningSuggestion[];
  /** Hard filters that apply; a match with any is not recommended. */
  exclusions: Exclusion[];
  eligible: boolean;
}

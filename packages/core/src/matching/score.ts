import {
  type AvailabilityFit,
  availabilityFit,
  dayNumber,
  expectedLevelOf,
  knownSkillsOf,
  type LanguageNeed,
  type LocationFit,
  languageCredit,
  languageNeeds,
  listingCapacity,
  listingCommunes,
  listingPeriod,
  locationCredit,
  locationFit,
  type MajorFit,
  majorCredit,
  majorFit,
  type SkillCredit,
  skillCredit,
  vietnamDay,
  yearAllowed,
  yearAndAvailabilityCredit,
} from "./components";
import {
  exclusionText,
  languageText,
  locationText,
  majorText,
  preferredSkillsText,
  requiredSkillsText,
  sentences,
  skillLabel,
  yearAndAvailabilityText,
} from "./messages";
import type {
  ComponentScore,
  Exclusion,
  ExclusionReason,
  LearningSuggestion,
  ListingDemand,
  MatchCandidate,
  MatchListing,
  MatchScore,
  MatchStudent,
} from "./types";
import { type MatchComponent, matchComponents, matchTuning, matchWeights } from "./weights";

/** What scoring needs of a listing, worked out once per listing rather than once per student. */
export interface ListingProfile<L extends MatchListing = MatchListing> {
  listing: L;
  expected: number;
  communes: string[];
  needs: LanguageNeed[];
  capacity: number | undefined;
  deadlineDay: number;
  period: ReturnType<typeof listingPeriod>;
}

export function profileListing<L extends MatchListing>(listing: L): ListingProfile<L> {
  return {
    listing,
    expected: expectedLevelOf(listing),
    communes: listingCommunes(listing),
    needs: languageNeeds(listing),
    capacity: listingCapacity(listing),
    deadlineDay: dayNumber(listing.deadline),
    period: listingPeriod(listing),
  };
}

interface Evaluation {
  required: SkillCredit[];
  preferred: SkillCredit[];
  major: MajorFit;
  yearAllowed: boolean;
  availability: AvailabilityFit;
  location: LocationFit;
  language: number;
  points: Record<MatchComponent, number>;
}

const meanCredit = (credits: readonly SkillCredit[]) =>
  credits.length === 0
    ? matchTuning.noSkillsListedCredit
    : credits.reduce((sum, c) => sum + c.credit, 0) / credits.length;

function evaluate(student: MatchStudent, profile: ListingProfile): Evaluation {
  const { listing, expected } = profile;
  const known = knownSkillsOf(student);
  const required = listing.requiredSkills.map((id) => skillCredit(known, id, expected));
  const preferred = listing.preferredSkills.map((id) => skillCredit(known, id, expected));
  const major = majorFit(listing.majors, student.major);
  const allowed = yearAllowed(listing.years, student.year);
  const availability = availabilityFit(profile.period, student);
  const location = locationFit(listing.workMode, profile.communes, student.reachableCommunes);
  const language = languageCredit(profile.needs, student.languages);
  return {
    required,
    preferred,
    major,
    yearAllowed: allowed,
    availability,
    location,
    language,
    points: {
      requiredSkills: matchWeights.requiredSkills * meanCredit(required),
      preferredSkills: matchWeights.preferredSkills * meanCredit(preferred),
      major: matchWeights.major * majorCredit(major),
      yearAndAvailability: matchWeights.yearAndAvailability * yearAndAvailabilityCredit(allowed, availability.credit),
      location: matchWeights.location * locationCredit(location),
      language: matchWeights.language * language,
    },
  };
}

/**
 * The unrounded score (0–100) of a student for a listing, hard filters aside: what rankings sort by.
 * @example matchPoints(student, listing) // 83.75
 */
export function matchPoints(student: MatchStudent, listing: MatchListing | ListingProfile): number {
  const profile = "listing" in listing ? listing : profileListing(listing);
  const { points } = evaluate(student, profile);
  return matchComponents.reduce((sum, c) => sum + points[c], 0);
}

/** Which side is asking: a student browsing listings, or a recruiter looking at candidates. */
export type MatchAudience =
  | {
      side: "student";
      now: Date;
      demand?: ListingDemand;
      alreadyApplied?: boolean;
    }
  | { side: "recruiter" };

/** The hard filters that exclude this pairing for the given audience, as reason codes. */
export function exclusionReasons(
  student: MatchStudent | MatchCandidate,
  profile: ListingProfile,
  audience: MatchAudience,
): ExclusionReason[] {
  const { listing } = profile;
  const reasons: ExclusionReason[] = [];
  if (audience.side === "student") {
    if (listing.status !== "published") reasons.push("not_published");
    if (vietnamDay(audience.now) > profile.deadlineDay) reasons.push("deadline_passed");
    if (profile.capacity !== undefined && (audience.demand?.filled ?? 0) >= profile.capacity) {
      reasons.push("no_seats_left");
    }
  }
  if (!yearAllowed(listing.years, student.year)) reasons.push("year_not_allowed");
  if (audience.side === "student" && audience.alreadyApplied) reasons.push("already_applied");
  if (audience.side === "recruiter" && "consents" in student && !student.consents.recommendToRecruiters.granted) {
    reasons.push("no_consent");
  }
  return reasons;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function learningSuggestions(evaluation: Evaluation, listing: MatchListing): LearningSuggestion[] {
  const suggest = (credits: readonly SkillCredit[], kind: "required" | "preferred", weight: number) =>
    credits
      .map((c, order) => ({ c, order }))
      .filter(({ c }) => c.credit < 1)
      .map(({ c, order }) => ({
        suggestion: {
          skillId: c.skillId,
          vi: skillLabel(c.skillId, "vi"),
          en: skillLabel(c.skillId, "en"),
          for: kind,
          kind: c.via === "none" ? "missing" : c.via === "related" ? "related_only" : "below_level",
          gain: round1((weight * (1 - c.credit)) / credits.length),
        } satisfies LearningSuggestion,
        order,
      }))
      .sort((a, b) => b.suggestion.gain - a.suggestion.gain || a.order - b.order)
      .map(({ suggestion }) => suggestion);
  return [
    ...suggest(evaluation.required, "required", matchWeights.requiredSkills),
    ...suggest(evaluation.preferred, "preferred", matchWeights.preferredSkills).filter(
      (s) => !listing.requiredSkills.includes(s.skillId),
    ),
  ];
}

/**
 * Scores a student against a listing: every component with its points and its explanation in Vietnamese and
 * English, what to learn to fit better, and the hard filters that apply for the audience.
 * @example
 * const result = scoreMatch(student, listing, { side: "student", now: new Date() });
 * result.components[0].explanation.vi // "khớp 4/5 kỹ năng bắt buộc; thiếu: Docker"
 */
export function scoreMatch(
  student: MatchStudent | MatchCandidate,
  listing: MatchListing | ListingProfile,
  audience: MatchAudience,
): MatchScore {
  const profile = "listing" in listing ? listing : profileListing(listing);
  const l = profile.listing;
  const evaluation = evaluate(student, profile);
  // A recruiter reads about the student ("Sinh viên đi được tới…"); the student is addressed ("Bạn đi được tới…").
  const reader = audience.side;
  const texts = {
    requiredSkills: requiredSkillsText(evaluation.required, profile.expected, reader),
    preferredSkills: preferredSkillsText(evaluation.preferred, profile.expected, reader),
    major: majorText(evaluation.major, student.major, l.majors, reader),
    yearAndAvailability: yearAndAvailabilityText(
      student.year,
      l.years,
      evaluation.yearAllowed,
      evaluation.availability,
      reader,
    ),
    location: locationText(evaluation.location, l.communeId, l.industrialParkId, reader),
    language: languageText(profile.needs, (code) => student.languages.find((s) => s.code === code)?.level, reader),
  } satisfies Record<MatchComponent, unknown>;
  const components: ComponentScore[] = matchComponents.map((component) => ({
    component,
    points: round1(evaluation.points[component]),
    max: matchWeights[component],
    explanation: texts[component],
  }));
  const exclusions: Exclusion[] = exclusionReasons(student, profile, audience).map((reason) => ({
    reason,
    ...exclusionText(reason, { deadline: l.deadline, years: l.years }, reader),
  }));
  return {
    total: round1(components.reduce((sum, c) => sum + c.points, 0)),
    components,
    explanation: {
      vi: sentences(components.map((c) => c.explanation.vi)),
      en: sentences(components.map((c) => c.explanation.en)),
    },
    toLearn: learningSuggestions(evaluation, l),
    exclusions,
    eligible: exclusions.length === 0,
  };
}

import {
  dayNumber,
  languageSkills,
  levelCredit,
  majorBit,
  majorFamilyBits,
  skillLevelOfLanguage,
  vietnamDay,
  yearAndAvailabilityCredit,
} from "./components";
import { demandDamping } from "./demand";
import {
  communeIndexById,
  indexListings,
  type ListingIndex,
  languageCodes,
  languageRank,
  maxExpectedLevel,
  relatedIndices,
  skillCount,
  skillIndexById,
} from "./listing-index";
import { scoreMatch } from "./score";
import { TopK } from "./top-k";
import type { ListingDemand, MatchListing, MatchScore, MatchStudent } from "./types";
import { matchTuning, matchWeights } from "./weights";

export interface RecommendOptions {
  now: Date;
  /** How many listings to return (20 by default). */
  limit?: number;
  /** Applications and filled seats per listing id, for the seat filter and demand damping. */
  demand?: ReadonlyMap<string, ListingDemand>;
  /** Listings the student already applied to: not recommended again. */
  appliedListingIds?: ReadonlySet<string>;
}

export interface ListingRecommendation<L extends MatchListing = MatchListing> {
  listing: L;
  /** The fit, explained; its total is not damped. */
  score: MatchScore;
  /** The demand damping factor (1 when the listing is not over-applied). */
  damping: number;
  /** What the list is ordered by: the unrounded score times the damping. */
  rank: number;
}

const indexCache = new WeakMap<readonly MatchListing[], ListingIndex>();
const demandCache = new WeakMap<
  ReadonlyMap<string, ListingDemand>,
  { index: ListingIndex; applications: Float64Array; filled: Float64Array }
>();

/**
 * Demand laid out like the index (one lookup per listing, once per demand map rather than once per query), so
 * callers must pass a new map when demand changes.
 */
function demandOf(index: ListingIndex, demand: ReadonlyMap<string, ListingDemand> | undefined) {
  if (!demand) return undefined;
  const cached = demandCache.get(demand);
  if (cached?.index === index) return cached;
  const applications = new Float64Array(index.size);
  const filled = new Float64Array(index.size);
  index.ids.forEach((id, j) => {
    const d = demand.get(id);
    applications[j] = d?.applications ?? 0;
    filled[j] = d?.filled ?? 0;
  });
  const laidOut = { index, applications, filled };
  demandCache.set(demand, laidOut);
  return laidOut;
}

function isIndex<L extends MatchListing>(value: readonly L[] | ListingIndex<L>): value is ListingIndex<L> {
  return "profiles" in value;
}

/**
 * An array of listings is indexed on first use and the index kept for as long as the array lives, so callers
 * must pass a new array when listings change (or build the index themselves with `indexListings`).
 */
function indexOf<L extends MatchListing>(listings: readonly L[] | ListingIndex<L>): ListingIndex<L> {
  if (isIndex(listings)) return listings;
  let index = indexCache.get(listings) as ListingIndex<L> | undefined;
  if (!index) {
    index = indexListings(listings);
    indexCache.set(listings, index);
  }
  return index;
}

/**
 * The listings a student can still apply to, best first, each with its explanation: published, deadline not
 * passed (Vietnam time), seats left, year allowed, not already applied. Over-applied listings are damped
 * (`demandDamping`) so that recommendations spread over firms.
 * @example recommendListingsForStudent(student, listings, { now: new Date(), limit: 20, demand })
 */
export function recommendListingsForStudent<L extends MatchListing>(
  student: MatchStudent,
  listings: readonly L[] | ListingIndex<L>,
  options: RecommendOptions,
): ListingRecommendation<L>[] {
  const index = indexOf(listings);
  const n = index.size;

  // Each skill's credit at each expected level, through the student's own skills and their related ones.
  const credit = new Float64Array((maxExpectedLevel + 1) * skillCount);
  const touched = new Uint8Array(skillCount);
  const touchedList: number[] = [];
  const know = (k: number, level: number) => {
    for (let e = 1; e <= maxExpectedLevel; e++) {
      const own = levelCredit(level, e);
      const at = e * skillCount;
      if (own > credit[at + k]!) credit[at + k] = own;
      const viaRelated = matchTuning.relatedSkillCredit * own;
      for (const r of relatedIndices[k]!) if (viaRelated > credit[at + r]!) credit[at + r] = viaRelated;
    }
    for (const r of [k, ...relatedIndices[k]!]) {
      if (!touched[r]) touchedList.push(r);
      touched[r] = 1;
    }
  };
  for (const skill of student.skills) {
    const k = skillIndexById.get(skill.id);
    if (k !== undefined) know(k, skill.level);
  }
  for (const [skillId, code] of languageSkills) {
    const spoken = student.languages.find((l) => l.code === code);
    if (spoken) know(skillIndexById.get(skillId)!, skillLevelOfLanguage[spoken.level]);
  }

  // Skill sums through the inverted index: only listings sharing a skill are touched.
  const { requiredSum, preferredSum } = index;
  requiredSum.fill(0);
  preferredSum.fill(0);
  for (const k of touchedList) {
    for (let p = index.requiredStart[k]!; p < index.requiredStart[k + 1]!; p++) {
      const j = index.requiredPosting[p]!;
      requiredSum[j]! += credit[index.expected[j]! * skillCount + k]!;
    }
    for (let p = index.preferredStart[k]!; p < index.preferredStart[k + 1]!; p++) {
      const j = index.preferredPosting[p]!;
      preferredSum[j]! += credit[index.expected[j]! * skillCount + k]!;
    }
  }

  const ownMajor = majorBit[student.major];
  const familyMajors = majorFamilyBits[student.major];
  const yearBit = 1 << student.year;
  const reachable = new Uint8Array(communeIndexById.size);
  for (const c of student.reachableCommunes) {
    const i = communeIndexById.get(c);
    if (i !== undefined) reachable[i] = 1;
  }
  const anyReachable = student.reachableCommunes.length > 0;
  const { availableFrom, availableTo } = student;
  const declared = Boolean(availableFrom || availableTo);
  const availableStart = availableFrom ? dayNumber(availableFrom) : Number.NEGATIVE_INFINITY;
  const availableEnd = availableTo ? dayNumber(availableTo) : Number.POSITIVE_INFINITY;
  const spokenRank = new Uint8Array(languageCodes.length);
  for (const l of student.languages) spokenRank[languageCodes.indexOf(l.code)] = languageRank[l.level];
  const today = vietnamDay(options.now);
  const { demand, appliedListingIds } = options;
  const demandAt = demandOf(index, demand);
  const top = new TopK(options.limit ?? 20);

  for (let j = 0; j < n; j++) {
    if (!index.published[j] || today > index.deadlineDay[j]!) continue;
    const years = index.yearMask[j]!;
    if (years !== 0 && (years & yearBit) === 0) continue;
    const seats = index.capacity[j]!;
    if (seats >= 0 && demandAt && demandAt.filled[j]! >= seats) continue;
    if (appliedListingIds?.has(index.ids[j]!)) continue;

    const required = index.requiredCount[j]!;
    const preferred = index.preferredCount[j]!;
    const majors = index.majorMask[j]!;
    const majorShare =
      majors === 0 || (majors & ownMajor) !== 0
        ? 1
        : (majors & familyMajors) !== 0
          ? matchTuning.neighbouringMajorCredit
          : 0;

    let availability = 1;
    const kind = index.periodKind[j]!;
    if (kind !== 0) {
      if (!declared) availability = matchTuning.unknownAvailabilityCredit;
      else if (kind === 1) {
        const start = index.periodStart[j]!;
        const end = index.periodEnd[j]!;
        availability =
          Math.max(0, Math.min(availableEnd, end) - Math.max(availableStart, start) + 1) / (end - start + 1);
      } else {
        availability = 0;
        for (let s = index.sessionStart[j]!; s < index.sessionStart[j + 1]!; s++) {
          const day = index.sessionDays[s]!;
          if (day >= availableStart && day <= availableEnd) {
            availability = 1;
            break;
          }
        }
      }
    }

    const mode = index.workMode[j]!;
    const b = index.communeB[j]!;
    const location =
      mode === 2
        ? 1
        : !anyReachable
          ? matchTuning.unknownLocationCredit
          : reachable[index.communeA[j]!] === 1 || (b >= 0 && reachable[b] === 1)
            ? 1
            : mode === 1
              ? matchTuning.hybridUnreachableCredit
              : 0;

    let language = 1;
    const needsFrom = index.needStart[j]!;
    const needsTo = index.needStart[j + 1]!;
    if (needsTo > needsFrom) {
      let sum = 0;
      for (let i = needsFrom; i < needsTo; i++) {
        const have = spokenRank[index.needCode[i]!]!;
        const gap = index.needRank[i]! - have;
        sum += have === 0 ? 0 : gap <= 0 ? 1 : gap === 1 ? matchTuning.languageOneLevelBelowCredit : 0;
      }
      language = sum / (needsTo - needsFrom);
    }

    const score =
      matchWeights.requiredSkills * (required === 0 ? matchTuning.noSkillsListedCredit : requiredSum[j]! / required) +
      matchWeights.preferredSkills *
        (preferred === 0 ? matchTuning.noSkillsListedCredit : preferredSum[j]! / preferred) +
      matchWeights.major * majorShare +
      matchWeights.yearAndAvailability * yearAndAvailabilityCredit(true, availability) +
      matchWeights.location * location +
      matchWeights.language * language;
    top.offer(score * (demandAt ? demandDamping(demandAt.applications[j]!, seats >= 0 ? seats : undefined) : 1), j);
  }

  return top.sorted().map(({ score: rank, position: j }) => {
    const profile = index.profiles[j]!;
    const listingDemand = demand?.get(profile.listing.id);
    return {
      listing: profile.listing,
      score: scoreMatch(student, profile, { side: "student", now: options.now, demand: listingDemand }),
      damping: demandDamping(listingDemand?.applications ?? 0, profile.capacity),
      rank,
    };
  });
}

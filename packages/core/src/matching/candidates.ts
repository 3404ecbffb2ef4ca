import { findSkill } from "../skills";
import {
  availabilityCredit,
  languageCredit,
  languageSkills,
  levelCredit,
  locationCredit,
  locationFit,
  majorCredit,
  majorFit,
  skillLevelOfLanguage,
  yearAllowed,
  yearAndAvailabilityCredit,
} from "./components";
import { profileListing, scoreMatch } from "./score";
import { TopK } from "./top-k";
import type { MatchCandidate, MatchListing, MatchScore } from "./types";
import { matchTuning, matchWeights } from "./weights";

/** Raises each hit slot's credit to `own` times the hit's factor, if that is more than it has. */
function creditSlots(slotCredit: Float64Array, hits: ReadonlyArray<readonly [number, number]>, own: number): void {
  for (const [slot, factor] of hits) if (own * factor > slotCredit[slot]!) slotCredit[slot] = own * factor;
}

export interface CandidateRecommendation<S extends MatchCandidate = MatchCandidate> {
  student: S;
  score: MatchScore;
}

/**
 * The best candidates for a listing among students who consented to be recommended to recruiters, each with
 * its explanation; students of a year the listing does not take are left out.
 * @example rankCandidatesForListing(listing, students, { limit: 50 })[0].score.explanation.vi
 */
export function rankCandidatesForListing<S extends MatchCandidate>(
  listing: MatchListing,
  students: readonly S[],
  options: { limit?: number } = {},
): CandidateRecommendation<S>[] {
  const profile = profileListing(listing);
  const { expected, needs, communes, period } = profile;
  const required = listing.requiredSkills.length;
  const preferred = listing.preferredSkills.length;

  // Slot i is the i-th required skill, then the preferred ones; each skill id that earns credit for a slot maps
  // to it with its factor (1 itself, the related credit for a related skill).
  const slots = new Map<string, Array<readonly [number, number]>>();
  const addSlot = (id: string, slot: number, factor: number) =>
    slots.set(id, [...(slots.get(id) ?? []), [slot, factor]]);
  [...listing.requiredSkills, ...listing.preferredSkills].forEach((id, slot) => {
    addSlot(id, slot, 1);
    for (const related of findSkill(id)?.related ?? []) addSlot(related, slot, matchTuning.relatedSkillCredit);
  });
  const languageSlots = languageSkills.flatMap(([skillId, code]) => {
    const hits = slots.get(skillId);
    return hits ? [{ code, hits }] : [];
  });
  const slotCredit = new Float64Array(required + preferred);
  const top = new TopK(options.limit ?? 20);

  // A plain loop with no closures created per student: this runs 100,000 times per ranking.
  for (let position = 0; position < students.length; position++) {
    const student = students[position]!;
    if (!student.consents.recommendToRecruiters.granted || !yearAllowed(listing.years, student.year)) continue;
    slotCredit.fill(0);
    for (const skill of student.skills) {
      const hits = slots.get(skill.id);
      if (hits) creditSlots(slotCredit, hits, levelCredit(skill.level, expected));
    }
    for (const { code, hits } of languageSlots) {
      for (const spoken of student.languages) {
        if (spoken.code === code)
          creditSlots(slotCredit, hits, levelCredit(skillLevelOfLanguage[spoken.level], expected));
      }
    }
    let requiredSum = 0;
    for (let s = 0; s < required; s++) requiredSum += slotCredit[s]!;
    let preferredSum = 0;
    for (let s = required; s < required + preferred; s++) preferredSum += slotCredit[s]!;
    const score =
      matchWeights.requiredSkills * (required === 0 ? matchTuning.noSkillsListedCredit : requiredSum / required) +
      matchWeights.preferredSkills * (preferred === 0 ? matchTuning.noSkillsListedCredit : preferredSum / preferred) +
      matchWeights.major * majorCredit(majorFit(listing.majors, student.major)) +
      matchWeights.yearAndAvailability *
        yearAndAvailabilityCredit(true, availabilityCredit(period, student.availableFrom, student.availableTo)) +
      matchWeights.location * locationCredit(locationFit(listing.workMode, communes, student.reachableCommunes)) +
      matchWeights.language * languageCredit(needs, student.languages);
    top.offer(score, position);
  }

  return top.sorted().map(({ position }) => {
    const student = students[position]!;
    return { student, score: scoreMatch(student, profile, { side: "recruiter" }) };
  });
}

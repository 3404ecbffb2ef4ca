import { type IndexedPlacementInput, type IndexedRankingEntry, PlacementInputError } from "@ketnoi/core";

/** What a run reads for its input: the round's seed and listings, and its students who ranked. */
export interface RoundRecords {
  seed: string;
  /** The students, in the order they take in the round (ascending id, as `roundStudents` returns them). */
  students: ReadonlyArray<{ id: string; choices: readonly string[] }>;
  /** The round's listings with their seats, in the round's order. */
  listings: ReadonlyArray<{ listingId: string; capacity: number }>;
}

/**
 * A listing's ranking of its applicants as positions in `applicants` (the positions of the students who chose it,
 * in student order), best first: a number for one student, an array for a tie group.
 */
export type RankingByPosition = (listing: number, applicants: Int32Array) => readonly IndexedRankingEntry[];

/**
 * The engine's input with integer ids, built once from what the run read: each student and listing is its
 * position; each choice is resolved through a map of the round's listings (thousands of ids, not the students'
 * hundreds of thousands); the applicants of every listing are gathered in one pass over the choices; each ranking
 * comes back from `rankingOf` as positions among those applicants, so no student id is ever looked up. Linear in
 * choices + ranking entries. Throws `PlacementInputError` (`duplicate_listing`, `unknown_listing`) like the engine.
 */
export function indexedPlacementInput(records: RoundRecords, rankingOf: RankingByPosition): IndexedPlacementInput {
  const { students, listings } = records;
  const listingCount = listings.length;
  const listingAt = new Map<string, number>();
  const listingIds = new Array<string>(listingCount);
  const capacities = new Array<number>(listingCount);
  for (let l = 0; l < listingCount; l++) {
    const { listingId, capacity } = listings[l]!;
    if (listingAt.has(listingId)) throw new PlacementInputError("duplicate_listing", listingId);
    listingAt.set(listingId, l);
    listingIds[l] = listingId;
    capacities[l] = capacity;
  }

  const studentCount = students.length;
  const studentIds = new Array<string>(studentCount);
  const choiceStart = new Int32Array(studentCount + 1);
  for (let s = 0; s < studentCount; s++) {
    studentIds[s] = students[s]!.id;
    choiceStart[s + 1] = choiceStart[s]! + students[s]!.choices.length;
  }
  const choices = new Int32Array(choiceStart[studentCount]!);
  const applicantStart = new Int32Array(listingCount + 1);
  for (let s = 0, at = 0; s < studentCount; s++) {
    for (const id of students[s]!.choices) {
      const l = listingAt.get(id);
      if (l === undefined) throw new PlacementInputError("unknown_listing", id);
      choices[at++] = l;
      applicantStart[l + 1]!++;
    }
  }
  for (let l = 0; l < listingCount; l++) applicantStart[l + 1]! += applicantStart[l]!;
  const applicants = new Int32Array(choices.length);
  const cursor = applicantStart.slice(0, listingCount);
  for (let s = 0; s < studentCount; s++) {
    for (let slot = choiceStart[s]!; slot < choiceStart[s + 1]!; slot++) applicants[cursor[choices[slot]!]!++] = s;
  }

  // Room for every applicant and a few tie groups; grown when more is needed, the unused tail cut off at the end.
  let ranking = new Int32Array(choices.length + (choices.length >> 2) + 16);
  const rankingStart = new Int32Array(listingCount + 1);
  let at = 0;
  for (let l = 0; l < listingCount; l++) {
    const own = applicants.subarray(applicantStart[l]!, applicantStart[l + 1]!);
    const studentAt = (position: number) => {
      if (!Number.isInteger(position) || position < 0 || position >= own.length) {
        throw new RangeError(`ranking of ${listingIds[l]}: no applicant at position ${position}`);
      }
      return own[position]!;
    };
    for (const entry of rankingOf(l, own)) {
      if (at + 1 + (typeof entry === "number" ? 0 : entry.length) > ranking.length) {
        const larger = new Int32Array(ranking.length * 2 + 16);
        larger.set(ranking);
        ranking = larger;
      }
      if (typeof entry === "number") ranking[at++] = studentAt(entry);
      else if (entry.length > 0) {
        ranking[at++] = -entry.length;
        for (const position of entry) ranking[at++] = studentAt(position);
      }
    }
    rankingStart[l + 1] = at;
  }
  return {
    seed: records.seed,
    studentIds,
    listingIds,
    capacities,
    choiceStart,
    choices,
    rankingStart,
    ranking: ranking.subarray(0, at),
  };
}

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
  let slotCount = 0;
  for (let s = 0; s < studentCount; s++) slotCount += students[s]!.choices.length;
  // The four arrays the engine hashes, laid out one after the other in one buffer (the engine then uses it as is),
  // with room for every applicant and a few tie groups in the rankings (grown if more is needed). Few, large
  // allocations: each large typed array can make V8 collect the whole heap (external memory pressure), and the
  // heap holds the hundreds of thousands of preferences just read.
  const rankingAt = studentCount + 1 + slotCount + listingCount + 1;
  let encoded = new Int32Array(rankingAt + slotCount + (slotCount >> 2) + 16);
  const choiceStart = encoded.subarray(0, studentCount + 1);
  const choices = encoded.subarray(studentCount + 1, studentCount + 1 + slotCount);
  const studentIds = new Array<string>(studentCount);
  // Scratch: where each listing's applicants start, the applicants listing by listing, a cursor per listing.
  const scratch = new Int32Array(2 * listingCount + 1 + slotCount);
  const applicantStart = scratch.subarray(0, listingCount + 1);
  const cursor = scratch.subarray(listingCount + 1, 2 * listingCount + 1);
  const applicants = scratch.subarray(2 * listingCount + 1);
  for (let s = 0, at = 0; s < studentCount; s++) {
    const student = students[s]!;
    studentIds[s] = student.id;
    for (const id of student.choices) {
      const l = listingAt.get(id);
      if (l === undefined) throw new PlacementInputError("unknown_listing", id);
      choices[at++] = l;
      applicantStart[l + 1]!++;
    }
    choiceStart[s + 1] = at;
  }
  for (let l = 0; l < listingCount; l++) applicantStart[l + 1]! += applicantStart[l]!;
  cursor.set(applicantStart.subarray(0, listingCount));
  for (let s = 0; s < studentCount; s++) {
    for (let slot = choiceStart[s]!; slot < choiceStart[s + 1]!; slot++) applicants[cursor[choices[slot]!]!++] = s;
  }

  let rankingStart = encoded.subarray(studentCount + 1 + slotCount, rankingAt);
  let at = rankingAt;
  for (let l = 0; l < listingCount; l++) {
    const own = applicants.subarray(applicantStart[l]!, applicantStart[l + 1]!);
    const studentAt = (position: number) => {
      if (!Number.isInteger(position) || position < 0 || position >= own.length) {
        throw new RangeError(`ranking of ${listingIds[l]}: no applicant at position ${position}`);
      }
      return own[position]!;
    };
    for (const entry of rankingOf(l, own)) {
      if (at + 1 + (typeof entry === "number" ? 0 : entry.length) > encoded.length) {
        const larger = new Int32Array(encoded.length * 2 + 16);
        larger.set(encoded);
        encoded = larger;
        rankingStart = encoded.subarray(studentCount + 1 + slotCount, rankingAt);
      }
      if (typeof entry === "number") encoded[at++] = studentAt(entry);
      else if (entry.length > 0) {
        encoded[at++] = -entry.length;
        for (const position of entry) encoded[at++] = studentAt(position);
      }
    }
    rankingStart[l + 1] = at - rankingAt;
  }
  return {
    seed: records.seed,
    studentIds,
    listingIds,
    capacities,
    choiceStart: encoded.subarray(0, studentCount + 1),
    choices: encoded.subarray(studentCount + 1, studentCount + 1 + slotCount),
    rankingStart,
    ranking: encoded.subarray(rankingAt, at),
  };
}

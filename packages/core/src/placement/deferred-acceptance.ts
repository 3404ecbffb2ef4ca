import { type CompiledRound, compileIndexedRound, type IndexedPlacementInput, indexPlacementInput } from "./compile";

/** A student's preferences: listing ids, best first. Listings not named are never assigned to them. */
export interface PlacementStudent {
  id: string;
  choices: readonly string[];
}

/** One place in an organisation's ranking: a student, or a group of students it ranks equally. */
export type RankingEntry = string | readonly string[];

/**
 * A participating listing: its seats in the round and the organisation's ranking of students, best first.
 * Students it does not rank are not acceptable to it (a partial list); rank everyone who applied to accept all.
 */
export interface PlacementListing {
  id: string;
  capacity: number;
  ranking: readonly RankingEntry[];
}

export interface PlacementInput {
  /** Published after the preference deadline; orders tied students (see `tieBreakRule`). */
  seed: string;
  students: readonly PlacementStudent[];
  listings: readonly PlacementListing[];
}

export interface Assignment {
  studentId: string;
  listingId: string;
  /** 1 for the student's first choice. */
  choice: number;
}

export interface PlacementOutcome {
  /** In the students' input order. */
  assignments: Assignment[];
  /** Students left without a seat, in input order. */
  unassigned: string[];
  /** Offers made while running: at most the number of choices. */
  proposals: number;
}

/**
 * Student-proposing deferred acceptance on a compiled round: the slot each student keeps (−1 for none), and the
 * number of applications made.
 */
export function deferredAcceptance(round: CompiledRound): { assignedSlot: Int32Array; proposals: number } {
  const { studentCount, listingCount, choiceStart, slotListing, slotApplicant, applicantRank, capacity } = round;
  // Each listing keeps its held slots in a max-heap on rank (rank and student alongside), worst held at the root.
  const heapStart = new Int32Array(listingCount + 1);
  for (let l = 0; l < listingCount; l++) heapStart[l + 1] = heapStart[l]! + capacity[l]!;
  const heapSlot = new Int32Array(heapStart[listingCount]!);
  const heapRank = new Int32Array(heapStart[listingCount]!);
  const heapStudent = new Int32Array(heapStart[listingCount]!);
  const heapSize = new Int32Array(listingCount);
  const next = choiceStart.slice(0, studentCount);
  const free = new Int32Array(studentCount);
  for (let s = 0; s < studentCount; s++) free[s] = studentCount - 1 - s;
  let freeCount = studentCount;
  let proposals = 0;

  while (freeCount > 0) {
    const s = free[--freeCount]!;
    const end = choiceStart[s + 1]!;
    while (next[s]! < end) {
      const slot = next[s]!++;
      const rank = applicantRank[slotApplicant[slot]!]!;
      proposals++;
      if (rank < 0) continue;
      const l = slotListing[slot]!;
      const base = heapStart[l]!;
      const seats = capacity[l]!;
      const size = heapSize[l]!;
      let i: number;
      if (size < seats) {
        i = size;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (heapRank[base + parent]! >= rank) break;
          heapSlot[base + i] = heapSlot[base + parent]!;
          heapRank[base + i] = heapRank[base + parent]!;
          heapStudent[base + i] = heapStudent[base + parent]!;
          i = parent;
        }
        heapSize[l] = size + 1;
      } else {
        if (seats === 0 || heapRank[base]! < rank) continue;
        // The listing prefers this student to its worst held one, who is refused and applies further down.
        free[freeCount++] = heapStudent[base]!;
        i = 0;
        for (;;) {
          const left = 2 * i + 1;
          if (left >= size) break;
          const right = left + 1;
          const child = right < size && heapRank[base + right]! > heapRank[base + left]! ? right : left;
          if (heapRank[base + child]! <= rank) break;
          heapSlot[base + i] = heapSlot[base + child]!;
          heapRank[base + i] = heapRank[base + child]!;
          heapStudent[base + i] = heapStudent[base + child]!;
          i = child;
        }
      }
      heapSlot[base + i] = slot;
      heapRank[base + i] = rank;
      heapStudent[base + i] = s;
      break;
    }
  }

  const assignedSlot = new Int32Array(studentCount).fill(-1);
  for (let l = 0; l < listingCount; l++) {
    for (let i = heapStart[l]!; i < heapStart[l]! + heapSize[l]!; i++) {
      assignedSlot[heapStudent[i]!] = heapSlot[i]!;
    }
  }
  return { assignedSlot, proposals };
}

/** The outcome in ids, from the engine's slots. */
export function outcomeOf(
  input: Pick<IndexedPlacementInput, "studentIds" | "listingIds">,
  round: CompiledRound,
  result: ReturnType<typeof deferredAcceptance>,
): PlacementOutcome {
  const { studentIds, listingIds } = input;
  const assignments: Assignment[] = [];
  const unassigned: string[] = [];
  for (let s = 0; s < round.studentCount; s++) {
    const slot = result.assignedSlot[s]!;
    if (slot < 0) unassigned.push(studentIds[s]!);
    else {
      assignments.push({
        studentId: studentIds[s]!,
        listingId: listingIds[round.slotListing[slot]!]!,
        choice: slot - round.choiceStart[s]! + 1,
      });
    }
  }
  return { assignments, unassigned, proposals: result.proposals };
}

/**
 * Places students with student-proposing deferred acceptance with capacities (Gale–Shapley, hospitals/residents).
 *
 * Every student applies to their best listing not yet refused; each listing keeps its best applicants up to its
 * capacity and refuses the rest, a refusal sending the student on to their next choice. When nobody is left to
 * apply, the kept applications are final. The result is stable, respects capacities and both sides' lists, and
 * is the best stable result for every student at once. It does not depend on the order of the input arrays.
 *
 * O(choices + ranking entries + proposals · log capacity), on typed arrays after one pass over the ids.
 * Throws `PlacementInputError` on inputs it cannot run on (duplicate or unknown ids, negative capacity).
 * @example placeStudents({ seed: "r1", students: [{ id: "a", choices: ["x"] }], listings: [{ id: "x", capacity: 1, ranking: ["a"] }] })
 */
export function placeStudents(input: PlacementInput): PlacementOutcome {
  const indexed = indexPlacementInput(input);
  const round = compileIndexedRound(indexed, { idsChecked: true });
  return outcomeOf(indexed, round, deferredAcceptance(round));
}

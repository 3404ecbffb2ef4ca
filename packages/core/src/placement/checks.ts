import type { Assignment, PlacementInput } from "./deferred-acceptance";
import { tieBreakHasher } from "./tie-break";

export interface PlacementCheck {
  /** No blocking pair, capacities respected, every assignment ranked by both sides. */
  valid: boolean;
  /** Student–listing pairs that both prefer each other to what they got (first 20). */
  blockingPairs: Array<{ studentId: string; listingId: string }>;
  blockingPairCount: number;
  overCapacity: string[];
  /** Assignments to a listing the student did not rank. */
  notChosen: Assignment[];
  /** Assignments of a student the listing did not rank. */
  notAcceptable: Assignment[];
  /** Students assigned twice. */
  assignedTwice: string[];
}

/**
 * Checks a result against its inputs, independently of the engine: stability (no blocking pair), capacities,
 * and that each assignment was ranked by both sides. O(choices + ranking entries): each listing's ranking is read
 * once into a scratch array, then the students who applied to it are checked against its worst kept rank.
 * @example checkPlacement(input, placeStudents(input)).valid // true
 */
export function checkPlacement(input: PlacementInput, assignments: readonly Assignment[]): PlacementCheck {
  const { students, listings, seed } = input;
  const studentAt = new Map(students.map((s, i) => [s.id, i]));
  const listingAt = new Map(listings.map((l, i) => [l.id, i]));
  const check: PlacementCheck = {
    valid: true,
    blockingPairs: [],
    blockingPairCount: 0,
    overCapacity: [],
    notChosen: [],
    notAcceptable: [],
    assignedTwice: [],
  };

  // Where each student landed, as a position in their own list (list length when unassigned).
  const assignedListing = new Int32Array(students.length).fill(-1);
  const assignedPosition = Int32Array.from(students, (s) => s.choices.length);
  const assignedCount = new Int32Array(listings.length);
  for (const a of assignments) {
    const s = studentAt.get(a.studentId)!;
    const l = listingAt.get(a.listingId)!;
    if (assignedListing[s] !== -1) check.assignedTwice.push(a.studentId);
    assignedListing[s] = l;
    assignedCount[l]!++;
    const position = students[s]!.choices.indexOf(a.listingId);
    if (position < 0) check.notChosen.push(a);
    else assignedPosition[s] = position;
  }
  listings.forEach((l, i) => {
    if (assignedCount[i]! > l.capacity) check.overCapacity.push(l.id);
  });

  // Students who prefer listing l to their own result: (student, l) for every choice above their assignment.
  const preferStart = new Int32Array(listings.length + 1);
  students.forEach((s, i) => {
    for (let k = 0; k < assignedPosition[i]!; k++) preferStart[listingAt.get(s.choices[k]!)! + 1]!++;
  });
  for (let l = 0; l < listings.length; l++) preferStart[l + 1]! += preferStart[l]!;
  const preferring = new Int32Array(preferStart[listings.length]!);
  const cursor = preferStart.slice(0, listings.length);
  students.forEach((s, i) => {
    for (let k = 0; k < assignedPosition[i]!; k++) preferring[cursor[listingAt.get(s.choices[k]!)!]!++] = i;
  });

  const keyOf = tieBreakHasher(seed);
  const rank = new Int32Array(students.length).fill(-1);
  const rankedByOwnListing = new Uint8Array(students.length);
  listings.forEach((listing, l) => {
    // Strict ranks: entries in order, each tie group ordered by (tie-break key, id).
    const order: number[] = [];
    for (const entry of listing.ranking) {
      const group = typeof entry === "string" ? [entry] : [...entry];
      const keyed = group.map((id) => ({ id, key: keyOf(id) }));
      keyed.sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const { id } of keyed) order.push(studentAt.get(id)!);
    }
    order.forEach((s, r) => {
      rank[s] = r;
    });
    let worstKept = -1;
    for (const s of order) {
      if (assignedListing[s] !== l) continue;
      worstKept = Math.max(worstKept, rank[s]!);
      rankedByOwnListing[s] = 1;
    }
    const hasRoom = assignedCount[l]! < listing.capacity;
    for (let p = preferStart[l]!; p < preferStart[l + 1]!; p++) {
      const s = preferring[p]!;
      if (rank[s]! >= 0 && (hasRoom || rank[s]! < worstKept)) {
        check.blockingPairCount++;
        if (check.blockingPairs.length < 20)
          check.blockingPairs.push({ studentId: students[s]!.id, listingId: listing.id });
      }
    }
    for (const s of order) rank[s] = -1;
  });
  // An assigned student missing from their listing's ranking was not acceptable to it.
  for (const a of assignments) if (!rankedByOwnListing[studentAt.get(a.studentId)!]) check.notAcceptable.push(a);

  check.valid =
    check.blockingPairCount === 0 &&
    check.overCapacity.length === 0 &&
    check.notChosen.length === 0 &&
    check.notAcceptable.length === 0 &&
    check.assignedTwice.length === 0;
  return check;
}

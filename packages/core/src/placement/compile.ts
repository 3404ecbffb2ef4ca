import type { PlacementInput } from "./deferred-acceptance";
import { tieBreakHasher } from "./tie-break";

export type PlacementInputErrorCode =
  | "duplicate_student"
  | "duplicate_listing"
  | "unknown_listing"
  | "duplicate_choice"
  | "unknown_student"
  | "duplicate_ranking"
  | "invalid_capacity";

/** Inputs a round cannot run on, with a stable code and the offending id. */
export class PlacementInputError extends Error {
  constructor(
    readonly code: PlacementInputErrorCode,
    readonly id: string,
  ) {
    super(`${code}: ${id}`);
    this.name = "PlacementInputError";
  }
}

/**
 * A round's inputs as dense integer arrays, read once from the string ids. A "slot" is one (student, choice)
 * pair: student s's choices are slots choiceStart[s]..choiceStart[s+1]. choiceStart, slotListing, rankingStart and
 * ranking are consecutive views of `encoded`, which the audit hashes (docs/matching.md, "inputs hash").
 */
export interface CompiledRound {
  studentCount: number;
  listingCount: number;
  encoded: Int32Array;
  choiceStart: Int32Array;
  slotListing: Int32Array;
  capacity: Int32Array;
  /** Listing l's ranking is ranking[rankingStart[l]..rankingStart[l+1]): a student index, or −n then n tied. */
  rankingStart: Int32Array;
  ranking: Int32Array;
  /** Students named in the rankings, tie groups included. */
  rankingEntries: number;
  /** Where each slot sits among its listing's applicants (listing by listing, in slot order). */
  slotApplicant: Int32Array;
  /** Each applicant's strict rank at the listing (0 best, ties broken by the rule); −1: not acceptable. */
  applicantRank: Int32Array;
}

export function compileRound(input: PlacementInput): CompiledRound {
  const { students, listings } = input;
  const studentCount = students.length;
  const listingCount = listings.length;

  const listingAt = new Map<string, number>();
  const capacity = new Int32Array(listingCount);
  for (let l = 0; l < listingCount; l++) {
    const { id, capacity: seats } = listings[l]!;
    if (listingAt.has(id)) throw new PlacementInputError("duplicate_listing", id);
    if (!Number.isInteger(seats) || seats < 0 || seats > 1_000_000)
      throw new PlacementInputError("invalid_capacity", id);
    listingAt.set(id, l);
    capacity[l] = seats;
  }

  const studentAt = new Map<string, number>();
  let slotCount = 0;
  for (let s = 0; s < studentCount; s++) {
    const { id, choices } = students[s]!;
    if (studentAt.has(id)) throw new PlacementInputError("duplicate_student", id);
    studentAt.set(id, s);
    slotCount += choices.length;
  }
  let rankingLength = 0;
  for (let l = 0; l < listingCount; l++) {
    for (const entry of listings[l]!.ranking) {
      rankingLength += typeof entry === "string" ? 1 : entry.length === 0 ? 0 : entry.length + 1;
    }
  }
  // One allocation for what the audit hashes; few and large typed arrays keep the garbage collector out of the
  // round (external memory pressure made it run a full collection mid-round).
  const encoded = new Int32Array(studentCount + 1 + slotCount + listingCount + 1 + rankingLength);
  const choiceStart = encoded.subarray(0, studentCount + 1);
  const slotListing = encoded.subarray(studentCount + 1, studentCount + 1 + slotCount);
  const rankingStart = encoded.subarray(studentCount + 1 + slotCount, studentCount + 1 + slotCount + listingCount + 1);
  const ranking = encoded.subarray(studentCount + 1 + slotCount + listingCount + 1);
  for (let s = 0; s < studentCount; s++) choiceStart[s + 1] = choiceStart[s]! + students[s]!.choices.length;
  const lastChooser = new Int32Array(listingCount).fill(-1);
  const applicantStart = new Int32Array(listingCount + 1);
  for (let s = 0; s < studentCount; s++) {
    const { choices, id } = students[s]!;
    const base = choiceStart[s]!;
    for (let k = 0; k < choices.length; k++) {
      const l = listingAt.get(choices[k]!);
      if (l === undefined) throw new PlacementInputError("unknown_listing", choices[k]!);
      if (lastChooser[l] === s) throw new PlacementInputError("duplicate_choice", `${id} → ${choices[k]}`);
      lastChooser[l] = s;
      slotListing[base + k] = l;
      applicantStart[l + 1]!++;
    }
  }
  for (let l = 0; l < listingCount; l++) applicantStart[l + 1]! += applicantStart[l]!;
  // Applicants listing by listing. Ranks are then written in this order, sequentially, rather than scattered
  // over the 2 million slots (cache misses dominated the round when they were). The array holds each applicant's
  // student until the listing's ranking is read, then the student's rank there.
  const slotApplicant = new Int32Array(slotCount);
  const applicantRank = new Int32Array(slotCount);
  const cursor = applicantStart.slice(0, listingCount);
  for (let s = 0; s < studentCount; s++) {
    for (let slot = choiceStart[s]!; slot < choiceStart[s + 1]!; slot++) {
      const position = cursor[slotListing[slot]!]!++;
      slotApplicant[slot] = position;
      applicantRank[position] = s;
    }
  }

  // One pass over the rankings: resolve ids, encode them for the audit (−n announces a tie group of n), and give
  // each listing's applicants their strict rank, a tie group ordered by the rule. The rule orders all students
  // the same way in every listing, so their positions in that order are worked out once.
  const hasTies = listings.some((l) => l.ranking.some((entry) => typeof entry !== "string"));
  const { order: tieOrder, byOrder: studentAtTieOrder } = hasTies ? tieBreakOrder(input) : noTies;
  const rankOf = new Int32Array(studentCount).fill(-1);
  let groupOrders = new Int32Array(64);
  let groupCount = 0;
  let at = 0;
  for (let l = 0; l < listingCount; l++) {
    const entries = listings[l]!.ranking;
    rankingStart[l] = at;
    let rank = 0;
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e]!;
      if (typeof entry === "string") {
        const s = studentAt.get(entry) ?? rankingError("unknown_student", listings[l]!.id, entry);
        ranking[at++] = s;
        if (rankOf[s] !== -1) rankingError("duplicate_ranking", listings[l]!.id, entry);
        rankOf[s] = rank++;
        continue;
      }
      if (entry.length === 0) continue;
      ranking[at++] = -entry.length;
      groupCount++;
      if (groupOrders.length < entry.length) groupOrders = new Int32Array(entry.length * 2);
      for (let k = 0; k < entry.length; k++) {
        const s = studentAt.get(entry[k]!) ?? rankingError("unknown_student", listings[l]!.id, entry[k]!);
        ranking[at++] = s;
        groupOrders[k] = tieOrder[s]!;
      }
      // The group's members in tie order: sort their positions in that order, then read the students back.
      sortPrefix(groupOrders, entry.length);
      for (let k = 0; k < entry.length; k++) {
        const s = studentAtTieOrder[groupOrders[k]!]!;
        if (rankOf[s] !== -1) rankingError("duplicate_ranking", listings[l]!.id, students[s]!.id);
        rankOf[s] = rank++;
      }
    }
    for (let a = applicantStart[l]!; a < applicantStart[l + 1]!; a++) applicantRank[a] = rankOf[applicantRank[a]!]!;
    for (let i = rankingStart[l]!; i < at; i++) if (ranking[i]! >= 0) rankOf[ranking[i]!] = -1;
  }
  rankingStart[listingCount] = at;

  return {
    studentCount,
    listingCount,
    rankingEntries: at - groupCount,
    encoded,
    choiceStart,
    slotListing,
    capacity,
    rankingStart,
    ranking,
    slotApplicant,
    applicantRank,
  };
}

function rankingError(code: "unknown_student" | "duplicate_ranking", listingId: string, studentId: string): never {
  throw new PlacementInputError(code, `${listingId} → ${studentId}`);
}

const noTies = { order: new Int32Array(0), byOrder: new Int32Array(0) };

/**
 * All students ordered by the tie-break rule (key, then id): `byOrder` lists them in that order, `order` gives each
 * one's position. Keys and indices are packed into one number (32 + 21 bits) so a native numeric sort does the
 * work; equal keys (rare) are then ordered by id.
 */
function tieBreakOrder(input: PlacementInput): { order: Int32Array; byOrder: Int32Array } {
  const { students } = input;
  const shift = 2 ** 21;
  if (students.length >= shift) throw new RangeError("a placement round takes at most 2,097,151 students");
  const keyOf = tieBreakHasher(input.seed);
  const packed = new Float64Array(students.length);
  for (let s = 0; s < students.length; s++) packed[s] = keyOf(students[s]!.id) * shift + s;
  packed.sort();
  const byOrder = Int32Array.from(packed, (p) => p % shift);
  for (let i = 0; i < byOrder.length; ) {
    const key = Math.floor(packed[i]! / shift);
    let j = i + 1;
    while (j < byOrder.length && Math.floor(packed[j]! / shift) === key) j++;
    if (j > i + 1)
      byOrder
        .subarray(i, j)
        .set([...byOrder.subarray(i, j)].sort((a, b) => (students[a]!.id < students[b]!.id ? -1 : 1)));
    i = j;
  }
  const order = new Int32Array(students.length);
  byOrder.forEach((s, position) => {
    order[s] = position;
  });
  return { order, byOrder };
}

/** Sorts values[0..length) ascending: by insertion when short (most tie groups), natively otherwise. */
function sortPrefix(values: Int32Array, length: number): void {
  if (length > 16) {
    values.subarray(0, length).sort();
    return;
  }
  for (let i = 1; i < length; i++) {
    const v = values[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > v) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = v;
  }
}

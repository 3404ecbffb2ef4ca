import type { PlacementInput, RankingEntry } from "./deferred-acceptance";
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
 * A round's inputs with every id interned once to its position (a dense integer), as the data layer builds them
 * from the stored preferences and rankings: each id is written once, everything else is positions in flat int32
 * arrays, so the engine never looks a string up. Student s's choices, best first, are the listing positions
 * choices[choiceStart[s] … choiceStart[s+1]); listing l's ranking, best first, is ranking[rankingStart[l] …
 * rankingStart[l+1]): a student position, or −n announcing a tie group of the n positions that follow (no empty
 * groups). These four arrays, one after the other, are what the audit hashes (docs/matching.md, "inputs hash"); when
 * they already lie so in one buffer the engine reads them in place, so they must not change while a round runs.
 */
export interface IndexedPlacementInput {
  /** Published after the preference deadline; orders tied students (see `tieBreakRule`). */
  seed: string;
  /** Every student once; a student's position here is their integer id. */
  studentIds: readonly string[];
  /** Every listing once; a listing's position here is its integer id. */
  listingIds: readonly string[];
  /** Seats of each listing, by position. */
  capacities: ArrayLike<number>;
  choiceStart: Int32Array;
  choices: Int32Array;
  rankingStart: Int32Array;
  ranking: Int32Array;
}

/**
 * A round's inputs as dense integer arrays, ready for the engine. A "slot" is one (student, choice) pair: student
 * s's choices are slots choiceStart[s]..choiceStart[s+1]. choiceStart, slotListing, rankingStart and ranking are
 * consecutive views of `encoded`, which the audit hashes (docs/matching.md, "inputs hash").
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

/**
 * Interns a round given with string ids: both id maps built once, every choice and ranking entry resolved once.
 * Throws `PlacementInputError` on duplicate or unknown ids. This is the lookup the data layer avoids by building
 * `IndexedPlacementInput` directly (functions/src/data/placement/input.ts); kept for callers holding string ids.
 */
export function indexPlacementInput(input: PlacementInput): IndexedPlacementInput {
  const { students, listings } = input;
  const studentCount = students.length;
  const listingCount = listings.length;
  const listingAt = new Map<string, number>();
  const listingIds = new Array<string>(listingCount);
  const capacities = new Array<number>(listingCount);
  for (let l = 0; l < listingCount; l++) {
    const { id, capacity } = listings[l]!;
    if (listingAt.has(id)) throw new PlacementInputError("duplicate_listing", id);
    listingAt.set(id, l);
    listingIds[l] = id;
    capacities[l] = capacity;
  }
  const studentAt = new Map<string, number>();
  const studentIds = new Array<string>(studentCount);
  const choiceStart = new Int32Array(studentCount + 1);
  for (let s = 0; s < studentCount; s++) {
    const { id, choices } = students[s]!;
    if (studentAt.has(id)) throw new PlacementInputError("duplicate_student", id);
    studentAt.set(id, s);
    studentIds[s] = id;
    choiceStart[s + 1] = choiceStart[s]! + choices.length;
  }
  const choices = new Int32Array(choiceStart[studentCount]!);
  for (let s = 0, at = 0; s < studentCount; s++) {
    for (const id of students[s]!.choices) {
      const l = listingAt.get(id);
      if (l === undefined) throw new PlacementInputError("unknown_listing", id);
      choices[at++] = l;
    }
  }
  const rankingStart = new Int32Array(listingCount + 1);
  for (let l = 0; l < listingCount; l++) {
    let length = 0;
    for (const entry of listings[l]!.ranking) {
      length += typeof entry === "string" ? 1 : entry.length === 0 ? 0 : entry.length + 1;
    }
    rankingStart[l + 1] = rankingStart[l]! + length;
  }
  const ranking = new Int32Array(rankingStart[listingCount]!);
  const studentOf = (listing: number, id: string) =>
    studentAt.get(id) ?? rankingError("unknown_student", listingIds[listing]!, id);
  for (let l = 0, at = 0; l < listingCount; l++) {
    for (const entry of listings[l]!.ranking) {
      if (typeof entry === "string") ranking[at++] = studentOf(l, entry);
      else if (entry.length > 0) {
        ranking[at++] = -entry.length;
        for (const id of entry) ranking[at++] = studentOf(l, id);
      }
    }
  }
  return { seed: input.seed, studentIds, listingIds, capacities, choiceStart, choices, rankingStart, ranking };
}

/**
 * The round with string ids again, read off the positions (no lookup): for what takes string ids, such as
 * `checkPlacement` and the inputs a run keeps.
 */
export function placementInputOf(input: IndexedPlacementInput): PlacementInput {
  const { studentIds, listingIds, choiceStart, choices, rankingStart, ranking } = input;
  return {
    seed: input.seed,
    students: studentIds.map((id, s) => ({
      id,
      choices: Array.from(choices.subarray(choiceStart[s], choiceStart[s + 1]), (l) => listingIds[l]!),
    })),
    listings: listingIds.map((id, l) => {
      const entries: RankingEntry[] = [];
      for (let i = rankingStart[l]!; i < rankingStart[l + 1]!; ) {
        const entry = ranking[i++]!;
        if (entry >= 0) entries.push(studentIds[entry]!);
        else {
          entries.push(Array.from(ranking.subarray(i, i - entry), (s) => studentIds[s]!));
          i -= entry;
        }
      }
      return { id, capacity: input.capacities[l]!, ranking: entries };
    }),
  };
}

/** Compiles a round given with string ids (`indexPlacementInput`, then `compileIndexedRound`). */
export function compileRound(input: PlacementInput): CompiledRound {
  return compileIndexedRound(indexPlacementInput(input), { idsChecked: true });
}

/** Offsets that start at 0, never decrease and end at `total`: a malformed input is the caller's bug. */
function checkOffsets(name: string, offsets: Int32Array, count: number, total: number): void {
  if (offsets.length !== count + 1 || offsets[0] !== 0 || offsets[count] !== total) {
    throw new RangeError(`${name}: expected ${count + 1} offsets from 0 to ${total}`);
  }
  for (let i = 0; i < count; i++) {
    if (offsets[i + 1]! < offsets[i]!) throw new RangeError(`${name}: offsets decrease at ${i}`);
  }
}

/**
 * Ids appear once. Ids in ascending code-unit order (as the data layer hands students in) are checked with one
 * comparison each; otherwise through a Set.
 */
function checkUnique(ids: readonly string[], code: "duplicate_student" | "duplicate_listing"): void {
  let ascending = true;
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1]! < ids[i]!;
  if (ascending) return;
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new PlacementInputError(code, id);
    seen.add(id);
  }
}

/**
 * Compiles a round given with integer ids: checks it (the same `PlacementInputError` codes as string ids; an
 * unknown position is named `#n`), lays the hashed arrays out in one buffer and gives each applicant their strict
 * rank. Linear in choices + ranking entries (plus a numeric sort of the students when a ranking has ties).
 */
export function compileIndexedRound(
  input: IndexedPlacementInput,
  { idsChecked = false }: { idsChecked?: boolean } = {},
): CompiledRound {
  const { studentIds, listingIds } = input;
  const studentCount = studentIds.length;
  const listingCount = listingIds.length;
  if (input.capacities.length !== listingCount) throw new RangeError("capacities: one per listing");
  if (!idsChecked) {
    checkUnique(listingIds, "duplicate_listing");
    checkUnique(studentIds, "duplicate_student");
  }
  const capacity = new Int32Array(listingCount);
  for (let l = 0; l < listingCount; l++) {
    const seats = input.capacities[l]!;
    if (!Number.isInteger(seats) || seats < 0 || seats > 1_000_000) {
      throw new PlacementInputError("invalid_capacity", listingIds[l]!);
    }
    capacity[l] = seats;
  }
  const slotCount = input.choices.length;
  const rankingLength = input.ranking.length;
  checkOffsets("choiceStart", input.choiceStart, studentCount, slotCount);
  checkOffsets("rankingStart", input.rankingStart, listingCount, rankingLength);

  // One buffer for what the audit hashes: the input's own when its four arrays already lie one after the other in
  // one (as the data layer builds them), a copy otherwise. Few and large typed arrays keep the garbage collector
  // out of the round (external memory pressure made it run a full collection mid-round).
  const encoded = consecutive(input) ?? new Int32Array(studentCount + 1 + slotCount + listingCount + 1 + rankingLength);
  const choiceStart = encoded.subarray(0, studentCount + 1);
  const slotListing = encoded.subarray(studentCount + 1, studentCount + 1 + slotCount);
  const rankingStart = encoded.subarray(studentCount + 1 + slotCount, studentCount + 1 + slotCount + listingCount + 1);
  const ranking = encoded.subarray(studentCount + 1 + slotCount + listingCount + 1);
  if (encoded.buffer !== input.choiceStart.buffer) {
    choiceStart.set(input.choiceStart);
    slotListing.set(input.choices);
    rankingStart.set(input.rankingStart);
    ranking.set(input.ranking);
  }

  const lastChooser = new Int32Array(listingCount).fill(-1);
  const applicantStart = new Int32Array(listingCount + 1);
  for (let s = 0; s < studentCount; s++) {
    for (let slot = choiceStart[s]!; slot < choiceStart[s + 1]!; slot++) {
      const l = slotListing[slot]!;
      if (l < 0 || l >= listingCount) throw new PlacementInputError("unknown_listing", `#${l}`);
      if (lastChooser[l] === s)
        throw new PlacementInputError("duplicate_choice", `${studentIds[s]} → ${listingIds[l]}`);
      lastChooser[l] = s;
      applicantStart[l + 1]!++;
    }
  }
  for (let l = 0; l < listingCount; l++) applicantStart[l + 1]! += applicantStart[l]!;
  // Applicants listing by listing. Ranks are then written in this order, sequentially, rather than scattered
  // over the 2 million slots (cache misses dominated the round when they were). The array holds each applicant's
  // student until the listing's ranking is read, then the student's rank there.
  const slotApplicant = new Int32Array(2 * slotCount);
  const applicantRank = slotApplicant.subarray(slotCount);
  const cursor = applicantStart.slice(0, listingCount);
  for (let s = 0; s < studentCount; s++) {
    for (let slot = choiceStart[s]!; slot < choiceStart[s + 1]!; slot++) {
      const position = cursor[slotListing[slot]!]!++;
      slotApplicant[slot] = position;
      applicantRank[position] = s;
    }
  }

  // One pass over the rankings: give each listing's applicants their strict rank, a tie group ordered by the rule.
  // The rule orders all students the same way in every listing, so their positions in that order are worked out
  // once.
  let hasTies = false;
  for (let i = 0; i < rankingLength && !hasTies; i++) hasTies = ranking[i]! < 0;
  const { order: tieOrder, byOrder: studentAtTieOrder } = hasTies ? tieBreakOrder(input.seed, studentIds) : noTies;
  const rankOf = new Int32Array(studentCount).fill(-1);
  let groupOrders = new Int32Array(64);
  let groupCount = 0;
  const studentAt = (l: number, i: number) => {
    const s = ranking[i]!;
    if (s < 0 || s >= studentCount) rankingError("unknown_student", listingIds[l]!, `#${s}`);
    return s;
  };
  for (let l = 0; l < listingCount; l++) {
    const end = rankingStart[l + 1]!;
    let rank = 0;
    for (let i = rankingStart[l]!; i < end; ) {
      const entry = ranking[i]!;
      if (entry >= 0) {
        const s = studentAt(l, i++);
        if (rankOf[s] !== -1) rankingError("duplicate_ranking", listingIds[l]!, studentIds[s]!);
        rankOf[s] = rank++;
        continue;
      }
      const size = -entry;
      if (i + 1 + size > end) throw new RangeError(`ranking of ${listingIds[l]}: tie group of ${size} overruns it`);
      i++;
      groupCount++;
      if (groupOrders.length < size) groupOrders = new Int32Array(size * 2);
      for (let k = 0; k < size; k++) groupOrders[k] = tieOrder[studentAt(l, i++)]!;
      // The group's members in tie order: sort their positions in that order, then read the students back.
      sortPrefix(groupOrders, size);
      for (let k = 0; k < size; k++) {
        const s = studentAtTieOrder[groupOrders[k]!]!;
        if (rankOf[s] !== -1) rankingError("duplicate_ranking", listingIds[l]!, studentIds[s]!);
        rankOf[s] = rank++;
      }
    }
    for (let a = applicantStart[l]!; a < applicantStart[l + 1]!; a++) applicantRank[a] = rankOf[applicantRank[a]!]!;
    for (let i = rankingStart[l]!; i < end; i++) if (ranking[i]! >= 0) rankOf[ranking[i]!] = -1;
  }

  return {
    studentCount,
    listingCount,
    rankingEntries: rankingLength - groupCount,
    encoded,
    choiceStart,
    slotListing,
    capacity,
    rankingStart,
    ranking,
    slotApplicant: slotApplicant.subarray(0, slotCount),
    applicantRank,
  };
}

/** The input's four arrays as one view, when they are consecutive in one buffer (read, never written). */
function consecutive(input: IndexedPlacementInput): Int32Array | undefined {
  const parts = [input.choiceStart, input.choices, input.rankingStart, input.ranking];
  for (let i = 1; i < parts.length; i++) {
    const before = parts[i - 1]!;
    if (parts[i]!.buffer !== before.buffer || parts[i]!.byteOffset !== before.byteOffset + before.byteLength) {
      return undefined;
    }
  }
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  return new Int32Array(input.choiceStart.buffer, input.choiceStart.byteOffset, length);
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
function tieBreakOrder(seed: string, studentIds: readonly string[]): { order: Int32Array; byOrder: Int32Array } {
  const shift = 2 ** 21;
  if (studentIds.length >= shift) throw new RangeError("a placement round takes at most 2,097,151 students");
  const keyOf = tieBreakHasher(seed);
  const packed = new Float64Array(studentIds.length);
  for (let s = 0; s < studentIds.length; s++) packed[s] = keyOf(studentIds[s]!) * shift + s;
  packed.sort();
  const byOrder = Int32Array.from(packed, (p) => p % shift);
  for (let i = 0; i < byOrder.length; ) {
    const key = Math.floor(packed[i]! / shift);
    let j = i + 1;
    while (j < byOrder.length && Math.floor(packed[j]! / shift) === key) j++;
    if (j > i + 1)
      byOrder
        .subarray(i, j)
        .set([...byOrder.subarray(i, j)].sort((a, b) => (studentIds[a]! < studentIds[b]! ? -1 : 1)));
    i = j;
  }
  const order = new Int32Array(studentIds.length);
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

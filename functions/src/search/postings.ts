/**
 * The per-word and per-listing records of the search view (ranked-index.ts), kept current change by change.
 */
import type { Bitset } from "./bitset";

/**
 * One listing's words: what its BM25 impacts are computed from and how to take it out again. Per word (in no
 * particular order): the word's number and its term frequency per field as cells `tf × 8 + field`, fields ascending.
 */
export interface ListingWords {
  terms: Int32Array;
  cellStart: Int32Array;
  cells: Int32Array;
}

/**
 * One word's postings: its listings oldest first (a new listing is appended; the newest-first order is the reverse),
 * each with its *signature*: the fields holding the word, their term frequencies and lengths in that listing —
 * everything its impact depends on besides the corpus statistics. Listings of one signature have the same impact,
 * so a word's impact order is computed per signature (a few dozen) and laid out by a counting pass, not a sort of
 * every posting. Per field, how many listings hold the word there (its document frequency); a bitset if frequent.
 */
export interface Postings {
  slot: Int32Array;
  sig: Int32Array;
  count: number;
  docFreq: Int32Array;
  bits: Bitset | undefined;
  sigOf: Map<number | string, number>;
  /** Per signature: its cells (`tf × 8 + field`) and the listing's length of each cell's field. */
  sigCells: Int32Array[];
  sigLengths: Float64Array[];
}

export function newPostings(size: number, fields: number): Postings {
  const room = Math.max(4, size);
  return {
    slot: new Int32Array(room),
    sig: new Int32Array(room),
    count: 0,
    docFreq: new Int32Array(fields),
    bits: undefined,
    sigOf: new Map(),
    sigCells: [],
    sigLengths: [],
  };
}

/** The signature number of a listing's cells of one word (its field lengths read from `lengths` at `base`). */
export function signatureOf(
  post: Postings,
  cells: Int32Array,
  from: number,
  to: number,
  lengths: Float64Array,
  base: number,
) {
  let key: number | string;
  const first = cells[from]!;
  const length = lengths[base + (first & 7)]!;
  // One or two fields with small numbers (nearly every posting): an exact integer key below 2^53 (24 bits per
  // field: a cell below 2^12, a length below 2^12, the second field's part scaled past the first's); else a string.
  const second = to - from === 2 ? cells[from + 1]! : 0;
  const secondLength = to - from === 2 ? lengths[base + (second & 7)]! : 0;
  if (to - from <= 2 && first < 2 ** 12 && length < 2 ** 12 && second < 2 ** 12 && secondLength < 2 ** 12) {
    key = (secondLength * 2 ** 12 + second) * 2 ** 24 + length * 2 ** 12 + first;
  } else {
    const parts: number[] = [];
    for (let c = from; c < to; c++) parts.push(cells[c]!, lengths[base + (cells[c]! & 7)]!);
    key = parts.join(",");
  }
  let sig = post.sigOf.get(key);
  if (sig === undefined) {
    sig = post.sigCells.length;
    post.sigOf.set(key, sig);
    const own = cells.slice(from, to);
    post.sigCells.push(own);
    post.sigLengths.push(Float64Array.from(own, (cell) => lengths[base + (cell & 7)]!));
  }
  return sig;
}

/** Inserts a posting at a position (an Int32 copy shifts the later ones). */
export function insertPosting(post: Postings, at: number, slot: number, sig: number): void {
  if (post.count === post.slot.length) {
    const slots = new Int32Array(post.count * 2);
    slots.set(post.slot);
    post.slot = slots;
    const sigs = new Int32Array(post.count * 2);
    sigs.set(post.sig);
    post.sig = sigs;
  }
  post.slot.copyWithin(at + 1, at, post.count);
  post.sig.copyWithin(at + 1, at, post.count);
  post.slot[at] = slot;
  post.sig[at] = sig;
  post.count++;
}

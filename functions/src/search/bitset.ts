/**
 * Fixed-size bitsets over dense document numbers (one bit a listing). The bounded search uses them for what must
 * stay exact whatever a word's frequency — the set of matching listings and its count — at a cost of one 32-bit
 * word per 32 listings, never one step per listing containing the word.
 */
export type Bitset = Uint32Array;

export const newBitset = (size: number): Bitset => new Uint32Array((size + 31) >>> 5);

export const setBit = (bits: Bitset, n: number): void => {
  bits[n >>> 5]! |= 1 << (n & 31);
};

export const clearBit = (bits: Bitset, n: number): void => {
  bits[n >>> 5]! &= ~(1 << (n & 31));
};

/** A copy of `bits` sized for `size` numbers (the new ones unset): a view that gains listings grows its sets. */
export function grownBitset(bits: Bitset, size: number): Bitset {
  const out = newBitset(size);
  out.set(bits.subarray(0, Math.min(bits.length, out.length)));
  return out;
}

export const hasBit = (bits: Bitset, n: number): boolean => (bits[n >>> 5]! & (1 << (n & 31))) !== 0;

/** `into |= other`, in place. */
export function orInto(into: Bitset, other: Bitset): void {
  for (let i = 0; i < into.length; i++) into[i]! |= other[i]!;
}

/** `into &= other`, in place. */
export function andInto(into: Bitset, other: Bitset): void {
  for (let i = 0; i < into.length; i++) into[i]! &= other[i]!;
}

/** Number of set bits. */
export function popcount(bits: Bitset): number {
  let count = 0;
  for (let i = 0; i < bits.length; i++) {
    let v = bits[i]!;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

/**
 * The set bits from `from` on, in increasing order, until `visit` returns false.
 * @example forEachBit(bits, 0, (n) => { seen.push(n); return seen.length < 10; })
 */
export function forEachBit(bits: Bitset, from: number, visit: (n: number) => boolean): void {
  let word = from >>> 5;
  if (word >= bits.length) return;
  let v = bits[word]! & (~0 << (from & 31));
  for (;;) {
    while (v !== 0) {
      const low = v & -v;
      if (!visit((word << 5) + 31 - Math.clz32(low))) return;
      v ^= low;
    }
    word++;
    if (word >= bits.length) return;
    v = bits[word]!;
  }
}

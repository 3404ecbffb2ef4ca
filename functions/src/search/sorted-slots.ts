/**
 * Listing slots kept in one total order (newest first, or soonest deadline first) while listings come and go: a
 * binary search finds a slot's place and an Int32 copy shifts the rest (a few microseconds at province scale, where
 * re-sorting would compare every listing). Positions and ranks then follow the order, never the slot numbers, so
 * two views holding the same listings under different slots answer alike.
 */
export class SortedSlots {
  private slots: Int32Array;
  private count = 0;
  private rankOf: Int32Array | undefined;

  /** `before(a, b)`: slot a comes first; a strict total order while both slots hold their listing. */
  constructor(private readonly before: (a: number, b: number) => boolean) {
    this.slots = new Int32Array(64);
  }

  get length(): number {
    return this.count;
  }

  /** The slot at a position. */
  at(position: number): number {
    return this.slots[position]!;
  }

  /** The first position whose slot satisfies `isAfter` (false then true along the order), or the length. */
  firstWhere(isAfter: (slot: number) => boolean): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isAfter(this.slots[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  insert(slot: number): void {
    if (this.count === this.slots.length) {
      const grown = new Int32Array(this.slots.length * 2);
      grown.set(this.slots);
      this.slots = grown;
    }
    const at = this.firstWhere((other) => this.before(slot, other));
    this.slots.copyWithin(at + 1, at, this.count);
    this.slots[at] = slot;
    this.count++;
    this.rankOf = undefined;
  }

  /** Inserts many slots at once (one sort: how a view is built). */
  insertAll(slots: readonly number[]): void {
    if (this.count > 0) {
      for (const slot of slots) this.insert(slot);
      return;
    }
    const sorted = [...slots].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
    if (sorted.length > this.slots.length) this.slots = new Int32Array(sorted.length * 2);
    this.slots.set(sorted);
    this.count = sorted.length;
    this.rankOf = undefined;
  }

  /** Removes a slot; call it while the slot still holds its listing (the order reads its fields). */
  remove(slot: number): void {
    const at = this.firstWhere((other) => !this.before(other, slot));
    if (this.slots[at] !== slot) throw new Error(`slot ${slot} is not in the order`);
    this.slots.copyWithin(at, at + 1, this.count);
    this.count--;
    this.rankOf = undefined;
  }

  /**
   * Each slot's position, for integer comparisons in sorts (computed once after a change, when first asked: one
   * pass of Int32 writes over the listings).
   */
  ranks(capacity: number): Int32Array {
    if (!this.rankOf || this.rankOf.length < capacity) {
      this.rankOf = new Int32Array(capacity);
      for (let i = 0; i < this.count; i++) this.rankOf[this.slots[i]!] = i;
    }
    return this.rankOf;
  }
}

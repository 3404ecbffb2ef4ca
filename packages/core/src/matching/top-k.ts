/**
 * Keeps the `k` best (score, position) pairs seen, in O(log k) per offer: a min-heap whose root is the worst
 * kept. Equal scores prefer the earlier position, so results are deterministic for a given input order.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly positions: Int32Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(k);
    this.positions = new Int32Array(k);
  }

  /** Whether (a, posA) ranks below (b, posB). */
  private static worse(a: number, posA: number, b: number, posB: number): boolean {
    return a < b || (a === b && posA > posB);
  }

  offer(score: number, position: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopK.worse(score, position, this.scores[parent]!, this.positions[parent]!)) break;
        this.scores[i] = this.scores[parent]!;
        this.positions[i] = this.positions[parent]!;
        i = parent;
      }
      this.scores[i] = score;
      this.positions[i] = position;
      return;
    }
    if (!TopK.worse(this.scores[0]!, this.positions[0]!, score, position)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      let child = left;
      if (
        right < this.size &&
        TopK.worse(this.scores[right]!, this.positions[right]!, this.scores[left]!, this.positions[left]!)
      ) {
        child = right;
      }
      if (!TopK.worse(this.scores[child]!, this.positions[child]!, score, position)) break;
      this.scores[i] = this.scores[child]!;
      this.positions[i] = this.positions[child]!;
      i = child;
    }
    this.scores[i] = score;
    this.positions[i] = position;
  }

  /** The kept pairs, best first. */
  sorted(): Array<{ score: number; position: number }> {
    return Array.from({ length: this.size }, (_, i) => ({ score: this.scores[i]!, position: this.positions[i]! })).sort(
      (a, b) => b.score - a.score || a.position - b.position,
    );
  }
}

/**
 * The linear algebra of the dashboard attacker (test/dashboard-attacker.ts): a least-squares fit of unknown cells
 * to published sums, and for any linear combination of the unknowns whether the published sums determine it, its
 * estimate and its variance factor. Dense and plain (a few hundred unknowns per metric), no dependency.
 */

const dependent = 1e-8;

/** A system of published equations `Σ x[i] for i in rows[j] = values[j]` over `unknowns` unknowns. */
export interface SumSystem {
  unknowns: number;
  rows: ReadonlyArray<readonly number[]>;
  values: readonly number[];
}

/** The fitted system: what it can say about any combination of the unknowns. */
export interface Fit {
  /** Rank of the equations (independent published numbers). */
  rank: number;
  /** Residual sum of squares: 0 when the published numbers are mutually consistent as exact sums. */
  rss: number;
  /** Degrees of freedom of the residual: equations minus rank. */
  dof: number;
  /**
   * For the sum of the unknowns in `cells`: whether the equations determine it, the least-squares estimate, and
   * the factor by which the variance of one published number multiplies into the estimate's variance.
   */
  combination(cells: readonly number[]): { determined: boolean; estimate: number; varianceFactor: number };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

function indicator(n: number, cells: readonly number[]): Float64Array {
  const v = new Float64Array(n);
  for (const i of cells) v[i] = 1;
  return v;
}

/** Inverse of a symmetric positive-definite matrix by Gauss–Jordan with partial pivoting. */
function invert(matrix: Float64Array[]): Float64Array[] {
  const n = matrix.length;
  const a = matrix.map((row) => Float64Array.from(row));
  const inv = Array.from({ length: n }, (_, i) => indicator(n, [i]));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [inv[col], inv[pivot]] = [inv[pivot]!, inv[col]!];
    const p = a[col]![col]!;
    for (let j = 0; j < n; j++) {
      a[col]![j]! /= p;
      inv[col]![j]! /= p;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f === 0) continue;
      for (let j = 0; j < n; j++) {
        a[r]![j]! -= f * a[col]![j]!;
        inv[r]![j]! -= f * inv[col]![j]!;
      }
    }
  }
  return inv;
}

/**
 * Fits the unknowns to the published sums by least squares. The row space of the equations gets an orthonormal
 * basis Q (Gram–Schmidt, twice for accuracy); with A = L·Q the fit is y = (LᵀL)⁻¹Lᵀb, and a combination a is
 * determined exactly when Q spans it, with estimate (Qa)·y and variance factor (Qa)ᵀ(LᵀL)⁻¹(Qa).
 * @example fitSums({ unknowns: 2, rows: [[0, 1], [1]], values: [5, 2] }).combination([0]).estimate // 3
 */
export function fitSums(system: SumSystem): Fit {
  const n = system.unknowns;
  const basis: Float64Array[] = [];
  for (const row of system.rows) {
    const v = indicator(n, row);
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        const c = dot(v, q);
        if (c !== 0) for (let i = 0; i < n; i++) v[i]! -= c * q[i]!;
      }
    }
    const norm = Math.sqrt(dot(v, v));
    if (norm > dependent * Math.max(1, Math.sqrt(row.length))) basis.push(v.map((x) => x / norm));
  }
  const r = basis.length;
  // L = A Qᵀ: each equation's coordinates in the basis.
  const L = system.rows.map((row) => {
    const out = new Float64Array(r);
    for (let k = 0; k < r; k++) for (const i of row) out[k]! += basis[k]![i]!;
    return out;
  });
  const gram = Array.from({ length: r }, (_, a) => {
    const out = new Float64Array(r);
    for (let b = 0; b < r; b++) for (const l of L) out[b]! += l[a]! * l[b]!;
    return out;
  });
  const gramInverse = r > 0 ? invert(gram) : [];
  const ltb = new Float64Array(r);
  L.forEach((l, j) => {
    for (let k = 0; k < r; k++) ltb[k]! += l[k]! * system.values[j]!;
  });
  const y = new Float64Array(r);
  for (let k = 0; k < r; k++) y[k] = dot(gramInverse[k]!, ltb);
  let rss = 0;
  L.forEach((l, j) => {
    rss += (dot(l, y) - system.values[j]!) ** 2;
  });
  return {
    rank: r,
    rss,
    dof: system.rows.length - r,
    combination(cells) {
      const a = indicator(n, cells);
      const coords = new Float64Array(r);
      for (let k = 0; k < r; k++) coords[k] = dot(basis[k]!, a);
      const missing = dot(a, a) - dot(coords, coords);
      const varianceFactor = coords.reduce((s, c, k) => s + c * dot(gramInverse[k]!, coords), 0);
      return { determined: missing < 1e-6, estimate: dot(coords, y), varianceFactor };
    },
  };
}

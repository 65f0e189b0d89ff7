/** Resolution at which two replicate factors count as equal (they are ratios of written numbers). */
const FACTOR_RESOLUTION = 1e6;

/**
 * Replicate factors as an intruder reads them from a released file: replicate r's weight of row i over
 * the row's full-sample weight, rounded to 1e-6, as integers. Built from the columns as written (numbers
 * written in their shortest round-trip form read back as the same numbers), one replicate at a time into
 * one buffer, so that a million rows and 80 replicates cost 4 MB rather than 320.
 */
export function forEachReplicateFactor(weights: Float64Array, columns: readonly Float64Array[], visit: (factor: Int32Array) => void): void {
  const factor = new Int32Array(weights.length);
  for (const column of columns) {
    for (let i = 0; i < weights.length; i++) factor[i] = Math.round((column[i]! / weights[i]!) * FACTOR_RESOLUTION);
    visit(factor);
  }
}

/**
 * The pattern of each row's replicate factors across all replicates, fed one replicate at a time
 * (`add`), as dense codes in order of first appearance (`codes`): rows with the same code have the same
 * factor in every replicate. Made from two independent 32-bit hashes of the factors, so two different
 * patterns share a code only by a hash collision, about n²/2⁵⁴ for n rows — which could merge two groups
 * in the constancy test, never split one.
 */
export class ReplicatePatterns {
  private readonly h1: Int32Array;
  private readonly h2: Int32Array;

  constructor(private readonly n: number) {
    this.h1 = new Int32Array(n);
    this.h2 = new Int32Array(n).fill(0x2545f491);
  }

  add(factor: Int32Array): void {
    const { h1, h2 } = this;
    for (let i = 0; i < this.n; i++) {
      const q = factor[i]!;
      h1[i] = Math.imul(h1[i]! ^ q, 0x9e3779b1) + 0x7f4a7c15;
      h2[i] = Math.imul(h2[i]! + q, 0x85ebca6b) ^ (h2[i]! >>> 13);
    }
  }

  codes(): { codes: Int32Array; count: number } {
    const codeOf = new Map<number, number>();
    const codes = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const key = (this.h1[i]! >>> 0) * 2097152 + ((this.h2[i]! >>> 0) & 0x1fffff);
      let code = codeOf.get(key);
      if (code === undefined) codeOf.set(key, (code = codeOf.size));
      codes[i] = code;
    }
    return { codes, count: codeOf.size };
  }
}

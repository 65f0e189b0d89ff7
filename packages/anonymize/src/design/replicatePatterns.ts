/** Resolution at which two replicate factors count as equal (they are ratios of written numbers). */
const FACTOR_RESOLUTION = 1e6;

/**
 * Replicate factors as an intruder reads them from a released file: replicate r's weight of row i over
 * the row's full-sample weight, rounded to 1e-6, as integers `quantized[r][i]`. Built from the columns as
 * written (numbers written in their shortest round-trip form read back as the same numbers).
 */
export function replicateFactors(weights: Float64Array, columns: readonly Float64Array[]): Int32Array[] {
  return columns.map((column) => {
    const out = new Int32Array(weights.length);
    for (let i = 0; i < weights.length; i++) out[i] = Math.round((column[i]! / weights[i]!) * FACTOR_RESOLUTION);
    return out;
  });
}

/**
 * The pattern of each row's replicate factors across all replicates, as dense codes (order of first
 * appearance): rows with the same code have the same factor in every replicate. Made from two
 * independent 32-bit hashes of the factors (one pass per replicate), so two different patterns share a
 * code only by a hash collision, about n²/2⁶⁵ for n rows — which could only merge two groups, never split one.
 */
export function replicatePatterns(factors: readonly Int32Array[], n: number): { codes: Int32Array; count: number } {
  const h1 = new Int32Array(n);
  const h2 = new Int32Array(n).fill(0x2545f491);
  for (const column of factors) {
    for (let i = 0; i < n; i++) {
      const q = column[i]!;
      h1[i] = Math.imul(h1[i]! ^ q, 0x9e3779b1) + 0x7f4a7c15;
      h2[i] = Math.imul(h2[i]! + q, 0x85ebca6b) ^ (h2[i]! >>> 13);
    }
  }
  const codeOf = new Map<number, number>();
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = (h1[i]! >>> 0) * 2097152 + ((h2[i]! >>> 0) & 0x1fffff);
    let code = codeOf.get(key);
    if (code === undefined) codeOf.set(key, (code = codeOf.size));
    codes[i] = code;
  }
  return { codes, count: codeOf.size };
}

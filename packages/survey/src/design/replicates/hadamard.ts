import { HADAMARD_28, HADAMARD_36 } from './hadamardTables.js';

/** A Hadamard matrix in survey's 0/1 form: `rows[i][j]` is 1 for +1 and 0 for −1. */
export type HadamardMatrix = Uint8Array[];

/**
 * A Hadamard matrix of order greater than `n` (at least n + 1), exactly the one R's `survey::hadamard(n)`
 * returns (survey 4.1), so that BRR made from a design gives the same PSUs the same half-samples as R:
 * - when a precooked matrix (orders 4, 16, 28, 36) is the next size up within 4, that one;
 * - otherwise the smallest of 4·2^k, 16·2^k, 28·2^k, 36·2^k above n; when that is more than 4 above n,
 *   Paley's construction from a prime p ≡ 3 (mod 4) is tried first ({@link paley}), and else the
 *   precooked matrix is doubled (Sylvester: [[H, H], [H, 1 − H]]) as often as needed.
 *
 * @example hadamard(3).length // 4
 * @example hadamard(40).length // 44 (Paley, p = 43)
 */
export function hadamard(n: number): HadamardMatrix {
  const m = n - (n % 4);
  const precooked = PRECOOKED_SIZES.findIndex((size) => m < size && m + 4 >= size);
  if (precooked >= 0) return precookedMatrix(precooked);
  if (PRECOOKED_SIZES.every((size) => m < size)) return precookedMatrix(0);
  const sizes = PRECOOKED_SIZES.map((size) => size * 2 ** Math.max(0, Math.ceil(Math.log2((n + 1) / size))));
  let best = 0;
  for (let k = 1; k < sizes.length; k++) if (sizes[k]! - n < sizes[best]! - n) best = k;
  let H: HadamardMatrix | undefined;
  if (sizes[best]! - n > 4) H = paley(n, sizes[best]!);
  if (H === undefined) {
    H = precookedMatrix(best);
    const doublings = Math.ceil(Math.log2(sizes[best]! / PRECOOKED_SIZES[best]!));
    for (let k = 0; k < doublings; k++) H = doubled(H);
  }
  return H;
}

/** Orders of survey's precooked matrices (`survey:::hadamard.sizes`). */
const PRECOOKED_SIZES = [4, 16, 28, 36] as const;

/** Sylvester's order 4 in survey's row order (`survey:::hadamard.list[[1]]`). */
const HADAMARD_4 = ['1111', '1010', '1100', '1001'];

function precookedMatrix(k: number): HadamardMatrix {
  switch (k) {
    case 0:
      return fromRows(HADAMARD_4);
    case 1:
      // survey's order 16 is the order 4 doubled twice
      return doubled(doubled(fromRows(HADAMARD_4)));
    case 2:
      return fromRows(HADAMARD_28);
    default:
      return fromRows(HADAMARD_36);
  }
}

function fromRows(rows: readonly string[]): HadamardMatrix {
  return rows.map((row) => Uint8Array.from(row, (c) => (c === '1' ? 1 : 0)));
}

/** survey's `hadamard.doubler`: [[H, H], [H, 1 − H]]. */
function doubled(H: HadamardMatrix): HadamardMatrix {
  const top = H.map((row) => {
    const out = new Uint8Array(row.length * 2);
    out.set(row);
    out.set(row, row.length);
    return out;
  });
  const bottom = H.map((row) => {
    const out = new Uint8Array(row.length * 2);
    out.set(row);
    for (let j = 0; j < row.length; j++) out[row.length + j] = 1 - row[j]!;
    return out;
  });
  return [...top, ...bottom];
}

/** The primes p ≡ 3 (mod 4) up to 7919 that survey's `paley` knows (`small.primes`). */
const PALEY_PRIMES: readonly number[] = (() => {
  const limit = 7919;
  const composite = new Uint8Array(limit + 1);
  const out: number[] = [];
  for (let p = 2; p <= limit; p++) {
    if (composite[p]) continue;
    for (let q = p * p; q <= limit; q += p) composite[q] = 1;
    if (p % 4 === 3) out.push(p);
  }
  return out;
})();

/**
 * survey's `paley(n, nmax)`: a Hadamard matrix of order p + 1 from the quadratic residues modulo a prime
 * p ≡ 3 (mod 4) — entry (i, j) of the core is 0 when (i + j) mod p is 0 or a residue, else 1, bordered by a
 * row and a column of 1 — or undefined when no suitable prime is known or it would exceed `nmax`.
 * Where the next multiple of 8 halves to q with q − 1 prime, the order-q matrix is doubled instead.
 */
function paley(n: number, nmax = 2 * n): HadamardMatrix | undefined {
  const nceil = n + 4 - (n % 4);
  if ((n % 4) + 4 === n % 8) {
    let nn = nceil;
    while (nn % 8 === 0) nn /= 2;
    if (PALEY_PRIMES.includes(nn - 1)) {
      let H = paleyOfPrime(nn - 1);
      while (nn < nceil) {
        H = doubled(H);
        nn *= 2;
      }
      return H;
    }
  }
  if (n > PALEY_PRIMES[PALEY_PRIMES.length - 1]!) return undefined;
  const p = PALEY_PRIMES.find((q) => q >= n)!;
  if (p + 1 > nceil + 4 && nceil + 4 < nmax) return paley(nceil + 3);
  if (p > nmax) return undefined;
  return paleyOfPrime(p);
}

function paleyOfPrime(p: number): HadamardMatrix {
  const zero = new Uint8Array(p);
  zero[0] = 1;
  for (let i = 1; i <= (p - 1) / 2; i++) zero[(i * i) % p] = 1;
  const rows: HadamardMatrix = [new Uint8Array(p + 1).fill(1)];
  for (let i = 0; i < p; i++) {
    const row = new Uint8Array(p + 1);
    row[0] = 1;
    for (let j = 0; j < p; j++) row[j + 1] = zero[(i + j) % p] ? 0 : 1;
    rows.push(row);
  }
  return rows;
}

import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/**
 * The latent-trait model behind the synthetic attitudes: each scale reflects one latent trait; traits
 * are correlated (victim blaming goes with accepting resharing, against privacy concern and
 * platform accountability; security behaviour with legal knowledge), shifted by respondent group
 * and by a random PSU effect (so that cluster samples have design effects above 1). An item's
 * answer is a thresholded factor model: x = ±λ·η + √(1−λ²)·ε + shift, cut at fixed thresholds.
 */
export const TRAITS = [
  'privacy_concern',
  'victim_blaming',
  'resharing',
  'online_safety',
  'platform_accountability',
  'help_seeking',
  'legal_knowledge',
] as const;
export const TRAIT_COUNT = TRAITS.length;

// prettier-ignore
const CORRELATION = [
  /* PC */ [1.0, -0.15, -0.15, 0.35, 0.4, 0.2, 0.15],
  /* VB */ [-0.15, 1.0, 0.55, -0.1, -0.3, -0.25, -0.15],
  /* RS */ [-0.15, 0.55, 1.0, -0.15, -0.3, -0.15, -0.1],
  /* SB */ [0.35, -0.1, -0.15, 1.0, 0.2, 0.2, 0.35],
  /* PA */ [0.4, -0.3, -0.3, 0.2, 1.0, 0.3, 0.1],
  /* HS */ [0.2, -0.25, -0.15, 0.2, 0.3, 1.0, 0.25],
  /* LK */ [0.15, -0.15, -0.1, 0.35, 0.1, 0.25, 1.0],
];

/** Lower-triangular Cholesky factor of the trait correlation matrix, row-major. */
export const CHOLESKY: Float64Array = cholesky(CORRELATION);

function cholesky(matrix: number[][]): Float64Array {
  const k = matrix.length;
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let m = 0; m < j; m++) sum -= l[i * k + m]! * l[j * k + m]!;
      if (i === j) {
        if (sum <= 0) throw new Error('trait correlation matrix is not positive definite');
        l[i * k + i] = Math.sqrt(sum);
      } else {
        l[i * k + j] = sum / l[j * k + j]!;
      }
    }
  }
  return l;
}

/** Standard deviation of the random PSU effect on each trait (intraclass correlation ≈ 0.1 on the trait). */
export const CLUSTER_SD = 0.35;

/** Loading λ of the items of each scale (before per-item variation). */
export const LOADING: Readonly<Record<string, number>> = {
  privacy_concern: 0.62,
  victim_blaming: 0.64,
  resharing: 0.74,
  online_safety: 0.6,
  platform_accountability: 0.73,
  help_seeking: 0.72,
};

/** Small per-item variation of loadings, by position in the scale. */
export const LOADING_VARIATION = [1.0, 0.94, 1.06, 0.9, 1.02, 1.08, 0.93, 1.0, 0.97];

/** Item shift (positive: higher codes, i.e. more agreement or more often). */
export const ITEM_SHIFT: Readonly<Record<string, number>> = {
  pc_control1: 0.7,
  pc_control2: 0.5,
  pc_control3: 0.6,
  pc_aware1: 0.8,
  pc_aware2: 0.7,
  pc_aware3: 0.4,
  pc_collect1: 0.6,
  pc_collect2: 0.5,
  pc_collect3: 0.5,
  vb1: 0.1,
  vb2: 0.3,
  vb3: 0.3,
  vb4: -0.3,
  vb5: 0.8,
  vb6: 0.4,
  vb7: 0.2,
  vb8: 0.1,
  rs1: -0.4,
  rs2: 0.5,
  rs3: -0.2,
  rs4: 1.0,
  sb1: -0.3,
  sb2: -0.4,
  sb3: 0.8,
  sb4: 0.0,
  sb5: -0.2,
  sb6: 0.2,
  sb7: 0.5,
  sb8: -0.2,
  pa1: 0.9,
  pa2: 0.8,
  pa3: 0.7,
  pa4: 0.5,
  hs1: -0.2,
  hs2: 0.0,
  hs3: 0.1,
  hs4: -0.5,
};

/** Knowledge items: P(correct) = logistic(KNOWLEDGE_SLOPE · η + difficulty). */
export const KNOWLEDGE_SLOPE = 1.1;
export const KNOWLEDGE_DIFFICULTY: Readonly<Record<string, number>> = {
  know_peca: -0.6,
  know_amendment: -0.9,
  know_nccia: -1.3,
  know_drf: -1.0,
  know_report: 0.5,
};

/** Thresholds cutting x into `k` ordered categories (equal-probability cuts of N(0, 1.1²)). */
export function thresholds(k: number): Float64Array {
  const out = new Float64Array(k - 1);
  for (let j = 1; j < k; j++) out[j - 1] = 1.1 * normalQuantile(j / k, 0, 1);
  return out;
}

import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** The links of an ordinal model, as `svyolr(method = "logistic" | "probit" | "cloglog")`. */
export type OrdinalLink = 'logit' | 'probit' | 'cloglog';

export const ORDINAL_LINKS: readonly OrdinalLink[] = ['logit', 'probit', 'cloglog'];

/** F and its derivatives at one point, as {@link LatentDistribution.evaluate} fills them. */
export interface LatentValues {
  /** F(x). */
  lower: number;
  /** 1 − F(x), computed in the upper tail (no cancellation). */
  upper: number;
  /** f(x) = F′(x). */
  density: number;
  /** f′(x). */
  slope: number;
}

/**
 * The latent distribution F of a proportional-odds model, `P(Y ≤ j) = F(ζ_j − η)`, with what the
 * likelihood's derivatives need, all from one evaluation (one exponential for the logistic). Arguments
 * are finite (the model handles the open ends ζ_0 = −∞ and ζ_K = +∞ itself).
 */
export interface LatentDistribution {
  /** Fills `out` with F(x), 1 − F(x), f(x) and f′(x). */
  evaluate(x: number, out: LatentValues): void;
  /** F⁻¹(p), for starting values. */
  quantile(p: number): number;
}

const logistic: LatentDistribution = {
  evaluate(x, out) {
    // e = exp(−|x|) ≤ 1: no overflow; F and 1 − F from it without cancellation
    const e = Math.exp(-Math.abs(x));
    const small = e / (1 + e);
    const large = 1 / (1 + e);
    out.lower = x >= 0 ? large : small;
    out.upper = x >= 0 ? small : large;
    out.density = small * large;
    // f · (1 − 2F) = f · (1 − F − F)
    out.slope = out.density * (out.upper - out.lower);
  },
  quantile: (p) => Math.log(p / (1 - p)),
};

const INV_SQRT_2PI = 0.3989422804014327;

const normal: LatentDistribution = {
  evaluate(x, out) {
    out.lower = normalCdf(x, 0, 1);
    out.upper = normalCdf(-x, 0, 1);
    out.density = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    out.slope = -x * out.density;
  },
  quantile: (p) => normalQuantile(p, 0, 1),
};

/**
 * survey's `pgumbel`, the distribution `svyolr(method = "cloglog")` uses: F(x) = exp(−e^(−x)), the
 * Gumbel distribution of maxima (MASS::polr would call this link "loglog"; survey calls it "cloglog").
 */
const gumbel: LatentDistribution = {
  evaluate(x, out) {
    const e = Math.exp(-x);
    out.lower = Math.exp(-e);
    out.upper = -Math.expm1(-e);
    out.density = e === Number.POSITIVE_INFINITY ? 0 : e * out.lower;
    out.slope = out.density * (e - 1);
  },
  quantile: (p) => -Math.log(-Math.log(p)),
};

export const LATENT_DISTRIBUTIONS: Readonly<Record<OrdinalLink, LatentDistribution>> = { logit: logistic, probit: normal, cloglog: gumbel };

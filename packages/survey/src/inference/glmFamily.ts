/**
 * The families `svyglm` supports, with R's link, variance and deviance functions
 * (`gaussian()`, `quasibinomial()` and `quasipoisson()`, including R's numerical guards).
 */
export type GlmFamilyName = 'gaussian' | 'quasibinomial' | 'quasipoisson';

export interface GlmFamily {
  name: GlmFamilyName;
  linkfun(mu: number): number;
  linkinv(eta: number): number;
  muEta(eta: number): number;
  variance(mu: number): number;
  /** Unit deviance times the prior weight. */
  devResid(y: number, mu: number, weight: number): number;
  /** R's `family$initialize` starting value of mu. */
  mustart(y: number, weight: number): number;
}

const DBL_EPSILON = 2.220446049250313e-16;
const THRESH = 30;
const MTHRESH = -30;
const INVEPS = 1 / DBL_EPSILON;

function yLogY(y: number, mu: number): number {
  return y > 0 ? y * Math.log(y / mu) : 0;
}

const gaussian: GlmFamily = {
  name: 'gaussian',
  linkfun: (mu) => mu,
  linkinv: (eta) => eta,
  muEta: () => 1,
  variance: () => 1,
  devResid: (y, mu, w) => w * (y - mu) * (y - mu),
  mustart: (y) => y,
};

const quasibinomial: GlmFamily = {
  name: 'quasibinomial',
  linkfun: (mu) => Math.log(mu / (1 - mu)),
  linkinv: (eta) => {
    const t = eta < MTHRESH ? DBL_EPSILON : eta > THRESH ? INVEPS : Math.exp(eta);
    return t / (1 + t);
  },
  muEta: (eta) => {
    const opexp = 1 + Math.exp(eta);
    return eta > THRESH || eta < MTHRESH ? DBL_EPSILON : Math.exp(eta) / (opexp * opexp);
  },
  variance: (mu) => mu * (1 - mu),
  devResid: (y, mu, w) => 2 * w * (yLogY(y, mu) + yLogY(1 - y, 1 - mu)),
  mustart: (y, w) => (w * y + 0.5) / (w + 1),
};

const quasipoisson: GlmFamily = {
  name: 'quasipoisson',
  linkfun: (mu) => Math.log(mu),
  linkinv: (eta) => Math.max(Math.exp(eta), DBL_EPSILON),
  muEta: (eta) => Math.max(Math.exp(eta), DBL_EPSILON),
  variance: (mu) => mu,
  devResid: (y, mu, w) => (y > 0 ? 2 * w * (y * Math.log(y / mu) - (y - mu)) : 2 * w * mu),
  mustart: (y) => y + 0.1,
};

export const GLM_FAMILIES: Readonly<Record<GlmFamilyName, GlmFamily>> = { gaussian, quasibinomial, quasipoisson };

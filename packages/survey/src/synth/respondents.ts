/** Respondent attributes shared by the column generators (typed arrays: one slot per row). */
export interface Respondents {
  n: number;
  stratum: Int32Array;
  psu: Int32Array;
  /** PSU number across all strata, for cluster effects. */
  cluster: Int32Array;
  gender: Uint8Array;
  age: Uint8Array;
  education: Uint8Array;
  urban: Uint8Array;
  /** Bit j set: uses PLATFORMS[j]. */
  platforms: Uint8Array;
  /** Latent traits, row-major n × TRAIT_COUNT. */
  traits: Float64Array;
  /** Respondent's propensity to skip questions (mean 1). */
  skipping: Float64Array;
}

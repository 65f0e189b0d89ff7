import { LeakriskError } from '../errors.js';
import { perUnitApplies } from './accumulation.js';
import { stageStratumName } from './strata.js';
import type { SurveyDesign } from './types.js';

export interface VarianceOptions {
  /**
   * Rows that belong to the subpopulation being estimated (1 = present). R's subset of an
   * uncalibrated design drops the other rows, which matters only for lonely-PSU rules inside a
   * domain, for which strata exist in the subset and for the `adjust` centring. Influence values of
   * absent rows must be zero. Ignored for calibrated designs: R keeps every row of a calibrated
   * design in a subset (weights set to zero), and so do we. Default: every row present.
   */
  present?: Uint8Array;
}

/**
 * Covariance matrix of estimated totals of influence values, R's `svyrecvar(z, clusters, strata, fpc,
 * postStrata)` (Taylor linearisation), as in survey 4.1 (R's `multistage`/`onestage`/`onestrat`).
 *
 * First the design's calibration steps residualise z (R's `postStrata`). Then, recursively over stages,
 * in each stratum h with n_h sampled units (of N_h in the population; f_h = n_h/N_h, 0 without an fpc),
 * with unit totals t_hi = Σ_{rows in unit i} z and t̄_h = Σ_i t_hi / n_h (units of the design that have no
 * present row count with t_hi = 0):
 *   V_stage = Σ_h (1 − f_h) · n_h/(n_h − 1) · Σ_i (t_hi − t̄_h)(t_hi − t̄_h)ᵀ,
 *   V = V_stage1 + Σ_h f_h Σ_{i in h} V_stage2(unit i) + …   (later stages only when stage-1 has an fpc).
 * Lonely PSUs (n_h = 1, N_h > 1) follow `design.lonelyPsu` as R's `survey.lonely.psu`; with
 * `adjustDomainLonely` (R's `survey.adjust.domain.lonely`) a stratum with one present unit in a domain is
 * treated as lonely for `adjust`/`average`. `adjust` centres a lonely unit's total at 0 (survey 4.1; for
 * means and ratios this is the grand mean, since their influence values sum to 0).
 *
 * @param z z[k][i] = weighted influence value of row i for statistic k (zero outside the domain)
 * @returns p×p covariance matrix, row-major
 * @example designVariance(design, [Float64Array.from(y, (v, i) => v * design.weights[i])]) // variance of the total of y
 */
export function designVariance(design: SurveyDesign, z: readonly Float64Array[], options: VarianceOptions = {}): Float64Array {
  const p = z.length;
  for (const column of z) {
    if (column.length !== design.nrow) {
      throw new Error(`designVariance: influence column of length ${column.length}, design has ${design.nrow} rows`);
    }
  }
  if (p === 0) return new Float64Array(0);
  let values: readonly Float64Array[] = z;
  for (const step of design.calibration) values = step.residualize(values, design);
  let rows: Int32Array | null = null;
  if (options.present !== undefined && design.calibration.length === 0) {
    const present = options.present;
    let count = 0;
    for (let i = 0; i < present.length; i++) if (present[i]) count++;
    if (count < design.nrow) {
      rows = new Int32Array(count);
      let j = 0;
      for (let i = 0; i < present.length; i++) if (present[i]) rows[j++] = i;
    }
  }
  return new VarianceRun(design, values).multistage(rows, 0);
}

/**
 * {@link designVariance} from the statistic's influence totals per first-stage unit (PSU) instead of
 * its influence values per row: what a mean or total needs, without an array as long as the data.
 * Only when {@link perUnitApplies}. `totals[c * p + k]` is unit c's total for statistic k, and
 * `touched` lists the units that have a row in the estimate (R's subset), in order of their first
 * such row — which is how designVariance meets them, so the sums run in the same order.
 */
export function designVarianceOfUnitTotals(design: SurveyDesign, p: number, totals: Float64Array, touched: Int32Array): Float64Array {
  if (!perUnitApplies(design)) throw new Error('designVarianceOfUnitTotals: the design needs influence values per row');
  return new VarianceRun(design, [], p).fromUnitTotals(totals, touched);
}

/**
 * Influence totals per first-stage unit (PSU), built row by row for {@link designVarianceOfUnitTotals}:
 * `unitOf(i)` marks row i's PSU as in the estimate (in order of first row) and returns it; callers add
 * into `totals[unit * p + k]`. Only when {@link perUnitApplies}.
 */
export class UnitTotals {
  readonly totals: Float64Array;
  private readonly cluster: Int32Array;
  private readonly seen: Uint8Array;
  private readonly units: number[] = [];

  constructor(
    private readonly design: SurveyDesign,
    readonly p: number,
  ) {
    const stage = design.stages[0]!;
    this.cluster = stage.cluster;
    this.totals = new Float64Array(stage.nClusters * p);
    this.seen = new Uint8Array(stage.nClusters);
  }

  unitOf(i: number): number {
    const c = this.cluster[i]!;
    if (this.seen[c] === 0) {
      this.seen[c] = 1;
      this.units.push(c);
    }
    return c;
  }

  /** The units met so far, in order of their first row. */
  touched(): Int32Array {
    return Int32Array.from(this.units);
  }

  /** The p×p covariance of the statistics, from `totals`. */
  variance(): Float64Array {
    return designVarianceOfUnitTotals(this.design, this.p, this.totals, this.touched());
  }
}

/** Per-stage scratch buffers, reused across the recursive calls of one stage. */
interface StageScratch {
  totals: Float64Array; // nClusters × p
  clusterMark: Uint8Array;
  clusterCount: Int32Array;
  strataSums: Float64Array; // nStrata × p
  strataObs: Int32Array;
}

class VarianceRun {
  private readonly p: number;
  private readonly scratch: (StageScratch | undefined)[];

  constructor(
    private readonly design: SurveyDesign,
    private readonly z: readonly Float64Array[],
    p = z.length,
  ) {
    this.p = p;
    this.scratch = design.stages.map(() => undefined);
  }

  /** The first stage's variance from given unit totals (see designVarianceOfUnitTotals). */
  fromUnitTotals(totals: Float64Array, touched: Int32Array): Float64Array {
    const p = this.p;
    const b = this.buffers(0);
    for (let t = 0; t < touched.length; t++) {
      const c = touched[t]!;
      for (let k = 0; k < p; k++) b.totals[c * p + k] = totals[c * p + k]!;
    }
    const v = this.onestage(0, b, touched);
    this.cleanup(b, touched);
    return v;
  }

  private buffers(s: number): StageScratch {
    let b = this.scratch[s];
    if (b === undefined) {
      const st = this.design.stages[s]!;
      b = {
        totals: new Float64Array(st.nClusters * this.p),
        clusterMark: new Uint8Array(st.nClusters),
        clusterCount: new Int32Array(st.nClusters),
        strataSums: new Float64Array(st.nStrata * this.p),
        strataObs: new Int32Array(st.nStrata),
      };
      this.scratch[s] = b;
    }
    return b;
  }

  /** R's `multistage` / `arma_multistage` on the given rows (null = all rows) at stage s. */
  multistage(rows: Int32Array | null, s: number): Float64Array {
    const p = this.p;
    const stages = this.design.stages;
    const st = stages[s]!;
    const b = this.buffers(s);
    const touched = this.accumulate(rows, s, b);
    const v = this.onestage(s, b, touched);

    if (s + 1 < stages.length) {
      // Group the rows by unit of this stage, for the next stage's variance within each unit.
      const groups = this.groupRows(rows, s, b, touched);
      for (let t = 0; t < touched.length; t++) {
        const c = touched[t]!;
        const h = st.clusterStratum[c]!;
        const N = st.population[h]!;
        if (!Number.isFinite(N)) continue; // with replacement at this stage: later stages add nothing
        const f = st.sampled[h]! / N;
        const sub = this.multistage(groups.rows.subarray(groups.offsets[t]!, groups.offsets[t + 1]!), s + 1);
        for (let k = 0; k < p * p; k++) v[k] = v[k]! + f * sub[k]!;
      }
    }
    this.cleanup(b, touched);

    return v;
  }

  /** Unit totals for this stage; returns the units present, in order of first appearance. */
  private accumulate(rows: Int32Array | null, s: number, b: StageScratch): Int32Array {
    const p = this.p;
    const z = this.z;
    const cluster = this.design.stages[s]!.cluster;
    const { totals, clusterMark, clusterCount } = b;
    const touched: number[] = [];
    const count = rows === null ? this.design.nrow : rows.length;
    if (p === 1) {
      const z0 = z[0]!;
      for (let j = 0; j < count; j++) {
        const r = rows === null ? j : rows[j]!;
        const c = cluster[r]!;
        if (clusterMark[c] === 0) {
          clusterMark[c] = 1;
          touched.push(c);
        }
        clusterCount[c]!++;
        totals[c] = totals[c]! + z0[r]!;
      }
    } else {
      for (let j = 0; j < count; j++) {
        const r = rows === null ? j : rows[j]!;
        const c = cluster[r]!;
        if (clusterMark[c] === 0) {
          clusterMark[c] = 1;
          touched.push(c);
        }
        clusterCount[c]!++;
        const base = c * p;
        for (let k = 0; k < p; k++) totals[base + k] = totals[base + k]! + z[k]![r]!;
      }
    }
    return Int32Array.from(touched);
  }

  /** R's `onestage`: the variance contribution of this stage's strata. */
  private onestage(s: number, b: StageScratch, touched: Int32Array): Float64Array {
    const p = this.p;
    const design = this.design;
    const st = design.stages[s]!;
    const { totals, strataSums, strataObs } = b;
    const v = new Float64Array(p * p);
    if (touched.length === 0) return v;

    const strataPresent: number[] = [];
    for (let t = 0; t < touched.length; t++) {
      const c = touched[t]!;
      const h = st.clusterStratum[c]!;
      if (strataObs[h] === 0) strataPresent.push(h);
      strataObs[h]!++;
      for (let k = 0; k < p; k++) strataSums[h * p + k] = strataSums[h * p + k]! + totals[c * p + k]!;
    }

    const rule = design.lonelyPsu;
    const lonely = new Uint8Array(strataPresent.length);
    const lonelyIndex = new Map<number, number>();
    let nLonely = 0;
    strataPresent.forEach((h, idx) => {
      lonelyIndex.set(h, idx);
      const nh = st.sampled[h]!;
      if (nh < 2) {
        if (st.population[h]! > 1) {
          lonely[idx] = 1;
          if (rule === 'fail') {
            this.cleanupStrata(b, strataPresent);
            throw new LeakriskError(
              `${stageStratumName(s, h, design.strataLabels, design.stages)} has only one ${s === 0 ? 'PSU' : `sampling unit at stage ${s + 1}`}, so its variance cannot be estimated`,
              { file: design.file, column: s === 0 ? design.spec.strata : design.spec.ids?.[s] },
              'choose a lonely-PSU rule in the design ("lonelyPsu": "remove", "certainty", "adjust" or "average", as R\'s survey.lonely.psu), or merge this stratum with a similar one',
            );
          }
        }
      } else if (design.adjustDomainLonely && strataObs[h] === 1) {
        // one unit of this stratum in the domain
        if (rule === 'adjust' || rule === 'average') lonely[idx] = 1;
      }
      if (lonely[idx]) nLonely++;
    });

    // survey 4.1's `adjust` leaves a lonely unit uncentred (centre 0: the grand mean of influence totals,
    // which is exactly 0 for means and ratios). survey ≥ 4.2 centres at the average unit total instead,
    // which differs for totals only; we follow the 4.1 series that the reference values come from.
    // Centre (t̄_h or the adjust mean) and scale of each present stratum.
    const centre = new Float64Array(strataPresent.length * p);
    const scale = new Float64Array(strataPresent.length);
    const skip = new Uint8Array(strataPresent.length);
    strataPresent.forEach((h, idx) => {
      if (lonely[idx] && rule !== 'adjust') {
        skip[idx] = 1;
        return;
      }
      const nh = st.sampled[h]!;
      const N = st.population[h]!;
      const f = Number.isFinite(N) ? nh / N : 0;
      scale[idx] = nh > 1 ? ((1 - f) * nh) / (nh - 1) : (1 - f) * nh;
      for (let k = 0; k < p; k++) {
        centre[idx * p + k] = lonely[idx] ? 0 : strataSums[h * p + k]! / nh;
      }
      // Units of the design that have no row here: t_hi = 0, so each adds t̄ t̄ᵀ.
      const missing = nh - strataObs[h]!;
      if (missing > 0) {
        const w = missing * scale[idx]!;
        for (let a = 0; a < p; a++) {
          const ca = centre[idx * p + a]!;
          for (let c = 0; c < p; c++) v[a * p + c] = v[a * p + c]! + w * ca * centre[idx * p + c]!;
        }
      }
    });

    const d = new Float64Array(p);
    for (let t = 0; t < touched.length; t++) {
      const c = touched[t]!;
      const idx = lonelyIndex.get(st.clusterStratum[c]!)!;
      if (skip[idx]) continue;
      const sc = scale[idx]!;
      if (p === 1) {
        const dv = totals[c]! - centre[idx]!;
        v[0] = v[0]! + sc * dv * dv;
        continue;
      }
      for (let k = 0; k < p; k++) d[k] = totals[c * p + k]! - centre[idx * p + k]!;
      for (let a = 0; a < p; a++) {
        const da = sc * d[a]!;
        if (da === 0) continue;
        for (let k = 0; k < p; k++) v[a * p + k] = v[a * p + k]! + da * d[k]!;
      }
    }

    if (rule === 'average' && nLonely > 0) {
      const H = strataPresent.length;
      const factor = H > nLonely ? H / (H - nLonely) : Number.NaN;
      for (let k = 0; k < p * p; k++) v[k] = v[k]! * factor;
    }
    this.cleanupStrata(b, strataPresent);
    return v;
  }

  /** Row indices grouped by unit (counting sort), in the order of `touched`. */
  private groupRows(rows: Int32Array | null, s: number, b: StageScratch, touched: Int32Array): { rows: Int32Array; offsets: Int32Array } {
    const cluster = this.design.stages[s]!.cluster;
    const offsets = new Int32Array(touched.length + 1);
    const slot = b.clusterCount; // counts are no longer needed once offsets are known: reuse as slot index
    for (let t = 0; t < touched.length; t++) {
      const c = touched[t]!;
      offsets[t + 1] = offsets[t]! + slot[c]!;
      slot[c] = t;
    }
    const next = offsets.slice(0, touched.length);
    const count = rows === null ? this.design.nrow : rows.length;
    const out = new Int32Array(count);
    for (let j = 0; j < count; j++) {
      const r = rows === null ? j : rows[j]!;
      const t = slot[cluster[r]!]!;
      out[next[t]!++] = r;
    }
    return { rows: out, offsets };
  }

  private cleanup(b: StageScratch, touched: Int32Array): void {
    const p = this.p;
    for (let t = 0; t < touched.length; t++) {
      const c = touched[t]!;
      b.clusterMark[c] = 0;
      b.clusterCount[c] = 0;
      for (let k = 0; k < p; k++) b.totals[c * p + k] = 0;
    }
  }

  private cleanupStrata(b: StageScratch, strataPresent: readonly number[]): void {
    const p = this.p;
    for (const h of strataPresent) {
      b.strataObs[h] = 0;
      for (let k = 0; k < p; k++) b.strataSums[h * p + k] = 0;
    }
  }
}

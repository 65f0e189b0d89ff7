/** The shape of `results/results.json` (see the contract). Numbers are plain; `null` where undefined. */
export interface ResultsMeta {
  tool: 'leakrisk';
  version: string;
  data: string;
  dataSha256: string;
  plan: string;
  /** Path of the codebook relative to the results folder, when one was used. */
  codebook?: string;
  /** Path of the report settings relative to the results folder, when given. */
  reportSettings?: string;
  rows: number;
  createdAt: string;
}

export interface ResultsDesign {
  strata: number;
  psus: number;
  df: number;
  sumWeights: number;
  lonelyPsu: string;
  /** A replicate-weight design's kind and number of replicates (R's `svrepdesign`); absent otherwise. */
  replicates?: { type: string; count: number };
}

export interface ResultsCalibration {
  method: string;
  iterations: number;
  converged: boolean;
  maxDiscrepancy: number;
}

/** One row of an analysis result; which fields appear depends on the analysis type. */
export type ResultRow = Record<string, unknown> & { domain?: Record<string, string> };

export interface AnalysisResult {
  id: string;
  type: string;
  section?: string;
  label?: string;
  /** A model's warnings about its fit (separation, non-convergence); present, maybe empty, on glm and ordinal results. */
  warnings?: string[];
  /** Echoed analysis fields (variable, by, level, formula, …). */
  [field: string]: unknown;
  rows: ResultRow[];
}

export interface Results {
  meta: ResultsMeta;
  design: ResultsDesign;
  calibration: ResultsCalibration | null;
  results: AnalysisResult[];
}

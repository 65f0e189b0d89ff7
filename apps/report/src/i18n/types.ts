/** The two editions of the report. */
export type Lang = 'en' | 'ur';

/** How the estimates were weighted (see `weightingOf`). */
export type Weighting = 'calibrated' | 'weighted' | 'unweighted';

/** How a model's coefficients are read (see `modelKindOf`). */
export type ModelScale = 'difference' | 'odds' | 'rate' | 'higher-odds' | 'link';

/** The kinds of model the report describes. */
export type ModelKindName = 'linear' | 'logistic' | 'poisson' | 'ordinal';

/** The unit a numeric predictor's coefficient is "per". */
export type PredictorUnit = 'year' | 'hour' | 'person' | 'point' | 'correctAnswer' | 'unit';

/** The sections a report falls back to when neither the plan nor the codebook places an analysis. */
export type KindSection = 'answers' | 'estimates' | 'models';

/**
 * Every piece of report text that does not come from the codebook or the settings. Functions that
 * build HTML take pieces that are already HTML-escaped (numbers already wrapped for bidi isolation);
 * the others return plain text (for SVG, tables and CSV). No text names a study: titles, sources,
 * notes and study-specific limitations come from the report settings.
 */
export interface Strings {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  languageName: string;
  otherLanguage: { lang: Lang; label: string };
  skipToContent: string;
  nav: { label: string; home: string; subgroups: string; methodology: string };
  contentNoteHeading: string;
  helpHeading: string;
  helpHours: string;
  verifyContact: (date: string) => string;
  syntheticHeading: string;
  /** The synthetic-data banner when the settings give no wording of their own. */
  syntheticBanner: string;
  keyFindingsHeading: string;
  keyFindingsIntro: (weighting: Weighting) => string;
  atAGlanceHeading: string;
  sectionsHeading: string;
  findings: {
    scaleMean: (scale: string, mean: string, low: string, high: string, min: string, max: string) => string;
    mean: (variable: string, mean: string, low: string, high: string) => string;
    itemShare: (item: string, total: string, answers: string, parts: string) => string;
    itemPart: (share: string, level: string, low: string, high: string) => string;
    knowledge: (item: string, share: string, low: string, high: string) => string;
    difference: (outcome: string, groupA: string, groupB: string, size: string, higher: boolean, pAdjusted: string, share: boolean) => string;
    noneSignificant: string;
  };
  figure: {
    question: string;
    questions: string;
    model: string;
    base: (n: string) => string;
    baseRange: (min: string, max: string) => string;
    baseModel: (n: string) => string;
    weighting: (weighting: Weighting) => string;
    source: (source: string) => string;
    dataTable: string;
    download: string;
    suppressed: string;
    suppressedNote: (minBase: string) => string;
    fewerThan: (n: string) => string;
    marked: string;
    markedNote: (detail: string) => string;
    noTest: string;
    csvNote: string;
  };
  table: {
    group: string;
    estimate: string;
    estimateOf: string;
    ciLow: string;
    ciHigh: string;
    base: string;
    item: string;
    share: string;
    term: string;
    quantile: string;
    significant: string;
    yes: string;
    no: string;
    notAssessed: string;
    test: string;
    method: string;
    statistic: string;
    df: string;
    pValue: string;
    pAdjusted: string;
    value: string;
    scale: string;
  };
  chart: {
    likertTitle: (topic: string) => string;
    likertDescription: (count: number, topic: string) => string;
    byTitle: (outcome: string, group: string) => string;
    byDescription: (outcome: string, group: string, count: number) => string;
    panelsTitle: (group: string) => string;
    panelsDescription: (group: string, panels: number, scores: number) => string;
    knowledgeTitle: (topic: string) => string;
    knowledgeDescription: (count: number) => string;
    sharesTitle: (topic: string) => string;
    sharesDescription: (count: number) => string;
    answersTitle: (question: string) => string;
    coefficientTitle: (outcome: string) => string;
    coefficientDescription: (outcome: string, count: number, scale: ModelScale) => string;
    distributionTitle: (scale: string) => string;
    distributionDescription: (scale: string) => string;
    meansTitle: (topic: string) => string;
    overviewTitle: string;
    meansDescription: (count: number, min: string | undefined, max: string | undefined) => string;
    meanAxis: (min: string, max: string) => string;
    scoreAxis: (scale: string, min: string, max: string) => string;
    zeroLine: string;
    overall: string;
    quantileLabel: (probability: number) => string;
    summaryHighest: (label: string, value: string) => string;
    summaryLowest: (label: string, value: string) => string;
  };
  model: {
    perUnit: (variable: string, unit: string) => string;
    units: Record<PredictorUnit, string>;
    comparedWith: (variable: string, level: string, reference: string) => string;
    levelOnly: (variable: string, level: string) => string;
    interaction: (parts: string[]) => string;
    outcomeLevel: (outcome: string, level: string) => string;
    describe: (kind: ModelKindName, outcome: string, predictors: string[], link: string | undefined) => string;
    axis: {
      difference: (outcome: string) => string;
      scoreDifference: (min: string, max: string) => string;
      oddsRatio: string;
      rateRatio: string;
      higherOddsRatio: string;
      linkCoefficient: (link: string) => string;
    };
    ratioHeading: (scale: ModelScale) => string;
    ratioNote: (scale: ModelScale) => string;
    separationNote: (terms: string[]) => string;
    warningNote: (warnings: string[]) => string;
    notEstimable: string;
    testTerm: (outcome: string, term: string) => string;
    cutPoint: (low: string, high: string) => string;
    cutPointsTitle: (outcome: string) => string;
    cutPointHeading: string;
    threshold: string;
    se: string;
    cutPointsDescription: (count: number) => string;
  };
  estimates: {
    title: (topic: string) => string;
    description: (count: number) => string;
    total: (variable: string) => string;
    ratio: (numerator: string, denominator: string) => string;
    mean: (variable: string) => string;
  };
  kindSections: Record<KindSection, string>;
  /** Caption wording of a scale score. */
  scaleQuestion: (scale: string, count: number, min: string, max: string) => string;
  /** Caption wording of a knowledge score. */
  knowledgeQuestion: (score: string, count: number) => string;
  /** A numeric variable grouped into bands by the plan (`age_band` from `age`): "Age band". */
  bandOf: (variable: string) => string;
  /** The two answers of a select-multiple option column (`1`, `0`). */
  selected: string;
  notSelected: string;
  sectionPage: {
    scoreHeading: string;
    itemsHeading: string;
    byHeading: string;
    reliability: (alpha: string, omega: string) => string;
    modelsHeading: string;
    estimatesHeading: string;
    noData: string;
  };
  subgroups: {
    title: string;
    intro: (groups: string) => string;
    testsHeading: string;
    testsIntro: string;
    byHeading: (group: string) => string;
    cautionNote: string;
    /** The method of a test in words (the tests table): a chisq carries R's name of its correction. */
    method: {
      chisq: (correction: string | undefined) => string;
      ttest: string;
      contrast: string;
      models: Record<ModelKindName, string>;
    };
  };
  methodology: {
    title: string;
    designHeading: string;
    design: (rows: string, strata: string | null, psus: string | null, df: string | null) => string;
    designUnknown: string;
    /** How the charts are drawn in the two editions (value axes run the same way in both). */
    chartsNote: string;
    weightingHeading: string;
    weighting: (method: string, iterations: string, converged: boolean, discrepancy: string) => string;
    designWeightsOnly: string;
    unweighted: string;
    marginsHeading: string;
    marginsMissing: (plan: string) => string;
    reliabilityHeading: string;
    /** A scale's second alpha row, the design-based one (`svycralpha`). */
    designBasedAlpha: (scale: string) => string;
    reliabilityIntro: string;
    alpha: string;
    stdAlpha: string;
    omega: string;
    anonymizationHeading: string;
    noAudit: string;
    anonymization: {
      rows: (rowsIn: string, rowsOut: string) => string;
      dropped: (columns: string) => string;
      pseudonymized: (columns: string) => string;
      scrubbed: (column: string, count: string | null) => string;
      piiTypes: (list: string) => string;
      piiType: (type: string, count: string) => string;
      kept: (columns: string) => string;
      bands: (column: string, bands: string) => string;
      generalised: (column: string, level: string, step: string, of: string) => string;
      removed: (column: string) => string;
      suppressed: (records: string, share: string, cells: string) => string;
      suppressedCells: (column: string, cells: string) => string;
      k: (keys: string, k: string, required: string | null) => string;
      l: (sensitive: string, l: string, required: string | null) => string;
      risk: (before: string, after: string) => string;
      riskAfterOnly: (after: string) => string;
      expected: (before: string, after: string) => string;
      informationLoss: (value: string) => string;
      download: string;
    };
    disclosureHeading: string;
    disclosure: (minBase: string) => string;
    disclosureModels: (minBase: string) => string;
    limitationsHeading: string;
    limitations: string[];
    limitationCalibration: string;
    limitationAnonymization: string;
    provenanceHeading: string;
    provenance: (file: string, created: string, tool: string) => string;
  };
  /** Joins a list in running text: "a, b and c". */
  list: (items: string[]) => string;
  /** Joins alternatives in running text: "a, b or c". */
  orList: (items: string[]) => string;
  footer: (version: string) => string;
}

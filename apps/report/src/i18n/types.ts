/** The two editions of the report. */
export type Lang = 'en' | 'ur';

/**
 * Every piece of report text that does not come from the codebook or the settings. Functions take
 * pieces that are already HTML-escaped (numbers already wrapped for bidi isolation) and return HTML;
 * `plain*` functions return plain text for SVG and CSV.
 */
export interface Strings {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  languageName: string;
  otherLanguage: { lang: Lang; label: string };
  skipToContent: string;
  nav: { label: string; home: string; subgroups: string; methodology: string; sections: string };
  contentNoteHeading: string;
  helpHeading: string;
  helpHours: string;
  verifyContact: (date: string) => string;
  contactSources: string;
  syntheticHeading: string;
  keyFindingsHeading: string;
  keyFindingsIntro: string;
  atAGlanceHeading: string;
  sectionsHeading: string;
  readSection: (title: string) => string;
  findings: {
    scaleMean: (scale: string, mean: string, low: string, high: string, min: string, max: string) => string;
    itemShare: (item: string, total: string, parts: string) => string;
    itemPart: (share: string, level: string, low: string, high: string) => string;
    knowledge: (item: string, share: string, low: string, high: string) => string;
    difference: (scale: string, groupA: string, groupB: string, size: string, higher: boolean, pAdjusted: string) => string;
    noneSignificant: string;
  };
  figure: {
    question: string;
    questions: string;
    base: (n: string) => string;
    baseRange: (min: string, max: string) => string;
    baseModel: (n: string) => string;
    weighting: string;
    unweighted: string;
    source: (source: string) => string;
    dataTable: string;
    download: string;
    suppressed: string;
    suppressedNote: (minBase: string) => string;
    marked: string;
    markedNote: (detail: string) => string;
    noTest: string;
    csvNote: string;
  };
  table: {
    group: string;
    estimate: string;
    ciLow: string;
    ciHigh: string;
    base: string;
    item: string;
    level: string;
    share: string;
    term: string;
    quantile: string;
    significant: string;
    yes: string;
    no: string;
    test: string;
    statistic: string;
    df: string;
    pValue: string;
    pAdjusted: string;
    variable: string;
    value: string;
    scale: string;
  };
  chart: {
    likertTitle: (section: string) => string;
    likertDescription: (count: number, section: string) => string;
    byTitle: (scale: string, group: string) => string;
    byDescription: (scale: string, group: string, count: number) => string;
    provinceTitle: string;
    provinceDescription: (count: number) => string;
    knowledgeTitle: string;
    knowledgeDescription: (count: number) => string;
    sharesTitle: (section: string) => string;
    sharesDescription: (count: number) => string;
    coefficientTitle: (outcome: string) => string;
    coefficientDescription: (outcome: string, count: number) => string;
    distributionTitle: (scale: string) => string;
    distributionDescription: (scale: string) => string;
    meansTitle: string;
    meansDescription: (count: number) => string;
    meanAxis: (min: string, max: string) => string;
    shareAxis: string;
    coefficientAxis: string;
    zeroLine: string;
    overall: string;
    quantileLabel: (probability: number) => string;
    summaryHighest: (label: string, value: string) => string;
    summaryLowest: (label: string, value: string) => string;
    termLabel: (variable: string, level: string, reference: string) => string;
    numericTerm: (variable: string) => string;
  };
  /** Caption wording of a scale score. */
  scaleQuestion: (scale: string, count: number, min: string, max: string) => string;
  /** Caption wording of a knowledge score. */
  knowledgeQuestion: (score: string, count: number) => string;
  groups: Record<string, string>;
  uses: (platform: string) => string;
  doesNotUse: (platform: string) => string;
  sectionPage: {
    scoreHeading: string;
    itemsHeading: string;
    byHeading: string;
    reliability: (alpha: string, omega: string) => string;
    modelsHeading: string;
    noData: string;
  };
  subgroups: {
    title: string;
    intro: string;
    testsHeading: string;
    testsIntro: string;
    byHeading: (group: string) => string;
  };
  methodology: {
    title: string;
    designHeading: string;
    design: (rows: string, strata: string, psus: string, df: string) => string;
    designUnknown: string;
    weightingHeading: string;
    weighting: (method: string, iterations: string, converged: boolean, discrepancy: string) => string;
    noCalibration: string;
    marginsHeading: string;
    marginsMissing: (plan: string) => string;
    reliabilityHeading: string;
    reliabilityIntro: string;
    alpha: string;
    stdAlpha: string;
    omega: string;
    anonymizationHeading: string;
    noAudit: string;
    audit: {
      rows: string;
      k: string;
      l: string;
      suppressedShare: string;
      suppressedCells: string;
      suppressedRows: string;
      riskBefore: string;
      riskAfter: string;
      expectedBefore: string;
      expectedAfter: string;
      informationLoss: string;
      generalisation: string;
      pii: string;
      allFigures: string;
      required: (value: string) => string;
    };
    disclosureHeading: string;
    disclosure: (minBase: string) => string;
    limitationsHeading: string;
    limitations: string[];
    provenanceHeading: string;
    provenance: (file: string, created: string, tool: string) => string;
  };
  footer: (version: string) => string;
  printTables: string;
}

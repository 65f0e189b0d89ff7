import { midSentence } from './sentenceCase.js';
import type { Strings } from './types.js';

/** A label inside a sentence: sentence case ("Gender" → "gender", "TikTok" stays). */
const lower = (label: string) => midSentence(label, 'en');

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Joins items in English running text: "a", "a and b", "a, b and c" (or "a, b or c"). */
function joined(items: string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}
const list = (items: string[]) => joined(items, 'and');
const orList = (items: string[]) => joined(items, 'or');

const CI = 'lines and brackets are 95% confidence intervals';

/** English report text. Inputs to HTML-building functions are HTML-escaped already. */
export const en: Strings = {
  lang: 'en',
  dir: 'ltr',
  languageName: 'English',
  otherLanguage: { lang: 'ur', label: 'اردو' },
  skipToContent: 'Skip to the main content',
  nav: { label: 'Report pages', home: 'Overview', subgroups: 'Differences between groups', methodology: 'Methodology' },
  contentNoteHeading: 'Content note',
  helpHeading: 'Where to get help',
  helpHours: 'Hours',
  verifyContact: (date) => `Contact details recorded on ${date} and not yet confirmed at the source: verify before publishing.`,
  syntheticHeading: 'Synthetic data',
  syntheticBanner:
    'Synthetic data: every figure in this report comes from computer-generated responses. They describe no real people and must not be quoted as findings.',
  keyFindingsHeading: 'Key findings',
  keyFindingsIntro: (weighting) =>
    `${weighting === 'unweighted' ? 'Unweighted estimates' : 'Weighted estimates'}, with 95% confidence intervals (CI) in brackets.`,
  atAGlanceHeading: 'At a glance',
  sectionsHeading: 'Topics',
  findings: {
    scaleMean: (scale, mean, low, high, min, max) => `The average score on ${scale} was ${mean} on a scale from ${min} to ${max} (95% CI ${low} to ${high}).`,
    mean: (variable, mean, low, high) => `The average ${variable} was ${mean} (95% CI ${low} to ${high}).`,
    itemShare: (item, total, answers, parts) => `${total} answered ${answers} to “${item}” (${parts}).`,
    itemPart: (share, level, low, high) => `${share} ${level}, 95% CI ${low} to ${high}`,
    knowledge: (item, share, low, high) => `${share} (95% CI ${low} to ${high}) answered correctly: ${item}`,
    difference: (outcome, groupA, groupB, size, higher, pAdjusted, share) =>
      `${outcome}: ${groupA} ${share ? `was ${size} percentage points` : `scored ${size} points`} ${higher ? 'higher' : 'lower'} than ${groupB}, a difference that remains significant after the Benjamini–Hochberg adjustment (adjusted p ${pAdjusted}).`,
    noneSignificant: 'No difference between groups was significant after the Benjamini–Hochberg adjustment.',
  },
  figure: {
    question: 'Question',
    questions: 'Questions',
    model: 'Model',
    base: (n) => `Base: ${n} respondents (unweighted).`,
    baseModel: (n) => `Base: the ${n} respondents with every variable of the model answered (unweighted).`,
    baseRange: (min, max) => `Base: ${min} to ${max} respondents per estimate (unweighted).`,
    weighting: (weighting) =>
      weighting === 'calibrated'
        ? `Estimates are weighted (design weights calibrated to population totals); ${CI}.`
        : weighting === 'weighted'
          ? `Estimates are weighted (design weights); ${CI}.`
          : `Estimates are unweighted (every respondent counts once); ${CI}.`,
    source: (source) => `Source: ${source}.`,
    dataTable: 'Data table',
    download: 'Download these numbers (CSV)',
    suppressed: 'suppressed',
    suppressedNote: (minBase) => `“Suppressed”: the unweighted base is below ${minBase}, or the estimate could be worked out from other published figures.`,
    fewerThan: (n) => `fewer than ${n}`,
    marked: 'differs significantly (Benjamini–Hochberg)',
    markedNote: (detail) => `Marked (◆ *), differs significantly after the Benjamini–Hochberg adjustment: ${detail}.`,
    noTest: 'The analysis plan has no significance test for these groups; differences shown are not tested.',
    csvNote: 'The CSV holds exactly the numbers shown, unrounded; suppressed estimates are empty.',
  },
  table: {
    group: 'Group',
    estimate: 'Estimate',
    estimateOf: 'Estimate of',
    ciLow: '95% CI low',
    ciHigh: '95% CI high',
    base: 'Base (n)',
    item: 'Statement',
    share: 'Share',
    term: 'Term',
    quantile: 'Quantile',
    significant: 'Significant (BH)',
    yes: 'yes',
    no: 'no',
    notAssessed: 'not assessed',
    test: 'Test',
    method: 'Method',
    statistic: 'Statistic',
    df: 'df',
    pValue: 'p',
    pAdjusted: 'Adjusted p (BH)',
    value: 'Value',
    scale: 'Score',
  },
  chart: {
    likertTitle: (topic) => `${topic}: answers to each statement`,
    likertDescription: (count, topic) =>
      `Diverging bars for ${plural(count, 'statement', 'statements')} on ${topic}. Each bar splits the estimated share of respondents by answer: the lower answers on one side of the centre line, the higher ones on the other, a middle answer split across it.`,
    byTitle: (outcome, group) => `${outcome} by ${lower(group)}`,
    byDescription: (outcome, group, count) =>
      `Estimate of ${lower(outcome)} with its 95% confidence interval for ${plural(count, 'group', 'groups')} of ${lower(group)}; the dashed line is the estimate for everyone.`,
    panelsTitle: (group) => `Scores by ${lower(group)}`,
    panelsDescription: (group, panels, scores) =>
      `One panel per group of ${lower(group)} (${panels} panels), each showing the mean and 95% confidence interval of ${plural(scores, 'score', 'scores')} on a shared axis.`,
    knowledgeTitle: (topic) => `${topic}: share answering correctly`,
    knowledgeDescription: (count) =>
      `Bars showing the estimated share answering each of ${plural(count, 'question', 'questions')} correctly, with 95% confidence intervals.`,
    sharesTitle: (topic) => `${topic}: share of respondents`,
    sharesDescription: (count) => `Bars showing ${plural(count, 'estimated share', 'estimated shares')}, with 95% confidence intervals.`,
    answersTitle: (question) => `${question}: answers`,
    coefficientTitle: (outcome) => `What goes with ${lower(outcome)}`,
    coefficientDescription: (outcome, count, scale) =>
      scale === 'difference'
        ? `Estimated differences in ${lower(outcome)} for ${plural(count, 'term', 'terms')} of a design-based regression, each with its 95% confidence interval; the line at zero means no difference.`
        : scale === 'link'
          ? `Coefficients of ${plural(count, 'term', 'terms')} of a design-based ordinal regression of ${lower(outcome)}, each with its 95% confidence interval; the line at zero means no difference.`
          : `${scale === 'rate' ? 'Rate ratios' : 'Odds ratios'} for ${plural(count, 'term', 'terms')} of a design-based regression of ${lower(outcome)}, each with its 95% confidence interval, on a log scale; the line at 1 means no difference.`,
    distributionTitle: (scale) => `Distribution of ${lower(scale)}`,
    distributionDescription: (scale) =>
      `Estimated quantiles of ${lower(scale)}: the box spans the lower to the upper quartile, the bold line is the median, shading shows each quantile's 95% confidence interval.`,
    meansTitle: (topic) => `${topic}: average scores`,
    overviewTitle: 'Average score on each scale',
    meansDescription: (count, min, max) =>
      `Mean and 95% confidence interval of ${plural(count, 'score', 'scores')}${min !== undefined && max !== undefined ? `, each on a scale from ${min} to ${max}` : ''}.`,
    meanAxis: (min, max) => `Mean score (${min} to ${max})`,
    scoreAxis: (scale, min, max) => `${scale} (${min} to ${max})`,
    zeroLine: 'no difference',
    overall: 'Everyone',
    quantileLabel: (p) => `P${Math.round(p * 100)}`,
    summaryHighest: (label, value) => `Highest: ${label} (${value}).`,
    summaryLowest: (label, value) => `Lowest: ${label} (${value}).`,
  },
  model: {
    perUnit: (variable, unit) => `${variable} (per ${unit})`,
    units: { year: 'year', hour: 'hour', person: 'person', point: 'point', correctAnswer: 'correct answer', unit: 'unit' },
    comparedWith: (variable, level, reference) => `${variable}: ${level} compared with ${reference}`,
    levelOnly: (variable, level) => `${variable}: ${level}`,
    interaction: (parts) => `${parts.join(' × ')} (interaction)`,
    outcomeLevel: (outcome, level) => `${outcome} (${level})`,
    describe: (kind, outcome, predictors, link) => {
      const on = predictors.length > 0 ? ` on ${list(predictors)}` : '';
      if (kind === 'logistic') return `Logistic regression of ${outcome}${on}.`;
      if (kind === 'poisson') return `Poisson (log-linear) regression of ${outcome}${on}.`;
      if (kind === 'ordinal') return `Ordinal regression (proportional odds, ${link ?? 'logit'} link) of ${outcome}${on}.`;
      return `Linear regression of ${outcome}${on}.`;
    },
    axis: {
      difference: (outcome) => `Difference in ${lower(outcome)}, with 95% CI`,
      scoreDifference: (min, max) => `Difference in score (points on the ${min} to ${max} scale), with 95% CI`,
      oddsRatio: 'Odds ratio (log scale), with 95% CI',
      rateRatio: 'Rate ratio (log scale), with 95% CI',
      higherOddsRatio: 'Odds ratio of a higher answer (log scale), with 95% CI',
      linkCoefficient: (link) => `Coefficient (${link} scale), with 95% CI`,
    },
    ratioHeading: (scale) => (scale === 'rate' ? 'Rate ratio' : 'Odds ratio'),
    ratioNote: (scale) =>
      scale === 'higher-odds'
        ? 'An odds ratio above 1 means higher answers are more likely than in the comparison group; below 1, less likely.'
        : scale === 'rate'
          ? 'A rate ratio above 1 means a higher count than in the comparison group; below 1, a lower count.'
          : 'An odds ratio above 1 means the outcome is more likely than in the comparison group; below 1, less likely.',
    separationNote: (terms) =>
      `Not estimable: ${list(terms)}. For these respondents the outcome is (almost) always the same answer, so the fit drives the coefficient towards infinity (separation); it is not a finding.`,
    warningNote: (warnings) =>
      `The model fit reported ${warnings.length === 1 ? 'a warning' : 'warnings'} (${warnings.join('; ')}): no term of this model is presented as a finding.`,
    notEstimable: 'not estimable (separation)',
    testTerm: (outcome, term) => `${outcome}: ${term}`,
    cutPoint: (low, high) => `${low} | ${high}`,
    cutPointsTitle: (outcome) => `${outcome}: cut points of the ordinal model`,
    cutPointHeading: 'Between the answers',
    threshold: 'Cut point',
    se: 'Standard error',
    cutPointsDescription: (count) =>
      `${plural(count, 'cut point', 'cut points')} of the ordinal model on its latent scale: where one answer gives way to the next. They place the answers; they are not findings.`,
  },
  estimates: {
    title: (topic) => `${topic}: other estimates`,
    description: (count) => `A table of ${plural(count, 'estimate', 'estimates')} with their 95% confidence intervals and unweighted bases.`,
    total: (variable) => `Estimated total: ${variable}`,
    ratio: (numerator, denominator) => `Ratio: ${numerator} per ${denominator}`,
    mean: (variable) => `Average: ${variable}`,
  },
  kindSections: { answers: 'Answers', estimates: 'Estimates', models: 'Models' },
  scaleQuestion: (scale, count, min, max) =>
    `${scale}: the mean of ${count} statements, each answered from ${min} to ${max} (reverse-worded statements re-keyed); the statements are listed on the topic page.`,
  knowledgeQuestion: (score, count) => `${score}: the number of ${count} knowledge questions answered correctly.`,
  bandOf: (variable) => `${variable} band`,
  selected: 'selected',
  notSelected: 'not selected',
  sectionPage: {
    scoreHeading: 'Averages and scores',
    itemsHeading: 'Answers',
    byHeading: 'Differences between groups',
    reliability: (alpha, omega) => `Reliability: Cronbach's alpha ${alpha}, McDonald's omega ${omega}.`,
    modelsHeading: 'Models',
    estimatesHeading: 'Other estimates',
    noData: 'The analysis plan has no results for this topic.',
  },
  subgroups: {
    title: 'Differences between groups',
    intro: (groups) => `Estimates by ${groups}. Differences that are significant after the Benjamini–Hochberg adjustment for multiple testing are marked ◆ *.`,
    testsHeading: 'Significance tests',
    testsIntro: 'Every test in the analysis plan, with its p-value and the Benjamini–Hochberg adjusted p-value over all tests of the plan.',
    byHeading: (group) => `By ${lower(group)}`,
    cautionNote:
      '“Not assessed”: a model term fitted on fewer respondents than the report publishes (suppressed), not estimable because of separation, or from a model whose fit warned; it is not a finding.',
    method: {
      chisq: (correction) => `Chi-squared test of independence${correction ? ` (${correction})` : ''}`,
      ttest: 'Design-based t-test',
      contrast: 'Difference between two groups',
      models: { linear: 'Linear regression', logistic: 'Logistic regression', poisson: 'Poisson regression', ordinal: 'Ordinal regression' },
    },
  },
  methodology: {
    title: 'Methodology',
    designHeading: 'Sample design',
    design: (rows, strata, psus, df) =>
      `${rows} respondents${strata !== null ? ` in ${strata} strata` : ''}${psus !== null ? `, ${psus} primary sampling units (clusters)` : ''}${df !== null ? `, ${df} design degrees of freedom` : ''}. Standard errors and intervals follow the design by Taylor linearisation, as R's survey package computes them.`,
    designUnknown: 'The results do not describe the sample design.',
    chartsNote:
      'In both the English and the Urdu edition, every value axis increases from left to right; the Urdu edition mirrors only the labels, legends and reading order, so the two editions can be compared at a glance.',
    weightingHeading: 'Weighting',
    weighting: (method, iterations, converged, discrepancy) =>
      `Design weights were calibrated to population totals by ${method} (${iterations} iterations, ${converged ? 'converged' : 'did not converge'}; largest remaining difference from a total ${discrepancy}).`,
    designWeightsOnly: 'No calibration was applied: estimates use the design weights.',
    unweighted: 'The design has no weights: every respondent counts once.',
    marginsHeading: 'Calibration totals (population)',
    marginsMissing: (plan) => `The totals are given in the analysis plan (${plan}).`,
    reliabilityHeading: 'Scale reliability',
    designBasedAlpha: (scale) => `${scale} (design-based alpha, svycralpha)`,
    reliabilityIntro:
      'Cronbach’s alpha (as psych::alpha, or survey::svycralpha where the plan asks for the design-based one) and McDonald’s omega total (as psych::omega).',
    alpha: 'Alpha',
    stdAlpha: 'Standardised alpha',
    omega: 'Omega total',
    anonymizationHeading: 'Anonymization',
    noAudit: 'No anonymization audit (audit.json) was found beside the results.',
    anonymization: {
      rows: (rowsIn, rowsOut) => `Records: ${rowsIn} in, ${rowsOut} released.`,
      dropped: (columns) => `Removed before release: ${columns}.`,
      pseudonymized: (columns) => `Replaced by a keyed pseudonym (the same person keeps the same code; the key is not released): ${columns}.`,
      scrubbed: (column, count) =>
        `Free text scrubbed of personal data: ${column}${count !== null ? ` (${count} pieces replaced by tags such as [PHONE])` : ''}.`,
      piiTypes: (types) => `Personal data replaced in free text: ${types}.`,
      piiType: (type, count) => `${count} ${type}`,
      kept: (columns) => `Kept as recorded: ${columns}.`,
      bands: (column, bands) => `${column}: grouped into bands (${bands}).`,
      generalised: (column, level, step, of) => `${column}: generalised to ${level} (step ${step} of ${of} in its hierarchy).`,
      removed: (column) => `${column}: removed entirely (its values were too identifying).`,
      suppressed: (records, share, cells) => `Suppressed: ${records} records (${share}) had at least one of these cells blanked${cells ? ` (${cells})` : ''}.`,
      suppressedCells: (column, cells) => `${column} ${cells}`,
      k: (keys, k, required) =>
        `k-anonymity: every combination of ${keys} is shared by at least ${k} records${required !== null ? ` (${required} required)` : ''}.`,
      l: (sensitive, l, required) =>
        `l-diversity: within each such group, ${sensitive} takes at least ${l} different values${required !== null ? ` (${required} required)` : ''}.`,
      risk: (before, after) => `Global re-identification risk: ${before} before, ${after} after.`,
      riskAfterOnly: (after) => `Global re-identification risk after anonymization: ${after}.`,
      expected: (before, after) => `Expected re-identifications: ${before} before, ${after} after.`,
      informationLoss: (value) => `Information loss (0 none, 1 all): ${value}.`,
      download: 'Download the full anonymization audit (JSON)',
    },
    disclosureHeading: 'Protecting respondents in this report',
    disclosure: (minBase) =>
      `The report is built from aggregate results only. An estimate based on fewer than ${minBase} respondents (unweighted) is suppressed, and so is any estimate that could be worked out from the published figures around it (secondary suppression).`,
    disclosureModels: (minBase) =>
      `A model term estimated from fewer than ${minBase} respondents is suppressed in the same way; a term the fit could not estimate (separation), or from a fit that warned, is marked and never presented as a finding.`,
    limitationsHeading: 'Limitations',
    limitations: [
      'Confidence intervals reflect sampling error only, not non-response or measurement error.',
      'Many comparisons are made; significance is judged after the Benjamini–Hochberg adjustment, and untested differences should not be read as real.',
    ],
    limitationCalibration: 'Calibration corrects the totals it is given, not every difference between respondents and the population.',
    limitationAnonymization:
      'Anonymization (generalisation and suppression) changes some values before analysis, which can slightly bias estimates for small groups.',
    provenanceHeading: 'Where the numbers come from',
    provenance: (file, created, tool) => `Results of the data file ${file}, created ${created} by ${tool}.`,
  },
  list,
  orList,
  footer: (version) => `Built with leakrisk ${version}. This site makes no requests to other sites; fonts and scripts are bundled.`,
};

import type { Strings } from './types.js';

/** Joins items in Urdu running text: "الف، ب اور ج" (or "الف، ب یا ج"). */
function joined(items: string[], word: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('، ')} ${word} ${items[items.length - 1]}`;
}
const list = (items: string[]) => joined(items, 'اور');
const orList = (items: string[]) => joined(items, 'یا');

const CI = 'لکیریں اور قوسین 95 فیصد اعتماد کے وقفے ہیں';

/**
 * Urdu report text (our own translation). Latin terms and numbers arrive wrapped in `<bdi>` so that
 * they keep their direction inside right-to-left sentences.
 */
export const ur: Strings = {
  lang: 'ur',
  dir: 'rtl',
  languageName: 'اردو',
  otherLanguage: { lang: 'en', label: 'English' },
  skipToContent: 'مرکزی مواد پر جائیں',
  nav: { label: 'رپورٹ کے صفحات', home: 'جائزہ', subgroups: 'گروہوں کے درمیان فرق', methodology: 'طریقۂ کار' },
  contentNoteHeading: 'مواد سے متعلق انتباہ',
  helpHeading: 'مدد کہاں سے لیں',
  helpHours: 'اوقات',
  verifyContact: (date) => `رابطے کی یہ تفصیلات ${date} کو درج کی گئیں اور ابھی اصل ذریعے سے تصدیق شدہ نہیں: شائع کرنے سے پہلے تصدیق کریں۔`,
  syntheticHeading: 'مصنوعی ڈیٹا',
  syntheticBanner:
    'مصنوعی ڈیٹا: اس رپورٹ کے تمام اعداد و شمار کمپیوٹر سے بنائے گئے جوابات سے لیے گئے ہیں۔ یہ کسی حقیقی فرد کو بیان نہیں کرتے اور انہیں نتائج کے طور پر نقل نہ کیا جائے۔',
  keyFindingsHeading: 'اہم نتائج',
  keyFindingsIntro: (weighting) => `${weighting === 'unweighted' ? 'غیر وزن شدہ تخمینے' : 'وزن شدہ تخمینے'}، قوسین میں 95 فیصد اعتماد کا وقفہ (CI)۔`,
  atAGlanceHeading: 'ایک نظر میں',
  sectionsHeading: 'موضوعات',
  findings: {
    scaleMean: (scale, mean, low, high, min, max) => `${scale} کا اوسط اسکور ${min} سے ${max} کے پیمانے پر ${mean} رہا (95 فیصد CI: ${low} تا ${high})۔`,
    mean: (variable, mean, low, high) => `${variable} کا اوسط ${mean} رہا (95 فیصد CI: ${low} تا ${high})۔`,
    itemShare: (item, total, answers, parts) => `${total} نے ”${item}“ کا جواب ${answers} دیا (${parts})۔`,
    itemPart: (share, level, low, high) => `${level} ${share}، 95 فیصد CI: ${low} تا ${high}`,
    knowledge: (item, share, low, high) => `${share} (95 فیصد CI: ${low} تا ${high}) نے درست جواب دیا: ${item}`,
    difference: (outcome, groupA, groupB, size, higher, pAdjusted, share) =>
      `${outcome}: ${groupA} ${share ? `کا حصہ ${groupB} سے ${size} فیصدی پوائنٹ` : `کا اسکور ${groupB} سے ${size} پوائنٹ`} ${higher ? 'زیادہ' : 'کم'} رہا، اور یہ فرق بینجمنی–ہوکبرگ تصحیح کے بعد بھی معنی خیز ہے (تصحیح شدہ p ${pAdjusted})۔`,
    noneSignificant: 'بینجمنی–ہوکبرگ تصحیح کے بعد گروہوں کے درمیان کوئی فرق معنی خیز نہیں رہا۔',
  },
  figure: {
    question: 'سوال',
    questions: 'سوالات',
    model: 'ماڈل',
    base: (n) => `بنیاد: ${n} جواب دہندگان (غیر وزن شدہ)۔`,
    baseModel: (n) => `بنیاد: ماڈل کے تمام متغیرات کا جواب دینے والے ${n} جواب دہندگان (غیر وزن شدہ)۔`,
    baseRange: (min, max) => `بنیاد: ہر تخمینے کے لیے ${min} تا ${max} جواب دہندگان (غیر وزن شدہ)۔`,
    weighting: (weighting) =>
      weighting === 'calibrated'
        ? `تخمینے وزن شدہ ہیں (ڈیزائن وزن، آبادی کے کل اعداد کے مطابق کیلیبریٹ کیے گئے)؛ ${CI}۔`
        : weighting === 'weighted'
          ? `تخمینے وزن شدہ ہیں (ڈیزائن وزن)؛ ${CI}۔`
          : `تخمینے غیر وزن شدہ ہیں (ہر جواب دہندہ ایک بار گنا گیا)؛ ${CI}۔`,
    source: (source) => `ماخذ: ${source}۔`,
    dataTable: 'ڈیٹا جدول',
    download: 'یہ اعداد ڈاؤن لوڈ کریں (CSV)',
    suppressed: 'مخفی',
    suppressedNote: (minBase) => `”مخفی“: غیر وزن شدہ بنیاد ${minBase} سے کم ہے، یا یہ تخمینہ دوسرے شائع شدہ اعداد سے معلوم کیا جا سکتا تھا۔`,
    fewerThan: (n) => `${n} سے کم`,
    marked: 'نمایاں فرق (بینجمنی–ہوکبرگ)',
    markedNote: (detail) => `نشان زدہ (◆ *)، بینجمنی–ہوکبرگ تصحیح کے بعد نمایاں فرق: ${detail}۔`,
    noTest: 'تجزیاتی منصوبے میں ان گروہوں کے لیے کوئی معنویت کا ٹیسٹ نہیں؛ دکھائے گئے فرق جانچے نہیں گئے۔',
    csvNote: 'CSV فائل میں بالکل وہی اعداد ہیں جو دکھائے گئے، بغیر گول کیے؛ مخفی تخمینوں کے خانے خالی ہیں۔',
  },
  table: {
    group: 'گروہ',
    estimate: 'تخمینہ',
    estimateOf: 'کس کا تخمینہ',
    ciLow: '95% CI نچلی حد',
    ciHigh: '95% CI بالائی حد',
    base: 'بنیاد (n)',
    item: 'بیان',
    share: 'حصہ',
    term: 'جز',
    quantile: 'کوانٹائل',
    significant: 'معنی خیز (BH)',
    yes: 'ہاں',
    no: 'نہیں',
    notAssessed: 'جانچا نہیں گیا',
    test: 'ٹیسٹ',
    method: 'طریقہ',
    statistic: 'شماریہ',
    df: 'df',
    pValue: 'p',
    pAdjusted: 'تصحیح شدہ p (BH)',
    value: 'قدر',
    scale: 'اسکور',
  },
  chart: {
    likertTitle: (topic) => `${topic}: ہر بیان پر جوابات`,
    likertDescription: (count, topic) =>
      `${topic} پر ${count} بیانات کے لیے دو طرفہ پٹیاں۔ ہر پٹی جواب دہندگان کے اندازاً حصے کو جواب کے لحاظ سے تقسیم کرتی ہے: نچلے جوابات درمیانی لکیر کے ایک طرف، اونچے جوابات دوسری طرف، اور درمیانی جواب دونوں طرف برابر۔`,
    byTitle: (outcome, group) => `${outcome}، ${group} کے لحاظ سے`,
    byDescription: (outcome, group, count) =>
      `${group} کے ${count} گروہوں کے لیے ${outcome} کا تخمینہ اور 95 فیصد اعتماد کا وقفہ؛ نقطہ دار لکیر سب کا تخمینہ ہے۔`,
    panelsTitle: (group) => `${group} کے لحاظ سے اسکور`,
    panelsDescription: (group, panels, scores) =>
      `${group} کے ہر گروہ کے لیے ایک خانہ (${panels} خانے)، جس میں ${scores} اسکوروں کا اوسط اور 95 فیصد اعتماد کا وقفہ ایک مشترکہ محور پر دکھایا گیا ہے۔`,
    knowledgeTitle: (topic) => `${topic}: درست جواب دینے والوں کا حصہ`,
    knowledgeDescription: (count) => `${count} سوالات میں سے ہر ایک کا درست جواب دینے والوں کا اندازاً حصہ، 95 فیصد اعتماد کے وقفے کے ساتھ۔`,
    sharesTitle: (topic) => `${topic}: جواب دہندگان کا حصہ`,
    sharesDescription: (count) => `${count} اندازاً حصے، 95 فیصد اعتماد کے وقفے کے ساتھ۔`,
    answersTitle: (question) => `${question}: جوابات`,
    coefficientTitle: (outcome) => `${outcome} کن عوامل سے جڑا ہے`,
    coefficientDescription: (outcome, count, scale) =>
      scale === 'difference'
        ? `ڈیزائن پر مبنی ریگریشن کے ${count} اجزا کے لیے ${outcome} میں اندازاً فرق، ہر ایک اپنے 95 فیصد اعتماد کے وقفے کے ساتھ؛ صفر کی لکیر کا مطلب کوئی فرق نہیں۔`
        : scale === 'link'
          ? `${outcome} کی ڈیزائن پر مبنی درجہ وار ریگریشن کے ${count} اجزا کے عددی سر، ہر ایک اپنے 95 فیصد اعتماد کے وقفے کے ساتھ؛ صفر کی لکیر کا مطلب کوئی فرق نہیں۔`
          : `${outcome} کی ڈیزائن پر مبنی ریگریشن کے ${count} اجزا کے لیے ${scale === 'rate' ? 'شرح کا تناسب' : 'اوڈز ریشو'}، ہر ایک اپنے 95 فیصد اعتماد کے وقفے کے ساتھ، لاگ پیمانے پر؛ 1 کی لکیر کا مطلب کوئی فرق نہیں۔`,
    distributionTitle: (scale) => `${scale} کی تقسیم`,
    distributionDescription: (scale) =>
      `${scale} کے اندازاً کوانٹائل: خانہ نچلے سے بالائی چوتھائی تک ہے، موٹی لکیر وسطانیہ ہے، اور سایہ ہر کوانٹائل کا 95 فیصد اعتماد کا وقفہ دکھاتا ہے۔`,
    meansTitle: (topic) => `${topic}: اوسط اسکور`,
    overviewTitle: 'ہر پیمانے پر اوسط اسکور',
    meansDescription: (count, min, max) =>
      `${count} اسکوروں کا اوسط اور 95 فیصد اعتماد کا وقفہ${min !== undefined && max !== undefined ? `، ہر ایک ${min} سے ${max} کے پیمانے پر` : ''}۔`,
    meanAxis: (min, max) => `اوسط اسکور (${min} تا ${max})`,
    scoreAxis: (scale, min, max) => `${scale} (${min} تا ${max})`,
    zeroLine: 'کوئی فرق نہیں',
    overall: 'سب',
    quantileLabel: (p) => `P${Math.round(p * 100)}`,
    summaryHighest: (label, value) => `سب سے زیادہ: ${label} (${value})۔`,
    summaryLowest: (label, value) => `سب سے کم: ${label} (${value})۔`,
  },
  model: {
    perUnit: (variable, unit) => `${variable} (فی ${unit})`,
    units: { year: 'سال', hour: 'گھنٹہ', person: 'فرد', point: 'پوائنٹ', correctAnswer: 'درست جواب', unit: 'اکائی' },
    comparedWith: (variable, level, reference) => `${variable}: ${level}، بمقابلہ ${reference}`,
    levelOnly: (variable, level) => `${variable}: ${level}`,
    interaction: (parts) => `${parts.join(' × ')} (باہمی اثر)`,
    outcomeLevel: (outcome, level) => `${outcome} (${level})`,
    describe: (kind, outcome, predictors, link) => {
      const on = predictors.length > 0 ? ` ${list(predictors)} پر` : '';
      if (kind === 'logistic') return `${outcome} کی${on} لاجسٹک ریگریشن۔`;
      if (kind === 'poisson') return `${outcome} کی${on} پوآسوں (لاگ لکیری) ریگریشن۔`;
      if (kind === 'ordinal') return `${outcome} کی${on} درجہ وار ریگریشن (متناسب اوڈز، ${link ?? 'logit'} ربط)۔`;
      return `${outcome} کی${on} لکیری ریگریشن۔`;
    },
    axis: {
      difference: (outcome) => `${outcome} میں فرق، 95% CI کے ساتھ`,
      scoreDifference: (min, max) => `اسکور میں فرق (${min} تا ${max} کے پیمانے پر پوائنٹ)، 95% CI کے ساتھ`,
      oddsRatio: 'اوڈز ریشو (لاگ پیمانہ)، 95% CI کے ساتھ',
      rateRatio: 'شرح کا تناسب (لاگ پیمانہ)، 95% CI کے ساتھ',
      higherOddsRatio: 'بلند تر جواب کا اوڈز ریشو (لاگ پیمانہ)، 95% CI کے ساتھ',
      linkCoefficient: (link) => `عددی سر (${link} پیمانہ)، 95% CI کے ساتھ`,
    },
    ratioHeading: (scale) => (scale === 'rate' ? 'شرح کا تناسب' : 'اوڈز ریشو'),
    ratioNote: (scale) =>
      scale === 'higher-odds'
        ? '1 سے زیادہ اوڈز ریشو کا مطلب ہے کہ موازنے کے گروہ کی نسبت بلند تر جواب کا امکان زیادہ ہے؛ 1 سے کم کا مطلب کم۔'
        : scale === 'rate'
          ? '1 سے زیادہ شرح کے تناسب کا مطلب موازنے کے گروہ سے زیادہ تعداد ہے؛ 1 سے کم کا مطلب کم۔'
          : '1 سے زیادہ اوڈز ریشو کا مطلب ہے کہ موازنے کے گروہ کی نسبت نتیجے کا امکان زیادہ ہے؛ 1 سے کم کا مطلب کم۔',
    separationNote: (terms) =>
      `تخمینہ ممکن نہیں: ${list(terms)}۔ ان جواب دہندگان کا نتیجہ (تقریباً) ہمیشہ ایک ہی جواب ہے، اس لیے ماڈل عددی سر کو لامحدود کی طرف لے جاتا ہے (علیحدگی)؛ یہ کوئی نتیجہ نہیں۔`,
    warningNote: (warnings) => `ماڈل کی فٹنگ نے انتباہ دیا (${warnings.join('؛ ')}): اس ماڈل کا کوئی جز نتیجے کے طور پر پیش نہیں کیا گیا۔`,
    notEstimable: 'تخمینہ ممکن نہیں (علیحدگی)',
    testTerm: (outcome, term) => `${outcome}: ${term}`,
    cutPoint: (low, high) => `${low} | ${high}`,
    cutPointsTitle: (outcome) => `${outcome}: درجہ وار ماڈل کے حدی نقاط`,
    cutPointHeading: 'جوابات کے درمیان',
    threshold: 'حدی نقطہ',
    se: 'معیاری غلطی',
    cutPointsDescription: (count) =>
      `درجہ وار ماڈل کے پوشیدہ پیمانے پر ${count} حدی نقاط: جہاں ایک جواب اگلے جواب میں بدلتا ہے۔ یہ جوابات کی جگہ بتاتے ہیں؛ یہ نتائج نہیں۔`,
  },
  estimates: {
    title: (topic) => `${topic}: دیگر تخمینے`,
    description: (count) => `${count} تخمینوں کا جدول، ان کے 95 فیصد اعتماد کے وقفوں اور غیر وزن شدہ بنیاد کے ساتھ۔`,
    total: (variable) => `اندازاً کل تعداد: ${variable}`,
    ratio: (numerator, denominator) => `تناسب: ${numerator} فی ${denominator}`,
    mean: (variable) => `اوسط: ${variable}`,
  },
  kindSections: { answers: 'جوابات', estimates: 'تخمینے', models: 'ماڈل' },
  scaleQuestion: (scale, count, min, max) =>
    `${scale}: ${count} بیانات کا اوسط، ہر ایک کا جواب ${min} سے ${max} تک (الٹے الفاظ والے بیانات کی درجہ بندی الٹ دی گئی)؛ بیانات موضوع کے صفحے پر درج ہیں۔`,
  knowledgeQuestion: (score, count) => `${score}: ${count} معلوماتی سوالات میں سے درست جوابات کی تعداد۔`,
  bandOf: (variable) => `${variable} کا گروپ`,
  selected: 'منتخب',
  notSelected: 'منتخب نہیں',
  sectionPage: {
    scoreHeading: 'اوسط اور اسکور',
    itemsHeading: 'جوابات',
    byHeading: 'گروہوں کے درمیان فرق',
    reliability: (alpha, omega) => `اعتبار: کرونباخ الفا ${alpha}، میکڈونلڈ اومیگا ${omega}۔`,
    modelsHeading: 'ماڈل',
    estimatesHeading: 'دیگر تخمینے',
    noData: 'تجزیاتی منصوبے میں اس موضوع کے نتائج نہیں۔',
  },
  subgroups: {
    title: 'گروہوں کے درمیان فرق',
    intro: (groups) => `${groups} کے لحاظ سے تخمینے۔ متعدد ٹیسٹوں کے لیے بینجمنی–ہوکبرگ تصحیح کے بعد معنی خیز فرق ◆ * سے نشان زد ہیں۔`,
    testsHeading: 'معنویت کے ٹیسٹ',
    testsIntro: 'تجزیاتی منصوبے کا ہر ٹیسٹ، اس کی p قدر اور منصوبے کے تمام ٹیسٹوں پر بینجمنی–ہوکبرگ تصحیح شدہ p قدر کے ساتھ۔',
    byHeading: (group) => `${group} کے لحاظ سے`,
    cautionNote:
      '”جانچا نہیں گیا“: ماڈل کا وہ جز جو شائع ہونے کی حد سے کم جواب دہندگان پر مبنی ہے (مخفی)، یا علیحدگی کی وجہ سے جس کا تخمینہ ممکن نہیں، یا جس ماڈل کی فٹنگ نے انتباہ دیا؛ یہ کوئی نتیجہ نہیں۔',
    method: {
      chisq: (correction) => `آزادی کا کائی مربع ٹیسٹ${correction ? ` (${correction})` : ''}`,
      ttest: 'ڈیزائن پر مبنی t-ٹیسٹ',
      contrast: 'دو گروہوں کا فرق',
      models: { linear: 'لکیری ریگریشن', logistic: 'لاجسٹک ریگریشن', poisson: 'پوآسوں ریگریشن', ordinal: 'درجہ وار ریگریشن' },
    },
  },
  methodology: {
    title: 'طریقۂ کار',
    designHeading: 'نمونے کا ڈیزائن',
    design: (rows, strata, psus, df) =>
      `${rows} جواب دہندگان${strata !== null ? `، ${strata} طبقات` : ''}${psus !== null ? `، ${psus} بنیادی نمونہ اکائیاں (کلسٹر)` : ''}${df !== null ? `، ڈیزائن کے ${df} درجاتِ آزادی` : ''}۔ معیاری غلطیاں اور وقفے ڈیزائن کے مطابق ٹیلر لکیری تخمین سے نکالے گئے ہیں، جیسے R کا survey پیکیج نکالتا ہے۔`,
    designUnknown: 'نتائج میں نمونے کے ڈیزائن کی تفصیل نہیں۔',
    chartsNote:
      'انگریزی اور اردو دونوں ایڈیشنوں میں ہر چارٹ کا عددی محور بائیں سے دائیں بڑھتا ہے؛ اردو ایڈیشن میں صرف لیبل، وضاحتی خانے اور پڑھنے کی ترتیب الٹی ہے، تاکہ دونوں ایڈیشن ایک نظر میں ایک دوسرے سے ملائے جا سکیں۔',
    weightingHeading: 'وزن دینا',
    weighting: (method, iterations, converged, discrepancy) =>
      `ڈیزائن وزن کو ${method} کے ذریعے آبادی کے کل اعداد کے مطابق کیا گیا (${iterations} دہرائیاں، ${converged ? 'مکمل ہم آہنگ' : 'ہم آہنگ نہیں ہوا'}؛ کسی کل عدد سے سب سے بڑا باقی فرق ${discrepancy})۔`,
    designWeightsOnly: 'کوئی کیلیبریشن نہیں کی گئی: تخمینے ڈیزائن وزن پر مبنی ہیں۔',
    unweighted: 'ڈیزائن میں کوئی وزن نہیں: ہر جواب دہندہ ایک بار گنا گیا۔',
    marginsHeading: 'کیلیبریشن کے کل اعداد (آبادی)',
    marginsMissing: (plan) => `کل اعداد تجزیاتی منصوبے (${plan}) میں درج ہیں۔`,
    reliabilityHeading: 'پیمانوں کا اعتبار',
    designBasedAlpha: (scale) => `${scale} (ڈیزائن پر مبنی الفا، svycralpha)`,
    reliabilityIntro:
      'کرونباخ الفا (psych::alpha کی طرح، یا جہاں منصوبہ ڈیزائن پر مبنی الفا مانگے وہاں survey::svycralpha) اور میکڈونلڈ اومیگا ٹوٹل (psych::omega کی طرح)۔',
    alpha: 'الفا',
    stdAlpha: 'معیاری الفا',
    omega: 'اومیگا ٹوٹل',
    anonymizationHeading: 'شناخت کا اخفا',
    noAudit: 'نتائج کے ساتھ شناخت کے اخفا کا آڈٹ (audit.json) نہیں ملا۔',
    anonymization: {
      rows: (rowsIn, rowsOut) => `ریکارڈ: ${rowsIn} داخل، ${rowsOut} جاری کیے گئے۔`,
      dropped: (columns) => `جاری کرنے سے پہلے نکال دیے گئے: ${columns}۔`,
      pseudonymized: (columns) => `کلید پر مبنی فرضی شناخت سے بدلے گئے (ایک فرد کا کوڈ ہمیشہ ایک رہتا ہے؛ کلید جاری نہیں کی گئی): ${columns}۔`,
      scrubbed: (column, count) => `آزاد متن سے ذاتی معلومات ہٹائی گئیں: ${column}${count !== null ? ` (${count} ٹکڑے [PHONE] جیسے ٹیگ سے بدلے گئے)` : ''}۔`,
      piiTypes: (types) => `آزاد متن میں بدلی گئی ذاتی معلومات: ${types}۔`,
      piiType: (type, count) => `${type} ${count}`,
      kept: (columns) => `جوں کے توں رکھے گئے: ${columns}۔`,
      bands: (column, bands) => `${column}: گروہوں میں تقسیم (${bands})۔`,
      generalised: (column, level, step, of) => `${column}: ${level} کی سطح تک عمومی بنایا گیا (درجہ بندی میں ${of} میں سے ${step} قدم)۔`,
      removed: (column) => `${column}: مکمل طور پر ہٹا دیا گیا (اس کی قدریں بہت زیادہ شناخت ظاہر کرتی تھیں)۔`,
      suppressed: (records, share, cells) => `اخفا: ${records} ریکارڈز (${share}) کا کم از کم ایک خانہ خالی کیا گیا${cells ? ` (${cells})` : ''}۔`,
      suppressedCells: (column, cells) => `${column} ${cells}`,
      k: (keys, k, required) => `گمنامی (k): ${keys} کا ہر مجموعہ کم از کم ${k} ریکارڈز میں مشترک ہے${required !== null ? ` (مطلوبہ ${required})` : ''}۔`,
      l: (sensitive, l, required) =>
        `تنوع (l): ہر ایسے گروہ میں ${sensitive} کی کم از کم ${l} مختلف قدریں ہیں${required !== null ? ` (مطلوبہ ${required})` : ''}۔`,
      risk: (before, after) => `دوبارہ شناخت کا مجموعی خطرہ: پہلے ${before}، بعد میں ${after}۔`,
      riskAfterOnly: (after) => `شناخت کے اخفا کے بعد دوبارہ شناخت کا مجموعی خطرہ: ${after}۔`,
      expected: (before, after) => `متوقع دوبارہ شناختیں: پہلے ${before}، بعد میں ${after}۔`,
      informationLoss: (value) => `معلومات کا نقصان (0 کوئی نہیں، 1 سب): ${value}۔`,
      download: 'شناخت کے اخفا کا مکمل آڈٹ ڈاؤن لوڈ کریں (JSON)',
    },
    disclosureHeading: 'اس رپورٹ میں جواب دہندگان کا تحفظ',
    disclosure: (minBase) =>
      `یہ رپورٹ صرف مجموعی نتائج سے بنائی گئی ہے۔ ${minBase} سے کم جواب دہندگان (غیر وزن شدہ) پر مبنی تخمینہ مخفی کیا جاتا ہے، اور وہ تخمینہ بھی جو آس پاس کے شائع شدہ اعداد سے معلوم کیا جا سکے (ثانوی اخفا)۔`,
    disclosureModels: (minBase) =>
      `${minBase} سے کم جواب دہندگان پر مبنی ماڈل کا جز بھی اسی طرح مخفی کیا جاتا ہے؛ جس جز کا تخمینہ ممکن نہ ہو (علیحدگی)، یا جس ماڈل کی فٹنگ نے انتباہ دیا، اسے نشان زد کیا جاتا ہے اور کبھی نتیجے کے طور پر پیش نہیں کیا جاتا۔`,
    limitationsHeading: 'حدود',
    limitations: [
      'اعتماد کے وقفے صرف نمونہ بندی کی غلطی ظاہر کرتے ہیں، عدم جواب یا پیمائش کی غلطی نہیں۔',
      'بہت سے موازنے کیے گئے ہیں؛ معنویت کا فیصلہ بینجمنی–ہوکبرگ تصحیح کے بعد کیا گیا ہے، اور غیر جانچے گئے فرق کو حقیقی نہ سمجھا جائے۔',
    ],
    limitationCalibration: 'کیلیبریشن صرف دیے گئے کل اعداد کو درست کرتی ہے، جواب دہندگان اور آبادی کے ہر فرق کو نہیں۔',
    limitationAnonymization: 'شناخت کا اخفا (عمومیت اور اخفا) تجزیے سے پہلے کچھ قدریں بدل دیتا ہے، جس سے چھوٹے گروہوں کے تخمینوں میں معمولی جھکاؤ آ سکتا ہے۔',
    provenanceHeading: 'اعداد کا ماخذ',
    provenance: (file, created, tool) => `ڈیٹا فائل ${file} کے نتائج، تیار کردہ ${created}، بذریعہ ${tool}۔`,
  },
  list,
  orList,
  footer: (version) => `leakrisk ${version} سے تیار کردہ۔ یہ سائٹ کسی دوسری سائٹ سے رابطہ نہیں کرتی؛ فونٹ اور اسکرپٹ ساتھ شامل ہیں۔`,
};

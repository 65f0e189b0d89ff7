import type { Lang, Strings } from '../i18n/index.js';
import { formatCell, formatCount, formatNumber, formatP, formatPercent } from '../model/format.js';
import type { SectionModel, SiteModel } from '../model/site.js';
import { isSignificant } from '../model/tests.js';
import { findingHtml } from './findings.js';
import { figureHtml } from './figure.js';
import { bdi, escapeHtml } from './html.js';
import type { NavEntry, PageInfo } from './layout.js';

/** File name of a topic page. */
export function sectionFile(id: string): string {
  return `${id.replace(/[^a-z0-9_-]/gi, '-')}.html`;
}

export function navEntries(model: SiteModel, lang: Lang, t: Strings): NavEntry[] {
  return [
    { file: 'index.html', label: t.nav.home },
    ...model.sections.map((section) => ({ file: sectionFile(section.id), label: section.title[lang] })),
    ...(model.subgroups.length > 0 || model.tests.length > 0 ? [{ file: 'subgroups.html', label: t.nav.subgroups }] : []),
    { file: 'methodology.html', label: t.nav.methodology },
  ];
}

function table(head: string[], rows: string[][], caption: string): string {
  return `<div class="table-scroll" role="region" aria-label="${escapeHtml(caption)}" tabindex="0"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td class="num">${escapeHtml(cell)}</td>`)).join('')}</tr>`,
    )
    .join('')}</tbody></table></div>`;
}

/** The landing page: title, key findings, at least six charts, links to the topics. */
export function landingPage(document: Document, model: SiteModel, lang: Lang, t: Strings): PageInfo {
  const title = model.settings.title[lang];
  const subtitle = model.settings.subtitle ? `<p class="subtitle">${escapeHtml(model.settings.subtitle[lang])}</p>` : '';
  const findings =
    model.findings.length > 0
      ? `<ul class="findings">${model.findings.map((finding) => `<li>${findingHtml(model, finding, lang, t)}</li>`).join('')}</ul>`
      : '';
  const significant = model.tests.some((test) => isSignificant(test)) ? '' : `<p>${escapeHtml(t.findings.noneSignificant)}</p>`;
  const figures = model.landingFigures.map((id) => figureHtml(document, model, model.figures.get(id)!, lang, t, 3)).join('\n');
  const topics = model.sections.map((section) => `<li><a href="${sectionFile(section.id)}">${escapeHtml(section.title[lang])}</a></li>`).join('');
  const body = `<section aria-labelledby="findings-heading"><h2 id="findings-heading">${escapeHtml(t.keyFindingsHeading)}</h2><p>${escapeHtml(t.keyFindingsIntro)}</p>${findings}${significant}</section>
<section aria-labelledby="glance-heading" class="figures"><h2 id="glance-heading">${escapeHtml(t.atAGlanceHeading)}</h2>
${figures}
</section>
<section aria-labelledby="topics-heading"><h2 id="topics-heading">${escapeHtml(t.sectionsHeading)}</h2><ul class="topics">${topics}<li><a href="subgroups.html">${escapeHtml(t.nav.subgroups)}</a></li><li><a href="methodology.html">${escapeHtml(t.nav.methodology)}</a></li></ul></section>`;
  return { file: 'index.html', title, heading: `<h1>${escapeHtml(title)}</h1>${subtitle}`, body };
}

/** A topic page: the scale score, the answers to each statement, group differences, the model. */
export function sectionPage(document: Document, model: SiteModel, section: SectionModel, lang: Lang, t: Strings): PageInfo {
  const title = section.title[lang];
  const block = (heading: string, ids: string[], key: string) =>
    ids.length === 0
      ? ''
      : `<section aria-labelledby="${key}-heading" class="figures"><h2 id="${key}-heading">${escapeHtml(heading)}</h2>${ids.map((id) => figureHtml(document, model, model.figures.get(id)!, lang, t, 3)).join('\n')}</section>`;
  const reliability = section.reliability
    ? `<p class="reliability">${t.sectionPage.reliability(bdi(formatCell(section.reliability.alpha)), bdi(formatCell(section.reliability.omega)))}</p>`
    : '';
  const empty =
    section.scaleFigures.length + section.itemFigures.length + section.byFigures.length + section.modelFigures.length === 0
      ? `<p>${escapeHtml(t.sectionPage.noData)}</p>`
      : '';
  const body = `${reliability}${empty}
${block(t.sectionPage.scoreHeading, section.scaleFigures, 'score')}
${block(t.sectionPage.itemsHeading, section.itemFigures, 'items')}
${block(t.sectionPage.byHeading, section.byFigures, 'by')}
${block(t.sectionPage.modelsHeading, section.modelFigures, 'model')}`;
  return { file: sectionFile(section.id), title, heading: `<h1>${escapeHtml(title)}</h1>`, body };
}

/** Differences between groups: the tests table, then the charts grouped by grouping variable. */
export function subgroupsPage(document: Document, model: SiteModel, lang: Lang, t: Strings): PageInfo {
  const title = t.subgroups.title;
  const testRows = model.tests.map((test) => {
    const what =
      test.type === 'glm'
        ? `${model.labels.short(test.variable ?? '', lang)} ~ ${test.term ?? ''}`
        : `${model.labels.short(test.variable ?? '', lang)}${test.by ? ` × ${model.labels.short(test.by, lang)}` : ''}`;
    return [
      `${test.label ?? test.analysisId}: ${what}`,
      test.method ?? test.type,
      formatCell(test.statistic),
      test.df === null ? '–' : formatNumber(test.df, Number.isInteger(test.df) ? 0 : 1),
      formatP(test.pValue),
      formatP(test.pAdjusted),
      isSignificant(test) ? t.table.yes : t.table.no,
    ];
  });
  const tests =
    model.tests.length === 0
      ? ''
      : `<section aria-labelledby="tests-heading"><h2 id="tests-heading">${escapeHtml(t.subgroups.testsHeading)}</h2><p>${escapeHtml(t.subgroups.testsIntro)}</p>${table(
          [t.table.test, t.table.variable, t.table.statistic, t.table.df, t.table.pValue, t.table.pAdjusted, t.table.significant],
          testRows,
          t.subgroups.testsHeading,
        )}</section>`;
  const province = model.figures.has('province-scales') ? figureHtml(document, model, model.figures.get('province-scales')!, lang, t, 3) : '';
  const groups = model.subgroups
    .map(({ by, figures }) => {
      const heading = t.subgroups.byHeading(model.labels.short(by, lang));
      return `<section aria-labelledby="by-${escapeHtml(by)}-heading" class="figures"><h2 id="by-${escapeHtml(by)}-heading">${escapeHtml(heading)}</h2>${by === 'province' ? province : ''}${figures.map((id) => figureHtml(document, model, model.figures.get(id)!, lang, t, 3)).join('\n')}</section>`;
    })
    .join('\n');
  return { file: 'subgroups.html', title, heading: `<h1>${escapeHtml(title)}</h1>`, body: `<p>${escapeHtml(t.subgroups.intro)}</p>${tests}${groups}` };
}

/** Sample design, weighting and margins, reliability, anonymization, disclosure control, limitations. */
export function methodologyPage(model: SiteModel, lang: Lang, t: Strings): PageInfo {
  const m = t.methodology;
  const title = m.title;
  const design = model.results.design;
  const rows = model.results.meta.rows;
  const designText =
    design && rows !== undefined
      ? m.design(bdi(formatCount(rows)), bdi(String(design.strata ?? '–')), bdi(String(design.psus ?? '–')), bdi(String(design.df ?? '–')))
      : escapeHtml(m.designUnknown);
  const calibration = model.results.calibration;
  const weightingText = calibration?.method
    ? m.weighting(
        escapeHtml(calibration.method),
        bdi(String(calibration.iterations ?? '–')),
        calibration.converged !== false,
        bdi(formatCell(calibration.maxDiscrepancy ?? null, 3)),
      )
    : escapeHtml(m.noCalibration);
  const margins = model.margins
    ? Object.entries(model.margins)
        .map(([variable, levels]) =>
          table(
            [model.labels.short(variable, lang), t.table.value],
            Object.entries(levels).map(([level, total]) => [model.labels.level(variable, level, lang), formatCount(total)]),
            `${m.marginsHeading}: ${model.labels.short(variable, lang)}`,
          ),
        )
        .join('')
    : calibration?.method
      ? `<p>${escapeHtml(m.marginsMissing(model.results.meta.plan ?? 'plan.json'))}</p>`
      : '';
  const reliability =
    model.reliability.length === 0
      ? ''
      : `<section aria-labelledby="reliability-heading"><h2 id="reliability-heading">${escapeHtml(m.reliabilityHeading)}</h2><p>${escapeHtml(m.reliabilityIntro)}</p>${table(
          [t.table.scale, m.alpha, m.stdAlpha, m.omega, t.table.base],
          model.reliability.map((row) => [
            row.label[lang],
            formatCell(row.alpha),
            formatCell(row.stdAlpha),
            formatCell(row.omega),
            row.n === null ? '–' : formatCount(row.n),
          ]),
          m.reliabilityHeading,
        )}</section>`;
  const audit = model.audit;
  let auditHtml = `<p>${escapeHtml(m.noAudit)}</p>`;
  if (audit) {
    const a = m.audit;
    const entries: [string, string][] = [];
    const withRequired = (achieved: number | null, required: number | null) =>
      `${formatCell(achieved, 0)}${required !== null ? ` (${a.required(formatCell(required, 0))})` : ''}`;
    if (audit.rowsIn !== null || audit.rowsOut !== null)
      entries.push([a.rows, `${audit.rowsIn === null ? '–' : formatCount(audit.rowsIn)} / ${audit.rowsOut === null ? '–' : formatCount(audit.rowsOut)}`]);
    if (audit.kAchieved !== null || audit.kRequired !== null) entries.push([a.k, withRequired(audit.kAchieved, audit.kRequired)]);
    if (audit.lAchieved !== null || audit.lRequired !== null) entries.push([a.l, withRequired(audit.lAchieved, audit.lRequired)]);
    if (audit.suppressedShare !== null) entries.push([a.suppressedShare, formatPercent(audit.suppressedShare, 2)]);
    if (audit.suppressedCells !== null) entries.push([a.suppressedCells, formatCount(audit.suppressedCells)]);
    if (audit.suppressedRows !== null) entries.push([a.suppressedRows, formatCount(audit.suppressedRows)]);
    if (audit.riskBefore !== null) entries.push([a.riskBefore, formatCell(audit.riskBefore, 4)]);
    if (audit.riskAfter !== null) entries.push([a.riskAfter, formatCell(audit.riskAfter, 4)]);
    if (audit.expectedReidentificationsBefore !== null) entries.push([a.expectedBefore, formatCell(audit.expectedReidentificationsBefore, 1)]);
    if (audit.expectedReidentificationsAfter !== null) entries.push([a.expectedAfter, formatCell(audit.expectedReidentificationsAfter, 1)]);
    for (const loss of audit.informationLoss) entries.push([`${a.informationLoss}: ${loss.name}`, formatCell(loss.value, 3)]);
    for (const level of audit.generalisation) entries.push([`${a.generalisation}: ${model.labels.short(level.column, lang)}`, level.level]);
    for (const pii of audit.piiReplacements) entries.push([`${a.pii}: ${pii.type}`, formatCount(pii.count)]);
    auditHtml =
      (entries.length > 0 ? table([m.anonymizationHeading, t.table.value], entries, m.anonymizationHeading) : '') +
      (audit.figures.length > 0
        ? `<details class="audit-figures"><summary>${escapeHtml(a.allFigures)}</summary>${table(
            [t.table.variable, t.table.value],
            audit.figures.map((f) => [f.path, String(f.value)]),
            a.allFigures,
          )}</details>`
        : '');
  }
  const meta = model.results.meta;
  const body = `<section aria-labelledby="design-heading"><h2 id="design-heading">${escapeHtml(m.designHeading)}</h2><p>${designText}</p></section>
<section aria-labelledby="weighting-heading"><h2 id="weighting-heading">${escapeHtml(m.weightingHeading)}</h2><p>${weightingText}</p>${margins ? `<h3>${escapeHtml(m.marginsHeading)}</h3>${margins}` : ''}</section>
${reliability}
<section aria-labelledby="anonymization-heading"><h2 id="anonymization-heading">${escapeHtml(m.anonymizationHeading)}</h2>${auditHtml}</section>
<section aria-labelledby="disclosure-heading"><h2 id="disclosure-heading">${escapeHtml(m.disclosureHeading)}</h2><p>${escapeHtml(m.disclosure(String(model.settings.minBase)))}</p></section>
<section aria-labelledby="limitations-heading"><h2 id="limitations-heading">${escapeHtml(m.limitationsHeading)}</h2><ul>${m.limitations.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul></section>
<section aria-labelledby="provenance-heading"><h2 id="provenance-heading">${escapeHtml(m.provenanceHeading)}</h2><p>${escapeHtml(m.provenance(meta.data ?? 'results.json', meta.createdAt ?? '–', `${meta.tool ?? 'leakrisk'} ${meta.version ?? ''}`.trim()))}</p></section>`;
  return { file: 'methodology.html', title, heading: `<h1>${escapeHtml(title)}</h1>`, body };
}

import type { Lang, Strings } from '../i18n/index.js';
import { formatCell, formatCount } from '../model/format.js';
import type { SiteModel } from '../model/site.js';
import { anonymizationSummaryHtml, small } from './anonymizationSummary.js';
import { dataTableHtml } from './dataTable.js';
import { bdi, escapeHtml } from './html.js';
import { type PageInfo, rootOf } from './layout.js';
import { METHODOLOGY_FILE } from './nav.js';

/** The last part of a path (either separator): no folder of the analyst's machine reaches the site. */
function baseName(path: string): string {
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/** Sample design, weighting and margins, reliability, anonymization, disclosure control, limitations, provenance. */
export function methodologyPage(model: SiteModel, lang: Lang, t: Strings): PageInfo {
  const m = t.methodology;
  const { design, calibration, meta } = model.results;
  const rows = meta.rows;
  const clustered = typeof design?.psus === 'number' && rows !== undefined && design.psus < rows;
  const designText =
    design && rows !== undefined
      ? m.design(
          bdi(formatCount(rows)),
          typeof design.strata === 'number' && design.strata > 1 ? bdi(formatCount(design.strata)) : null,
          clustered ? bdi(formatCount(design.psus!)) : null,
          typeof design.df === 'number' ? bdi(formatCount(design.df)) : null,
        )
      : escapeHtml(m.designUnknown);
  const weightingText =
    model.weighting === 'calibrated' && calibration?.method
      ? m.weighting(
          escapeHtml(calibration.method),
          bdi(String(calibration.iterations ?? '–')),
          calibration.converged !== false,
          bdi(typeof calibration.maxDiscrepancy === 'number' ? small(calibration.maxDiscrepancy) : '–'),
        )
      : escapeHtml(model.weighting === 'unweighted' ? m.unweighted : m.designWeightsOnly);
  const margins = model.margins
    ? Object.entries(model.margins)
        .map(([variable, levels]) =>
          dataTableHtml(
            [model.labels.short(variable, lang), t.table.value],
            Object.entries(levels).map(([level, total]) => [model.labels.level(variable, level, lang), formatCount(total)]),
            `${m.marginsHeading}: ${model.labels.short(variable, lang)}`,
          ),
        )
        .join('')
    : calibration?.method
      ? `<p>${escapeHtml(m.marginsMissing(baseName(meta.plan ?? 'plan.json')))}</p>`
      : '';
  const reliability =
    model.reliability.length === 0
      ? ''
      : `<section aria-labelledby="reliability-heading" data-analyses="${escapeHtml(model.reliability.flatMap((row) => row.analyses).join(' '))}"><h2 id="reliability-heading">${escapeHtml(m.reliabilityHeading)}</h2><p>${escapeHtml(m.reliabilityIntro)}</p>${dataTableHtml(
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
  const anonymization = model.audit
    ? `${anonymizationSummaryHtml(model.audit, model.labels, lang, t)}<p class="download"><a href="${rootOf(lang)}data/audit.json" download="audit.json" type="application/json">${escapeHtml(m.anonymization.download)}</a></p>`
    : `<p>${escapeHtml(m.noAudit)}</p>`;
  const models = model.tests.some((test) => test.type === 'glm' || test.type === 'ordinal');
  const limitations = [
    ...m.limitations,
    ...(model.weighting === 'calibrated' ? [m.limitationCalibration] : []),
    ...(model.audit ? [m.limitationAnonymization] : []),
    ...(model.settings.limitations ?? []).map((item) => item[lang]),
  ];
  const tool = `${meta.tool ?? 'leakrisk'} ${meta.version ?? ''}`.trim();
  const body = `<section aria-labelledby="design-heading"><h2 id="design-heading">${escapeHtml(m.designHeading)}</h2><p>${designText}</p><p>${escapeHtml(m.chartsNote)}</p></section>
<section aria-labelledby="weighting-heading"><h2 id="weighting-heading">${escapeHtml(m.weightingHeading)}</h2><p>${weightingText}</p>${margins ? `<h3>${escapeHtml(m.marginsHeading)}</h3>${margins}` : ''}</section>
${reliability}
<section aria-labelledby="anonymization-heading"><h2 id="anonymization-heading">${escapeHtml(m.anonymizationHeading)}</h2>${anonymization}</section>
<section aria-labelledby="disclosure-heading"><h2 id="disclosure-heading">${escapeHtml(m.disclosureHeading)}</h2><p>${escapeHtml(m.disclosure(String(model.settings.minBase)))}${models ? ` ${escapeHtml(m.disclosureModels(String(model.settings.minBase)))}` : ''}</p></section>
<section aria-labelledby="limitations-heading"><h2 id="limitations-heading">${escapeHtml(m.limitationsHeading)}</h2><ul>${limitations.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul></section>
<section aria-labelledby="provenance-heading"><h2 id="provenance-heading">${escapeHtml(m.provenanceHeading)}</h2><p>${escapeHtml(m.provenance(baseName(meta.data ?? 'results.json'), meta.createdAt ?? '–', tool))}</p></section>`;
  return { file: METHODOLOGY_FILE, title: m.title, heading: `<h1>${escapeHtml(m.title)}</h1>`, body };
}

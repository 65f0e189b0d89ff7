import type { Lang, Strings } from '../i18n/index.js';
import { formatNumber, formatPRelation, formatPercent } from '../model/format.js';
import type { Finding, SiteModel } from '../model/site.js';
import { bdi, escapeHtml } from './html.js';

const pct = (value: number | null | undefined) => bdi(value === null || value === undefined ? '–' : formatPercent(value));
const num = (value: number | null | undefined) => bdi(value === null || value === undefined ? '–' : formatNumber(value));

/** One key finding as a sentence (HTML) in `lang`. */
export function findingHtml(model: SiteModel, finding: Finding, lang: Lang, t: Strings): string {
  const labels = model.labels;
  switch (finding.kind) {
    case 'scaleMean':
      return t.findings.scaleMean(
        `<strong>${escapeHtml(labels.short(finding.variable, lang))}</strong>`,
        num(finding.row.estimate),
        num(finding.row.ciLow),
        num(finding.row.ciHigh),
        bdi(String(finding.range[0])),
        bdi(String(finding.range[1])),
      );
    case 'itemShare': {
      const total = finding.parts.reduce((sum, part) => sum + (part.row.estimate ?? 0), 0);
      const parts = finding.parts
        .map((part) =>
          t.findings.itemPart(pct(part.row.estimate), escapeHtml(labels.level(finding.variable, part.level, lang)), pct(part.row.ciLow), pct(part.row.ciHigh)),
        )
        .join(lang === 'ur' ? '؛ ' : '; ');
      return t.findings.itemShare(escapeHtml(labels.question(finding.variable, lang)), `<strong>${pct(total)}</strong>`, parts);
    }
    case 'knowledge':
      return t.findings.knowledge(
        escapeHtml(labels.question(finding.variable, lang)),
        `<strong>${pct(finding.row.estimate)}</strong>`,
        pct(finding.row.ciLow),
        pct(finding.row.ciHigh),
      );
    case 'difference': {
      const estimate = finding.test.estimate ?? 0;
      return t.findings.difference(
        `<strong>${escapeHtml(labels.short(finding.variable, lang))}</strong>`,
        escapeHtml(labels.level(finding.by, finding.levelA, lang)),
        escapeHtml(labels.level(finding.by, finding.levelB, lang)),
        num(Math.abs(estimate)),
        estimate > 0,
        bdi(formatPRelation(finding.test.pAdjusted)),
      );
    }
  }
}

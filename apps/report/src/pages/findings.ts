import type { Lang, Strings } from '../i18n/index.js';
import type { Finding } from '../model/findings.js';
import { formatNumber, formatPRelation, formatPercent } from '../model/format.js';
import type { SiteModel } from '../model/site.js';
import { bdi, escapeHtml } from './html.js';

const pct = (value: number | null | undefined) => bdi(value === null || value === undefined ? '–' : formatPercent(value));
const num = (value: number | null | undefined) => bdi(value === null || value === undefined ? '–' : formatNumber(value));

/** One key finding as a sentence (HTML) in `lang`; labels in sentence case inside the sentence. */
export function findingHtml(model: SiteModel, finding: Finding, lang: Lang, t: Strings): string {
  const labels = model.labels;
  const inSentence = (label: string) => escapeHtml(labels.inSentence(label, lang));
  switch (finding.kind) {
    case 'scaleMean':
      return t.findings.scaleMean(
        `<strong>${inSentence(labels.short(finding.variable, lang))}</strong>`,
        num(finding.row.estimate),
        num(finding.row.ciLow),
        num(finding.row.ciHigh),
        bdi(String(finding.range[0])),
        bdi(String(finding.range[1])),
      );
    case 'mean':
      return t.findings.mean(
        `<strong>${inSentence(labels.short(finding.variable, lang))}</strong>`,
        num(finding.row.estimate),
        num(finding.row.ciLow),
        num(finding.row.ciHigh),
      );
    case 'itemShare': {
      const total = finding.parts.reduce((sum, part) => sum + (part.row.estimate ?? 0), 0);
      const parts = finding.parts
        .map((part) =>
          t.findings.itemPart(
            pct(part.row.estimate),
            escapeHtml(labels.levelInSentence(finding.variable, part.level, lang)),
            pct(part.row.ciLow),
            pct(part.row.ciHigh),
          ),
        )
        .join(lang === 'ur' ? '؛ ' : '; ');
      const answers = t.orList(
        finding.parts.map((part) =>
          lang === 'ur'
            ? `”${escapeHtml(labels.levelInSentence(finding.variable, part.level, lang))}“`
            : `“${escapeHtml(labels.levelInSentence(finding.variable, part.level, lang))}”`,
        ),
      );
      return t.findings.itemShare(escapeHtml(labels.question(finding.variable, lang)), `<strong>${pct(total)}</strong>`, answers, parts);
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
      // A difference of shares (a categorical outcome) is in percentage points; of scores, in points.
      const share =
        model.results.results.some((a) => a.type === 'proportion' && a.variable === finding.variable) || labels.typeOf(finding.variable) === 'categorical';
      return t.findings.difference(
        `<strong>${escapeHtml(labels.short(finding.variable, lang))}</strong>`,
        escapeHtml(labels.group(finding.by, finding.levelA, lang)),
        escapeHtml(
          labels.isGroupOption(finding.by) ? labels.group(finding.by, finding.levelB, lang) : labels.levelInSentence(finding.by, finding.levelB, lang),
        ),
        share ? bdi(formatNumber(Math.abs(estimate) * 100, 0)) : num(Math.abs(estimate)),
        estimate > 0,
        bdi(formatPRelation(finding.test.pAdjusted)),
        share,
      );
    }
  }
}

import { type Lang, midSentence, type Strings } from '../i18n/index.js';
import { formatCount, formatPercent } from '../model/format.js';
import type { Labels } from '../model/labels.js';
import type { AuditSummary, QuasiIdentifierSummary } from '../results/audit.js';
import { bdi, escapeHtml } from './html.js';

/** A small probability or count as people read it: four decimals, or two significant digits when smaller. */
export function small(value: number): string {
  if (value === 0) return '0';
  return Math.abs(value) >= 0.001 ? value.toFixed(4).replace(/0+$/, '').replace(/\.$/, '') : value.toPrecision(2);
}

/** Configured bands in words: [18, 26, 36] → "18–25, 26–35, 36+". */
export function bandsInWords(bands: readonly number[]): string {
  const whole = bands.every(Number.isInteger);
  return bands
    .map((start, index) => {
      const next = bands[index + 1];
      if (next === undefined) return `${start}+`;
      return whole ? `${start}–${next - 1}` : `${start} to under ${next}`;
    })
    .join(', ');
}

/** How one quasi-identifier was released, in words; `undefined` when it was kept as recorded. */
function quasiInWords(q: QuasiIdentifierSummary, labels: Labels, lang: Lang, t: Strings): string | undefined {
  const a = t.methodology.anonymization;
  const column = labels.columnName(q.column, lang);
  if (q.suppressedEntirely) return a.removed(column);
  if (q.level === 0 || q.level === null) return q.bands && q.bands.length > 0 ? a.bands(column, bandsInWords(q.bands)) : undefined;
  const levelName = q.levelName === null ? String(q.level) : midSentence(labels.columnName(q.levelName, lang), lang);
  return a.generalised(column, levelName, String(q.level), q.levelsAbove === null ? '–' : String(q.levelsAbove));
}

/**
 * The anonymization in words for the methodology page: what was removed, pseudonymized and scrubbed,
 * how each quasi-identifier was generalised (to which level), what was suppressed, the k and l
 * achieved and the risk after. Only names and counts from the audit appear, never a value.
 */
export function anonymizationSummaryHtml(audit: AuditSummary, labels: Labels, lang: Lang, t: Strings): string {
  const a = t.methodology.anonymization;
  const names = (columns: readonly string[]) => t.list(columns.map((column) => labels.columnName(column, lang)));
  const items: string[] = [];
  if (audit.rowsIn !== null && audit.rowsOut !== null) items.push(a.rows(bdi(formatCount(audit.rowsIn)), bdi(formatCount(audit.rowsOut))));
  if (audit.dropped.length > 0) items.push(escapeHtml(a.dropped(names(audit.dropped))));
  if (audit.pseudonymized.length > 0) items.push(escapeHtml(a.pseudonymized(names(audit.pseudonymized))));
  for (const scrub of audit.scrubbed)
    items.push(a.scrubbed(escapeHtml(labels.columnName(scrub.column, lang)), scrub.replaced === null ? null : bdi(formatCount(scrub.replaced))));
  if (audit.piiReplacements.length > 0)
    items.push(a.piiTypes(t.list(audit.piiReplacements.map((pii) => a.piiType(bdi(pii.type), bdi(formatCount(pii.count)))))));
  const described = audit.quasiIdentifiers.map((q) => ({ q, words: quasiInWords(q, labels, lang, t) }));
  for (const { words } of described) if (words !== undefined) items.push(escapeHtml(words));
  const kept = described.filter(({ words }) => words === undefined).map(({ q }) => q.column);
  if (kept.length > 0) items.push(escapeHtml(a.kept(names(kept))));
  if (audit.suppressedRows !== null) {
    const cells = audit.quasiIdentifiers
      .filter((q) => (q.suppressedCells ?? 0) > 0)
      .map((q) => a.suppressedCells(escapeHtml(midSentence(labels.columnName(q.column, lang), lang)), bdi(formatCount(q.suppressedCells!))))
      .join(lang === 'ur' ? '، ' : ', ');
    items.push(
      a.suppressed(bdi(formatCount(audit.suppressedRows)), bdi(audit.suppressedShare === null ? '–' : formatPercent(audit.suppressedShare, 1)), cells),
    );
  }
  if (audit.kAchieved !== null) {
    const keys = audit.quasiIdentifiers.length > 0 ? t.list(audit.quasiIdentifiers.map((q) => midSentence(labels.columnName(q.column, lang), lang))) : '–';
    items.push(a.k(escapeHtml(keys), bdi(String(audit.kAchieved)), audit.kRequired === null ? null : bdi(String(audit.kRequired))));
  }
  if (audit.lAchieved !== null && audit.sensitive.length > 0) {
    const quoted = t.list(audit.sensitive.map((column) => (lang === 'ur' ? `”${labels.columnName(column, lang)}“` : `“${labels.columnName(column, lang)}”`)));
    items.push(a.l(escapeHtml(quoted), bdi(String(audit.lAchieved)), audit.lRequired === null ? null : bdi(String(audit.lRequired))));
  }
  if (audit.riskAfter !== null)
    items.push(audit.riskBefore !== null ? a.risk(bdi(small(audit.riskBefore)), bdi(small(audit.riskAfter))) : a.riskAfterOnly(bdi(small(audit.riskAfter))));
  if (audit.expectedReidentificationsBefore !== null && audit.expectedReidentificationsAfter !== null)
    items.push(a.expected(bdi(small(audit.expectedReidentificationsBefore)), bdi(small(audit.expectedReidentificationsAfter))));
  const total = audit.informationLoss.find((loss) => loss.name === 'total') ?? audit.informationLoss[0];
  if (total) items.push(a.informationLoss(bdi(small(total.value))));
  return `<ul class="anonymization">${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

import type { Audit } from '@leakrisk/anonymize';
import { cellInMessage } from '@leakrisk/survey';

const MAX_FLAGGED_SHOWN = 10;

function percent(share: number): string {
  return `${(100 * share).toFixed(share > 0 && share < 0.001 ? 3 : 1)}%`;
}

function lRequired(l: NonNullable<Audit['privacy']['l']>): string {
  if (l.distinct !== undefined) return `${l.distinct} distinct`;
  if (l.entropy !== undefined) return `entropy ${l.entropy}`;
  if (l.recursive !== undefined) return `recursive (c ${l.recursive.c}, l ${l.recursive.l})`;
  return 'none';
}

/** A domain of the raw data, its levels shown only when plainly harmless (a `by` of phone numbers shows their shape). */
function domainText(domain: Record<string, string>): string {
  const parts = Object.entries(domain).map(([name, level]) => `${name}=${cellInMessage(level, true)}`);
  return parts.length === 0 ? '' : ` [${parts.join(', ')}]`;
}

/** Four significant digits, without trailing zeros (risks are small: 0.0001234, not 0.00012). */
function number(value: number | null): string {
  return value === null ? 'n/a' : Number(value.toPrecision(4)).toString();
}

/**
 * What `anonymize` says when it is done, read from the audit it wrote: k and l achieved against the
 * requirement, records and cells suppressed, the generalisation chosen, disclosure risk before and
 * after, the replicate weights of a release without design codes (and what the constancy test found),
 * and with `--plan` the estimates that moved by more than the flagging threshold.
 */
export function describeAnonymization(audit: Audit, files: { out: string; audit: string }): string {
  const { privacy } = audit;
  const lines = [
    `Anonymized ${audit.rows.in} rows → ${files.out} (${audit.rows.out} rows, ${audit.columns.out} of ${audit.columns.in} columns); audit → ${files.audit}.`,
  ];

  let achieved = `  k achieved: ${privacy.achieved.k} (required ${privacy.k})`;
  if (privacy.l !== null) {
    const required = lRequired(privacy.l);
    const columns = privacy.achieved.l.map((entry) => `${entry.column} ${entry.distinct} distinct, entropy ${number(entry.entropy)}`);
    achieved += `; l achieved: ${columns.join('; ') || 'n/a'} (required ${required})`;
  }
  lines.push(achieved);

  const suppressedCells = audit.quasiIdentifiers.reduce((sum, key) => sum + key.suppressedCells, 0);
  const byColumn = audit.quasiIdentifiers.filter((key) => key.suppressedCells > 0).map((key) => `${key.column} ${key.suppressedCells}`);
  const removed = audit.rows.in - audit.rows.out;
  lines.push(
    `  suppressed: ${removed > 0 ? `${removed} rows removed; ` : ''}${privacy.suppressedRecords} records with a quasi-identifier cell suppressed ` +
      `(${percent(privacy.suppressedShare)}, allowed ${percent(privacy.maxSuppressedShare)}); ${suppressedCells} cells${byColumn.length > 0 ? ` (${byColumn.join(', ')})` : ''}`,
  );
  const generalised = audit.quasiIdentifiers.filter((key) => key.chosenLevel > 0).map((key) => `${key.column} to ${key.chosenLevelName}`);
  if (generalised.length > 0) lines.push(`  generalised: ${generalised.join(', ')}`);

  const { before, after } = audit.risk;
  lines.push(
    `  risk after: global ${number(after.globalRisk)}, expected re-identifications ${number(after.expectedReidentifications)}, ` +
      `records below k: ${after.kViolations[String(privacy.k)] ?? 'n/a'} ` +
      `(before: global ${number(before.globalRisk)}, expected re-identifications ${number(before.expectedReidentifications)}, ` +
      `records below k: ${before.kViolations[String(privacy.k)] ?? 'n/a'})`,
  );

  const design = audit.design;
  if (design !== undefined) {
    const se = design.standardErrors;
    lines.push(
      `  design: ${design.replicates} ${design.type} replicate weights (${design.columns[0]} … ${design.columns[design.columns.length - 1]}) in place of ${design.dropped.join(', ')}` +
        (se === undefined || se.compared === 0
          ? ''
          : `; SE released / original: median ${number(se.medianRatio)} (${number(se.minRatio)} to ${number(se.maxRatio)}) over ${se.compared} estimates`) +
        (design.plan === undefined
          ? "; the audit's design.analysisDesign is the design of a plan on the released file"
          : `; plan for the released file → ${design.plan}`),
    );
    for (const warning of design.warnings) lines.push(`  warning: ${warning}`);
  }

  const impact = audit.planImpact;
  if (impact !== undefined) {
    lines.push(
      `  plan: ${impact.flagged} of ${impact.compared} estimates moved by more than ${impact.threshold} standard error of the raw estimate` +
        (impact.maxAbsZ === null ? '' : ` (largest |z| ${number(impact.maxAbsZ)})`) +
        (impact.onlyBefore > 0 ? `; ${impact.onlyBefore} estimates could not be made on the anonymized data` : ''),
    );
    const flagged = impact.rows.filter((row) => row.flagged);
    for (const row of flagged.slice(0, MAX_FLAGGED_SHOWN)) {
      const detail = row.level ?? row.term ?? row.item ?? (row.probability === undefined ? undefined : `p${row.probability}`);
      lines.push(
        `    ${row.analysis}${detail === undefined ? '' : ` ${detail}`}${domainText(row.domain)}: ${row.quantity} ${number(row.before)} → ${number(row.after)} (z ${number(row.z)})`,
      );
    }
    if (flagged.length > MAX_FLAGGED_SHOWN) lines.push(`    … and ${flagged.length - MAX_FLAGGED_SHOWN} more (see planImpact in the audit)`);
  }
  return `${lines.join('\n')}\n`;
}

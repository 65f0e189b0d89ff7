import { dotInterval, type DotIntervalOptions } from './dotInterval.js';

export interface CoefficientRow {
  /** Readable term, e.g. "Gender: male (vs female)". */
  label: string;
  estimate: number;
  ciLow: number | null;
  ciHigh: number | null;
  /** Significant after Benjamini–Hochberg: drawn marked. */
  significant: boolean;
}

export interface CoefficientData {
  rows: CoefficientRow[];
  /** Label of the zero line ("no difference"). */
  zeroLabel: string;
}

/**
 * Coefficient plot for a regression: each term's estimate with its 95% CI against a zero line;
 * terms significant after Benjamini–Hochberg are marked (diamond, bold, asterisk).
 */
export function coefficientPlot(document: Document, data: CoefficientData, options: DotIntervalOptions): SVGSVGElement {
  const svg = dotInterval(
    document,
    {
      rows: data.rows.map((row) => ({
        label: row.label,
        estimate: row.estimate,
        ciLow: row.ciLow,
        ciHigh: row.ciHigh,
        n: null,
        suppressed: false,
        marked: row.significant,
      })),
      reference: { value: 0, label: data.zeroLabel },
    },
    options,
  );
  svg.setAttribute('class', 'chart chart-coefficients');
  return svg;
}

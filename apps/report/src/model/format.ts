/** Number formats shared by charts, tables and text (Western digits in both editions). */
export function formatPercent(value: number, digits = 0): string {
  return `${(value * 100).toFixed(digits)}%`;
}

export function formatNumber(value: number, digits = 2): string {
  return value.toFixed(digits);
}

/** A count with thousands separators: 3,000. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A p-value as researchers write it: `<0.001` or three decimals. */
export function formatP(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value < 0.001 ? '<0.001' : value.toFixed(3);
}

/** A number for a table cell, or an en dash when missing. */
export function formatCell(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

/** A p-value with its relation sign, for sentences: `< 0.001` or `= 0.016`. */
export function formatPRelation(value: number | null | undefined): string {
  const text = formatP(value);
  return text.startsWith('<') ? `< ${text.slice(1)}` : `= ${text}`;
}

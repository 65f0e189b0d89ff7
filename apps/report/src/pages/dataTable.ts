import { escapeHtml } from './html.js';

/** A signed number, percentage or p-value ("-0.50", "12.5%", "<0.001"): kept left to right in Urdu tables. */
const NUMBER = /^[<>≤≥=+\-−]?\s*\d[\d.,]*%?$/;

function cellHtml(cell: string): string {
  return NUMBER.test(cell) ? `<bdi dir="ltr">${escapeHtml(cell)}</bdi>` : escapeHtml(cell);
}

/**
 * A scrollable, labelled data table: the first cell of each row is its header. Number cells are
 * isolated left-to-right runs, so a negative value never reads "0.50-" in the Urdu edition.
 */
export function dataTableHtml(head: readonly string[], rows: readonly (readonly string[])[], caption: string): string {
  const headHtml = head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td class="num">${cellHtml(cell)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<div class="table-scroll" role="region" aria-label="${escapeHtml(caption)}" tabindex="0"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${headHtml}</tr></thead><tbody>${body}</tbody></table></div>`;
}

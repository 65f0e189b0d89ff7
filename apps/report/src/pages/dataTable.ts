import { escapeHtml } from './html.js';

/** A scrollable, labelled data table: the first cell of each row is its header. */
export function dataTableHtml(head: readonly string[], rows: readonly (readonly string[])[], caption: string): string {
  const headHtml = head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td class="num">${escapeHtml(cell)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<div class="table-scroll" role="region" aria-label="${escapeHtml(caption)}" tabindex="0"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${headHtml}</tr></thead><tbody>${body}</tbody></table></div>`;
}

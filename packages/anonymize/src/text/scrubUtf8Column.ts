import { isMissingCell, utf8Column, type Utf8Column } from '@leakrisk/survey';
import { scrubber } from './scrub.js';
import type { PiiType } from './types.js';

/** A scrubbed column and what the audit counts of it. */
export interface ScrubbedColumn {
  column: Utf8Column;
  /** Non-missing cells. */
  cells: number;
  /** Cells where something was replaced. */
  changed: number;
  /** Spans replaced, by type. */
  replacements: Record<PiiType, number>;
}

/**
 * The `scrub` step of `anonymize`: every cell of a free-text column through the scrubber (`scrubber`:
 * personal data replaced by typed tags such as `[PHONE]`). Each cell is a short-lived string; only the
 * cells that changed are kept as strings, and the column is rebuilt as UTF-8 bytes only when one did.
 */
export function scrubUtf8Column(texts: Utf8Column, missing: ReadonlySet<string> | undefined): ScrubbedColumn {
  const n = texts.length;
  const { scrub, counts } = scrubber();
  const rows: number[] = [];
  const cells: string[] = [];
  let present = 0;
  for (let i = 0; i < n; i++) {
    const cell = texts.end[i] === texts.start[i] ? '' : texts.get(i);
    if (!isMissingCell(cell, missing)) present++;
    const scrubbed = scrub(cell);
    if (scrubbed !== cell) {
      rows.push(i);
      cells.push(scrubbed);
    }
  }
  return { column: rows.length === 0 ? texts : withEdits(texts, rows, cells), cells: present, changed: rows.length, replacements: counts };
}

/**
 * UTF-8 texts with some rows replaced (`cells[k]` in row `rows[k]`, rows increasing), in a new
 * buffer: the other rows' bytes are copied as they are.
 */
function withEdits(texts: Utf8Column, rows: readonly number[], cells: readonly string[]): Utf8Column {
  const n = texts.length;
  const encoded = cells.map((cell) => Buffer.from(cell, 'utf8'));
  let total = 0;
  for (let i = 0; i < n; i++) total += texts.end[i]! - texts.start[i]!;
  rows.forEach((row, k) => {
    total += encoded[k]!.length - (texts.end[row]! - texts.start[row]!);
  });
  const bytes = Buffer.allocUnsafe(total);
  const start = new Uint32Array(n);
  const end = new Uint32Array(n);
  let at = 0;
  let next = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    if (next < rows.length && rows[next] === i) at += encoded[next++]!.copy(bytes, at);
    else at += texts.bytes.copy(bytes, at, texts.start[i]!, texts.end[i]!);
    end[i] = at;
  }
  return utf8Column(bytes, start, end);
}

import { TextMatcher, utf8Column, type Utf8Column } from '@leakrisk/survey';
import { pseudonymWriter } from './hmac.js';

/** Bytes of a pseudonym with the default options: `P` and 16 hex digits. */
const PSEUDONYM_BYTES = 17;

/** A pseudonymized column and what the audit counts of it. */
export interface PseudonymizedColumn {
  column: Utf8Column;
  /** Non-missing cells. */
  cells: number;
  /** Cells whose text changed (every non-missing cell, unless one already held its own pseudonym). */
  changed: number;
}

/**
 * The `pseudonymize` step: every non-missing cell of `texts` replaced by its keyed pseudonym
 * (`pseudonymize`: `P` and 16 hex digits of HMAC-SHA-256), read and written as UTF-8 bytes, so that no
 * string is made per identifier or pseudonym. A missing cell (one of `missingTexts`: empty, `NA`, the
 * column's missing codes) stays as it is.
 */
export function pseudonymizeColumn(texts: Utf8Column, key: Uint8Array, missingTexts: Iterable<string>): PseudonymizedColumn {
  const n = texts.length;
  const isMissing = new TextMatcher(missingTexts);
  const write = pseudonymWriter(key);
  let out = Buffer.allocUnsafe(n * PSEUDONYM_BYTES);
  const outStart = new Uint32Array(n);
  const outEnd = new Uint32Array(n);
  const { bytes, start, end } = texts;
  let cells = 0;
  let changed = 0;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const s = start[i]!;
    const e = end[i]!;
    const missingCell = isMissing.has(bytes, s, e);
    if (at + (missingCell ? e - s : PSEUDONYM_BYTES) > out.length) {
      const grown = Buffer.allocUnsafe(2 * out.length + e - s);
      out.copy(grown, 0, 0, at);
      out = grown;
    }
    outStart[i] = at;
    if (missingCell) {
      bytes.copy(out, at, s, e);
      at += e - s;
    } else {
      cells++;
      const from = at;
      at = write(bytes, s, e, out, at);
      if (at - from !== e - s || out.compare(bytes, s, e, from, at) !== 0) changed++;
    }
    outEnd[i] = at;
  }
  return { column: utf8Column(out, outStart, outEnd), cells, changed };
}

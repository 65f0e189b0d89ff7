/**
 * Measures the scrubber on the labelled corpus (`*.jsonl` in this folder).
 *
 * - A detected span is a true positive when it overlaps a labelled span of the same type; otherwise it
 *   is a false positive (precision = TP / detected).
 * - A labelled span is found when a detected span of the same type overlaps it AND every letter and
 *   digit of it lies inside some detected span (nothing of the value survives); recall = found / labelled.
 * - `exact` counts labelled spans detected with exactly the same boundaries (informative only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPii } from '../../src/text/scrub.js';
import { PII_TYPES, type PiiSpan, type PiiType } from '../../src/text/types.js';

export interface CorpusEntry {
  id: string;
  lang: 'en' | 'roman' | 'ur';
  text: string;
  spans: PiiSpan[];
}

export interface TypeMetrics {
  labelled: number;
  detected: number;
  truePositives: number;
  found: number;
  exact: number;
  precision: number;
  recall: number;
}

export interface CorpusMetrics {
  entries: number;
  byType: Record<PiiType, TypeMetrics>;
  overall: TypeMetrics;
  /** Up to 50 misses and false alarms, for debugging. */
  errors: string[];
}

const here = dirname(fileURLToPath(import.meta.url));

export function loadCorpus(dir: string = here): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim().length > 0) entries.push(JSON.parse(line) as CorpusEntry);
    }
  }
  return entries;
}

const ALNUM = /[\p{L}\p{N}]/u;

function blank(): TypeMetrics {
  return { labelled: 0, detected: 0, truePositives: 0, found: 0, exact: 0, precision: 1, recall: 1 };
}

export function evaluateCorpus(entries: readonly CorpusEntry[]): CorpusMetrics {
  const byType = {} as Record<PiiType, TypeMetrics>;
  for (const type of PII_TYPES) byType[type] = blank();
  const errors: string[] = [];
  const note = (message: string): void => {
    if (errors.length < 50) errors.push(message);
  };
  for (const entry of entries) {
    const detected = findPii(entry.text);
    const overlaps = (a: PiiSpan, b: PiiSpan): boolean => a.start < b.end && b.start < a.end;
    for (const d of detected) {
      byType[d.type].detected += 1;
      if (entry.spans.some((g) => g.type === d.type && overlaps(g, d))) byType[d.type].truePositives += 1;
      else note(`${entry.id} false ${d.type} "${entry.text.slice(d.start, d.end)}" in: ${entry.text}`);
    }
    for (const g of entry.spans) {
      const m = byType[g.type];
      m.labelled += 1;
      const sameType = detected.some((d) => d.type === g.type && overlaps(g, d));
      let covered = true;
      for (let i = g.start; i < g.end; i++) {
        if (ALNUM.test(entry.text[i]!) && !detected.some((d) => d.start <= i && i < d.end)) covered = false;
      }
      if (sameType && covered) m.found += 1;
      else note(`${entry.id} missed ${g.type} "${entry.text.slice(g.start, g.end)}" in: ${entry.text}`);
      if (detected.some((d) => d.type === g.type && d.start === g.start && d.end === g.end)) m.exact += 1;
    }
  }
  const overall = blank();
  for (const type of PII_TYPES) {
    const m = byType[type];
    m.precision = m.detected === 0 ? 1 : m.truePositives / m.detected;
    m.recall = m.labelled === 0 ? 1 : m.found / m.labelled;
    overall.labelled += m.labelled;
    overall.detected += m.detected;
    overall.truePositives += m.truePositives;
    overall.found += m.found;
    overall.exact += m.exact;
  }
  overall.precision = overall.detected === 0 ? 1 : overall.truePositives / overall.detected;
  overall.recall = overall.labelled === 0 ? 1 : overall.found / overall.labelled;
  return { entries: entries.length, byType, overall, errors };
}

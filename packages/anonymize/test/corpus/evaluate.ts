/**
 * Measures the scrubber on the labelled corpus (`*.jsonl` in this folder).
 *
 * - A detected span is a true positive when it overlaps a labelled span of the same type; otherwise it
 *   is a false positive (precision = TP / detected).
 * - A labelled span is found when a detected span of the same type overlaps it AND every letter and
 *   digit of it lies inside some detected span (nothing of the value survives); recall = found / labelled.
 * - `exact` counts labelled spans detected with exactly the same boundaries (informative only).
 * - Tier 1 is the original corpus; its figures are also reported alone, so that additions to the
 *   corpus cannot hide a change in them. Tier 2 labels each span with its written `form` (recall per
 *   form, same rule) and marks decoys: a decoy is kept when no detection overlaps it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPii } from '../../src/text/scrub.js';
import { PII_TYPES, type PiiSpan, type PiiType } from '../../src/text/types.js';

export interface LabelledSpan extends PiiSpan {
  /** The written form of a tier-2 value (`spelled-en`, `platform-roman`, …). */
  form?: string;
}

export interface CorpusEntry {
  id: string;
  lang: 'en' | 'roman' | 'ur';
  text: string;
  spans: LabelledSpan[];
  /** 2 for the hidden-number, handle and name-cue additions; absent for the original corpus. */
  tier?: 2;
  /** Stretches shaped like personal data that are not, and must be kept. */
  decoys?: { start: number; end: number; form: string }[];
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

export interface FormMetrics {
  labelled: number;
  found: number;
  recall: number;
}

export interface DecoyMetrics {
  decoys: number;
  kept: number;
  /** kept / decoys. */
  share: number;
}

export interface CorpusMetrics {
  entries: number;
  byType: Record<PiiType, TypeMetrics>;
  overall: TypeMetrics;
  /** The same figures on the original (tier-1) corpus alone. */
  tier1: { entries: number; byType: Record<PiiType, TypeMetrics>; overall: TypeMetrics };
  /** Recall per tier-2 form. */
  forms: Record<string, FormMetrics>;
  /** Decoys kept, per kind and over all kinds. */
  decoys: Record<string, DecoyMetrics>;
  decoysOverall: DecoyMetrics;
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

/** What the scrubber finds in a text: `findPii` unless a test swaps in another finder. */
export type Finder = (text: string) => readonly PiiSpan[];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function evaluateCorpus(entries: readonly CorpusEntry[], find: Finder = findPii): CorpusMetrics {
  const byType = emptyByType();
  const tier1ByType = emptyByType();
  const forms: Record<string, FormMetrics> = {};
  const decoys: Record<string, DecoyMetrics> = {};
  const decoysOverall: DecoyMetrics = { decoys: 0, kept: 0, share: 1 };
  const errors: string[] = [];
  const note = (message: string): void => {
    if (errors.length < 50) errors.push(message);
  };
  let tier1Entries = 0;
  for (const entry of entries) {
    const detected = find(entry.text);
    const tables = entry.tier === undefined ? [byType, tier1ByType] : [byType];
    if (entry.tier === undefined) tier1Entries += 1;
    for (const d of detected) {
      const correct = entry.spans.some((g) => g.type === d.type && overlaps(g, d));
      for (const table of tables) {
        table[d.type].detected += 1;
        if (correct) table[d.type].truePositives += 1;
      }
      if (!correct) note(`${entry.id} false ${d.type} "${entry.text.slice(d.start, d.end)}" in: ${entry.text}`);
    }
    for (const g of entry.spans) {
      const sameType = detected.some((d) => d.type === g.type && overlaps(g, d));
      let covered = true;
      for (let i = g.start; i < g.end; i++) {
        if (ALNUM.test(entry.text[i]!) && !detected.some((d) => d.start <= i && i < d.end)) covered = false;
      }
      const found = sameType && covered;
      const exact = detected.some((d) => d.type === g.type && d.start === g.start && d.end === g.end);
      for (const table of tables) {
        const m = table[g.type];
        m.labelled += 1;
        if (found) m.found += 1;
        if (exact) m.exact += 1;
      }
      if (g.form !== undefined) {
        forms[g.form] ??= { labelled: 0, found: 0, recall: 1 };
        forms[g.form]!.labelled += 1;
        if (found) forms[g.form]!.found += 1;
      }
      if (!found) note(`${entry.id} missed ${g.type} "${entry.text.slice(g.start, g.end)}" in: ${entry.text}`);
    }
    for (const decoy of entry.decoys ?? []) {
      decoys[decoy.form] ??= { decoys: 0, kept: 0, share: 1 };
      const kept = !detected.some((d) => overlaps(d, decoy));
      for (const m of [decoys[decoy.form]!, decoysOverall]) {
        m.decoys += 1;
        if (kept) m.kept += 1;
      }
      if (!kept) note(`${entry.id} decoy ${decoy.form} "${entry.text.slice(decoy.start, decoy.end)}" not kept in: ${entry.text}`);
    }
  }
  for (const m of Object.values(forms)) m.recall = ratio(m.found, m.labelled);
  for (const m of [...Object.values(decoys), decoysOverall]) m.share = ratio(m.kept, m.decoys);
  return {
    entries: entries.length,
    byType,
    overall: summarise(byType),
    tier1: { entries: tier1Entries, byType: tier1ByType, overall: summarise(tier1ByType) },
    forms,
    decoys,
    decoysOverall,
    errors,
  };
}

function emptyByType(): Record<PiiType, TypeMetrics> {
  const byType = {} as Record<PiiType, TypeMetrics>;
  for (const type of PII_TYPES) byType[type] = blank();
  return byType;
}

/** Fills in precision and recall per type and returns the totals over all types. */
function summarise(byType: Record<PiiType, TypeMetrics>): TypeMetrics {
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
  return overall;
}

import { describe, expect, it } from 'vitest';
import { findPii } from '../../src/text/scrub.js';
import type { PiiType } from '../../src/text/types.js';
import { evaluateCorpus, loadCorpus } from './evaluate.js';

const STRUCTURED: PiiType[] = ['PHONE', 'CNIC', 'EMAIL', 'URL', 'IBAN', 'HANDLE'];

/** The tier-2 forms (issue 10) and the decoys that share their shape. */
const FORMS = [
  'spaced-digits',
  'letter-digits',
  'spelled-en',
  'spelled-roman',
  'spelled-ur',
  'mixed-spelled',
  'line-broken',
  'urdu-digits',
  'platform-en',
  'platform-roman',
  'platform-ur',
  'name-roman',
  'name-ur',
];
const DECOYS = ['spelled-count', 'name-refusal', 'called-word', 'platform-talk', 'service-number', 'harmless-number'];

describe('scrubber on the labelled synthetic corpus', () => {
  const corpus = loadCorpus();
  const metrics = evaluateCorpus(corpus);

  it('has several hundred labelled comments in English, Roman Urdu and Urdu', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(900);
    for (const lang of ['en', 'roman', 'ur'] as const) {
      expect(corpus.filter((entry) => entry.lang === lang).length).toBeGreaterThanOrEqual(250);
    }
    for (const type of STRUCTURED) expect(metrics.byType[type].labelled).toBeGreaterThanOrEqual(20);
  });

  it.each(STRUCTURED)('finds at least 99 percent of %s values with precision at least 0.95', (type) => {
    expect(metrics.byType[type].recall).toBeGreaterThanOrEqual(0.99);
    expect(metrics.byType[type].precision).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps precision at least 0.95 and recall at least 0.95 for names, addresses, passports and dates of birth', () => {
    for (const type of ['NAME', 'ADDRESS', 'PASSPORT', 'DOB'] as const) {
      expect(metrics.byType[type].precision).toBeGreaterThanOrEqual(0.95);
      expect(metrics.byType[type].recall).toBeGreaterThanOrEqual(0.95);
    }
    expect(metrics.overall.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('leaves the harmless comments untouched', () => {
    const clean = corpus.filter((entry) => entry.spans.length === 0);
    expect(clean.length).toBeGreaterThan(200);
    expect(metrics.overall.detected - metrics.overall.truePositives).toBe(0);
  });

  it('keeps the tier-1 figures: 1,004 comments, 768 labelled values, no false detection, 765 found, every structured value found', () => {
    const { tier1 } = metrics;
    expect(tier1.entries).toBe(1004);
    expect(tier1.overall.labelled).toBe(768);
    expect(tier1.overall.detected).toBe(tier1.overall.truePositives);
    expect(tier1.overall.precision).toBe(1);
    expect(tier1.overall.found).toBeGreaterThanOrEqual(765);
    for (const type of STRUCTURED) expect(tier1.byType[type].recall).toBe(1);
  });

  it.each(FORMS)('finds at least 95 percent of the %s form (at least 40 labelled values)', (form) => {
    const m = metrics.forms[form];
    expect(m?.labelled ?? 0).toBeGreaterThanOrEqual(40);
    expect(m!.recall).toBeGreaterThanOrEqual(0.95);
  });

  it.each(DECOYS)('keeps at least 95 percent of the %s decoys (at least 40 of them)', (kind) => {
    const m = metrics.decoys[kind];
    expect(m?.decoys ?? 0).toBeGreaterThanOrEqual(40);
    expect(m!.share).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps at least 95% of all decoys, and the corpus labels no form or decoy kind the tests do not check', () => {
    expect(metrics.decoysOverall.share).toBeGreaterThanOrEqual(0.95);
    expect(Object.keys(metrics.forms).sort()).toEqual([...FORMS].sort());
    expect(Object.keys(metrics.decoys).sort()).toEqual([...DECOYS].sort());
  });

  it('fails the forms when the scrubber loses them: without detections of numbers written in words, the spelled forms fall below 0.95', () => {
    const digitsOnly = evaluateCorpus(corpus, (text) =>
      findPii(text).filter((span) => !/[A-Za-z\u0600-\u06ff]{2}/.test(text.slice(span.start, span.end)) || span.type !== 'PHONE'),
    );
    for (const form of ['spelled-en', 'spelled-roman', 'spelled-ur', 'mixed-spelled']) expect(digitsOnly.forms[form]!.recall).toBeLessThan(0.95);
    const noHandles = evaluateCorpus(corpus, (text) => findPii(text, { types: ['PHONE', 'CNIC', 'NAME'] }));
    for (const form of ['platform-en', 'platform-roman', 'platform-ur']) expect(noHandles.forms[form]!.recall).toBeLessThan(0.95);
    // a scrubber that replaced everything would keep no decoy
    const everything = evaluateCorpus(corpus, (text) => [{ start: 0, end: text.length, type: 'NAME' as const }]);
    expect(everything.decoysOverall.share).toBeLessThan(0.95);
  });
});

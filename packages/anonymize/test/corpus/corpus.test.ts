import { describe, expect, it } from 'vitest';
import type { PiiType } from '../../src/text/types.js';
import { evaluateCorpus, loadCorpus } from './evaluate.js';

const STRUCTURED: PiiType[] = ['PHONE', 'CNIC', 'EMAIL', 'URL', 'IBAN', 'HANDLE'];

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

  it.each(STRUCTURED)('finds at least 99%% of %s values with precision at least 0.95', (type) => {
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
});

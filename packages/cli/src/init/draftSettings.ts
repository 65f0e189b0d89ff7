import { basename } from 'node:path';
import type { Codebook, Localized } from '@leakrisk/survey';

/**
 * The report settings `init` drafts: the form's title (a drawn codebook of an SPSS or CSV file has
 * only the file's name, so "Survey results" then), the data file as the source, no synthetic-data
 * banner, the contract's `minBase` of 30 and the plan's groupings.
 */
export function draftSettings(codebook: Codebook, dataFile: string, groupings: string[]): Record<string, unknown> {
  const fromForm = codebook.source === undefined || codebook.source.format === 'xlsform';
  const title: Localized = fromForm ? { ...codebook.title } : { en: 'Survey results', ur: 'سروے کے نتائج' };
  return {
    title,
    source: { en: `${title.en} (data file ${basename(dataFile)})`, ur: `${title.ur} (ڈیٹا فائل ${basename(dataFile)})` },
    synthetic: false,
    minBase: 30,
    groupings,
  };
}

import { distinctTexts, type Column } from '@leakrisk/survey';

/** A column's cell texts, one string per distinct text (found in one pass, then shared by its rows). */
export function textsOf(column: Column): string[] {
  const { codes, levels } = distinctTexts(column);
  return Array.from(codes, (code) => levels[code]!);
}

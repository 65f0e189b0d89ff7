/** The kinds of personal data the free-text scrubber recognises; each becomes a tag such as `[PHONE]`. */
export type PiiType = 'PHONE' | 'CNIC' | 'EMAIL' | 'URL' | 'HANDLE' | 'IBAN' | 'NAME' | 'PASSPORT' | 'ADDRESS' | 'DOB';

/** Every type, in the order tags are reported. */
export const PII_TYPES: readonly PiiType[] = ['PHONE', 'CNIC', 'EMAIL', 'URL', 'HANDLE', 'IBAN', 'NAME', 'PASSPORT', 'ADDRESS', 'DOB'];

/** A detected stretch of text: `start` inclusive, `end` exclusive, in UTF-16 code units. */
export interface PiiSpan {
  start: number;
  end: number;
  type: PiiType;
}

/** A zero count for every type. */
export function emptyCounts(): Record<PiiType, number> {
  const counts = {} as Record<PiiType, number>;
  for (const type of PII_TYPES) counts[type] = 0;
  return counts;
}

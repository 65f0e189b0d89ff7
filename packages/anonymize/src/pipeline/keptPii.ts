import { LeakriskError } from '@leakrisk/survey';
import type { KeptColumnPii } from '../text/keptColumnPii.js';
import type { PiiType } from '../text/types.js';

/** What each kind of personal data is called in messages. */
const KIND_WORDS: Record<PiiType, string> = {
  PHONE: 'phone numbers',
  CNIC: 'CNICs',
  EMAIL: 'e-mail addresses',
  URL: 'links',
  HANDLE: 'social-media handles',
  IBAN: 'IBANs',
  NAME: 'names',
  PASSPORT: 'passport numbers',
  ADDRESS: 'addresses',
  DOB: 'dates of birth',
};

/**
 * Fail-closed: a column classified `keep` is released as it is, so it must not hold personal data by
 * content (`piiInKeptColumn`: phone numbers, CNICs, e-mails, names after a cue, …). The error names the
 * first such column, each kind found and how many cells hold it, and the other columns found — never
 * a value — and says how to classify the column instead.
 */
export function refuseKeptPii(found: readonly { column: string; pii: readonly KeptColumnPii[] }[], dataFile: string): void {
  const columns = found.filter((c) => c.pii.length > 0);
  if (columns.length === 0) return;
  const { column, pii } = columns[0]!;
  const kinds = pii.map(({ kind, cells }) => `${cells} cell${cells === 1 ? '' : 's'} with ${KIND_WORDS[kind]} (${kind})`).join(', ');
  const others = columns.slice(1).map((c) => `"${c.column}"`);
  throw new LeakriskError(
    `kept column "${column}" holds personal data: ${kinds}${others.length > 0 ? `; so ${others.length === 1 ? 'does' : 'do'} ${others.join(', ')}` : ''}`,
    { file: dataFile, column },
    `a "keep" column is released as it is: classify "${column}" as "drop", "pseudonymize" (an identifier to link records by) or "scrub" (free text); no data file was written`,
  );
}

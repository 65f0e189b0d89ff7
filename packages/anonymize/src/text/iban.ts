import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { PiiSpan } from './types.js';

/**
 * Pakistani IBANs: `PK36SCBL0000001123456702`, also written in groups of four
 * (`PK36 SCBL 0000 0011 2345 6702`) or lower case. A PK IBAN is 24 characters: `PK`, two check
 * digits, a four-letter bank code and a 16-digit account number. Only candidates whose mod-97 check
 * passes (ibantools `isValidIBAN`, ISO 13616) are tagged, so a 24-character code that merely looks
 * like an IBAN is left alone.
 */
const HINT = /pk\s?\d\d/i;
const IBAN = /(?<![A-Za-z0-9])PK\s?\d{2}(?:[\s-]?[A-Za-z0-9]){20}(?![A-Za-z0-9])/gi;

/**
 * Finds valid Pakistani IBANs in normalised text.
 * @example detectIbans('IBAN PK36SCBL0000001123456702') // [{ start: 5, end: 29, type: 'IBAN' }]
 */
export function detectIbans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  if (!HINT.test(text)) return spans;
  IBAN.lastIndex = 0;
  for (let m = IBAN.exec(text); m !== null; m = IBAN.exec(text)) {
    const electronic = electronicFormatIBAN(m[0].toUpperCase());
    if (electronic !== null && isValidIBAN(electronic)) {
      spans.push({ start: m.index, end: m.index + m[0].length, type: 'IBAN' });
    }
  }
  return spans;
}

import { piiKindsIn } from '@leakrisk/anonymize';
import { describeShape, LeakriskError } from '@leakrisk/survey';

/**
 * Whether a value looks like personal data (a phone number, CNIC, e-mail address, link, handle, IBAN,
 * passport number, address, a name after a cue or a value that is a listed name), by the anonymize
 * package's `piiKindsIn` — the same detectors that scrub free text and check kept columns.
 */
export function looksLikePii(value: string): boolean {
  return piiKindsIn(value).length > 0;
}

/**
 * Refuses (exit 1) when any value the report would publish looks like personal data, naming the
 * analysis and the column but never the value (only its shape). Today's guard knew five column names;
 * a `by` variable of phone numbers under any name would have put every number on the site.
 */
export function refusePiiValues(values: readonly { analysis: string; column: string; value: string }[], file: string): void {
  const seen = new Set<string>();
  for (const { analysis, column, value } of values) {
    const key = `${column}\u0000${value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!looksLikePii(value)) continue;
    throw new LeakriskError(
      `analysis "${analysis}": a value of "${column}" that the report would publish looks like personal data (${describeShape(value)}); the report refuses to publish it`,
      { file, column },
      `do not group or model by an identifying column: drop "${column}" from the analysis (or recode it into groups) in the plan and run analyze again`,
    );
  }
}

// Free-text scrubbing: Urdu-aware normalisation, one detector per kind of personal data (phone.ts, cnic.ts,
// email.ts, …, each used by scrub.ts), and the scrubber. The public part of it:
export { PII_TYPES } from './types.js';
export type { PiiSpan, PiiType } from './types.js';
export { normalizeForMatching } from './normalize.js';
export type { NormalizedText } from './normalize.js';
export { findPii, scrubColumn, scrubText } from './scrub.js';
export type { ScrubColumnResult, ScrubOptions, ScrubResult } from './scrub.js';
export { piiKindsIn } from './piiKinds.js';

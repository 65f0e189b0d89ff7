// Keyed pseudonyms, keyed per-respondent date shifting, and pseudonymization keys.
export * from './hmac.js';
export * from './key.js';
export * from './dateShift.js';

/**
 * FNV-1a, the hash that finds a repeated cell's code without making a string (`byteValues.ts`,
 * `io/sav/stringCodes.ts`): start from {@link FNV_OFFSET} and fold each byte (or 32-bit word) in as
 * `hash = Math.imul(hash ^ value, FNV_PRIME)`. The hot loops write that step inline.
 */

/** The 32-bit FNV offset basis. */
export const FNV_OFFSET = 0x811c9dc5;

/** The 32-bit FNV prime. */
export const FNV_PRIME = 0x01000193;

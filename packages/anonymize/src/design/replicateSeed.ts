import { createHmac } from 'node:crypto';

/** The fixed message whose HMAC under the key seeds the bootstrap (changing it changes every release). */
const REPLICATE_SEED_LABEL = 'leakrisk anonymize design.replicates bootstrap seed v1';

/**
 * The seed of the bootstrap draws, derived from the pseudonymization key: the first four bytes
 * (big-endian) of HMAC-SHA-256(key, {@link REPLICATE_SEED_LABEL}). The same key and data always give
 * the same replicate weights, so a release can be made again; without the key the seed cannot be
 * recomputed, and it is never written anywhere (knowing it would not give the key back either).
 *
 * @example replicateSeed(key) // an integer 0 … 2³² − 1
 */
export function replicateSeed(key: Uint8Array): number {
  return createHmac('sha256', key).update(REPLICATE_SEED_LABEL, 'utf8').digest().readUInt32BE(0);
}

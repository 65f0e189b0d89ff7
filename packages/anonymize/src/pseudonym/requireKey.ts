import { LeakriskError } from '@leakrisk/survey';
import type { AnonymizeConfig } from '../config/types.js';
import { MIN_KEY_BYTES } from './key.js';

/**
 * The key, when some column of `header` is `pseudonymize` or `dateShift`, or the release draws
 * bootstrap replicate weights (their seed comes from the key): a LeakriskError naming the first such
 * column (or `design.replicates`) when no key was given or it is shorter than `MIN_KEY_BYTES` (the
 * message names where the key should come from, never the key). Undefined when nothing needs one.
 */
export function requireKey(header: readonly string[], config: AnonymizeConfig, key: Uint8Array | undefined, configFile: string): Uint8Array | undefined {
  const needsKey = header.filter((c) => {
    const role = config.columns[c]!.role;
    return role === 'pseudonymize' || role === 'dateShift';
  });
  const bootstrap = config.design?.replicates.type === 'bootstrap';
  if (needsKey.length === 0 && !bootstrap) return undefined;
  const source = config.keyFrom?.spec ?? 'env:LEAKRISK_KEY';
  const column = needsKey[0] ?? 'design.replicates';
  if (key === undefined || key.length === 0) {
    const what =
      needsKey.length === 0
        ? 'bootstrap replicate weights are to be drawn from a seed derived from the key'
        : `column "${column}" is to be ${config.columns[column]!.role === 'dateShift' ? 'date-shifted' : 'pseudonymized'}`;
    throw new LeakriskError(
      `${what} but no key was given (keyFrom: ${source})`,
      { file: configFile, column },
      'create a key with `leakrisk keygen --out key.txt` and set "keyFrom": "file:key.txt", or set the environment variable named in keyFrom; keep the key out of the data folder',
    );
  }
  if (key.length < MIN_KEY_BYTES) {
    throw new LeakriskError(
      `the pseudonymization key is ${key.length} bytes long; at least ${MIN_KEY_BYTES} are needed (keyFrom: ${source})`,
      { file: configFile, column },
      'use a key from `leakrisk keygen` (32 random bytes as hex)',
    );
  }
  return key;
}

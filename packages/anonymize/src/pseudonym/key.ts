import { randomBytes } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { LeakriskError } from '@leakrisk/survey';
import { weakKeyReason } from './weakKey.js';

/** The fewest key bytes accepted (128 bits). */
export const MIN_KEY_BYTES = 16;

/** The bytes of a key `leakrisk keygen` makes (256 bits, HMAC-SHA-256's block-sized strength). */
export const GENERATED_KEY_BYTES = 32;

const CONVENTIONAL_NAME = /^[A-Z_][A-Z0-9_]{0,63}$/;
const MAKE_KEY = 'Make a key with `leakrisk keygen --out key.txt` (keep it out of the repository)';

/** A new random key: {@link GENERATED_KEY_BYTES} bytes from the operating system's CSPRNG, as hex (64 characters). */
export function generateKey(): string {
  return randomBytes(GENERATED_KEY_BYTES).toString('hex');
}

/** Where `resolveKey` may read from: passed in by the caller, so the core never touches env or disk. */
export interface KeyIo {
  /** The environment (the CLI passes `process.env`). */
  env: Record<string, string | undefined>;
  /** Reads a text file (UTF-8); throws when it cannot. */
  readFile: (path: string) => string;
  /** The folder of the config file: `file:` paths are relative to it. */
  baseDir: string;
  /** The config file, named in error messages. */
  configFile?: string;
  /** The permission bits of a file (`stat().mode`), to warn when others may read a key file; omitted where modes mean nothing (Windows). */
  fileMode?: (path: string) => number;
  /** Where warnings go (the CLI: stderr). A weak key or a key file others may read is warned about, not refused. */
  warn?: (message: string) => void;
}

function keyBytes(text: string): Uint8Array {
  const withoutNewline = text.endsWith('\r\n') ? text.slice(0, -2) : text.endsWith('\n') ? text.slice(0, -1) : text;
  return new Uint8Array(Buffer.from(withoutNewline, 'utf8'));
}

/**
 * Resolves the config's `keyFrom` to key bytes: `env:NAME` (the variable's value) or `file:path` (the
 * file's content; the path is relative to the config's folder). The key is the UTF-8 bytes of that
 * text with one trailing newline removed, and must be at least 16 bytes. Every problem is a
 * LeakriskError naming the config file and `keyFrom`; no message ever contains the key or any part
 * of it. Through `io.warn` it warns (and goes on) when the key looks guessable (see
 * {@link weakKeyReason}) or when a key file may be read by the group or by others (mode & 0o077).
 */
export function resolveKey(keyFrom: string, io: KeyIo): Uint8Array {
  const where = { ...(io.configFile !== undefined ? { file: io.configFile } : {}), column: 'keyFrom' };
  const colon = keyFrom.indexOf(':');
  const scheme = colon < 0 ? '' : keyFrom.slice(0, colon);
  const target = colon < 0 ? '' : keyFrom.slice(colon + 1);
  let key: Uint8Array;
  let source: string;
  if (scheme === 'env' && target.length > 0) {
    // a conventional variable name is safe to show; anything else might be a pasted key
    const shown = CONVENTIONAL_NAME.test(target) && !/^[0-9A-F]{16,}$/.test(target) ? target : '(the one named in keyFrom)';
    source = `environment variable ${shown}`;
    // own properties only: a plain object would otherwise answer "constructor" or "toString"
    const raw = Object.hasOwn(io.env, target) ? io.env[target] : undefined;
    const value = typeof raw === 'string' ? raw : undefined;
    if (value === undefined || value.length === 0) {
      throw new LeakriskError(
        `The pseudonymization key is missing: ${source} is ${value === undefined ? 'not set' : 'empty'}.`,
        where,
        `${MAKE_KEY}, then set the variable, e.g. \`export LEAKRISK_KEY="$(cat key.txt)"\`.`,
      );
    }
    key = keyBytes(value);
  } else if (scheme === 'file' && target.length > 0) {
    const path = isAbsolute(target) ? target : resolve(io.baseDir, target);
    source = `key file ${target}`;
    let content: string;
    try {
      content = io.readFile(path);
    } catch {
      throw new LeakriskError(
        `The pseudonymization key file ${target} cannot be read (looked for ${path}).`,
        where,
        `${MAKE_KEY}, or correct the path (it is relative to the config file's folder).`,
      );
    }
    key = keyBytes(content);
    const mode = io.fileMode === undefined ? undefined : modeOf(io.fileMode, path);
    if (mode !== undefined && (mode & 0o077) !== 0) {
      io.warn?.(
        `the ${source} can be read by other users of this machine (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); ` +
          `anyone who reads it can reverse the pseudonyms. Make it private: chmod 600 ${target}`,
      );
    }
  } else {
    // never echo keyFrom here: a user may have pasted the key itself
    throw new LeakriskError(
      'keyFrom must be "env:NAME" or "file:path" (the key itself never goes into the config).',
      where,
      'Write for example "keyFrom": "env:LEAKRISK_KEY" or "keyFrom": "file:key.txt".',
    );
  }
  if (key.length < MIN_KEY_BYTES) {
    throw new LeakriskError(
      `The pseudonymization key from ${source} is too short: ${key.length} bytes, at least ${MIN_KEY_BYTES} are needed.`,
      where,
      `${MAKE_KEY}; it holds ${GENERATED_KEY_BYTES} random bytes as ${2 * GENERATED_KEY_BYTES} hex characters.`,
    );
  }
  const weakness = weakKeyReason(key);
  if (weakness !== undefined) {
    io.warn?.(
      `the pseudonymization key from ${source} looks guessable (${weakness}); anyone who guesses it can reverse the pseudonyms. ` +
        `${MAKE_KEY} and use it instead (pseudonyms made with the old key will not match the new ones).`,
    );
  }
  return key;
}

function modeOf(fileMode: (path: string) => number, path: string): number | undefined {
  try {
    return fileMode(path);
  } catch {
    return undefined; // it was just read; if it cannot be stat'ed now, there is nothing to warn about
  }
}

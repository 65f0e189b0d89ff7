import { Worker } from 'node:worker_threads';
import { LeakriskError } from '@leakrisk/survey';

import type { IncomingBytes } from '@leakrisk/survey';

/** A data file being read and hashed on another thread (see {@link readDataInBackground}). */
export interface DataInBackground {
  /**
   * The memory the file is being read into and how far the reading is (to parse rows as they
   * arrive), or undefined when the other thread cannot read the file whole (missing file, no
   * permission, over 2 GB): the caller then reads the file itself, which reports why.
   */
  bytes: Promise<{ bytes: Buffer; incoming: IncomingBytes } | undefined>;
  /** The SHA-256 of those bytes (of the file, streamed, when it was too large to hold); rejects when not asked for. */
  sha256: Promise<string>;
  /** Ends the other thread (call when done, or on an error, so that the process need not wait for it). */
  stop(): void;
}

// Shared progress: [0] bytes read, [1] 0 reading / 1 complete / 2 failed, [2] 0 unchecked / 1 valid
// UTF-8 / 2 not, [3] the failure's errno (negative) when failed.
const READ = 0;
const STATE = 1;
const UTF8 = 2;

// The worker's whole program. It reads the file in chunks into memory both threads share, telling
// how far it is after each chunk, checks UTF-8, then hashes the bytes while the main thread parses
// them. Files over 2 GB are only hashed, by streaming.
const READ_AND_HASH = `
const { parentPort, workerData: { path, hash: wanted } } = require('node:worker_threads');
const { closeSync, createReadStream, fstatSync, openSync, readSync } = require('node:fs');
const { isUtf8 } = require('node:buffer');
const { createHash } = require('node:crypto');
const LIMIT = 2 ** 31 - 1;
const progress = new Int32Array(new SharedArrayBuffer(16));
let fd;
let view;
try {
  fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  if (size > LIMIT) throw Object.assign(new Error('too large'), { code: 'ERR_FS_FILE_TOO_LARGE' });
  const shared = new SharedArrayBuffer(size);
  view = new Uint8Array(shared);
  parentPort.postMessage({ shared, progress });
} catch (error) {
  if (fd !== undefined) try { closeSync(fd); } catch {}
  parentPort.postMessage({ unreadable: error.code || error.message });
  if (!wanted) process.exit(0);
  const hash = createHash('sha256');
  createReadStream(path)
    .on('data', (chunk) => hash.update(chunk))
    .on('end', () => parentPort.postMessage({ digest: hash.digest('hex') }))
    .on('error', (streamError) => parentPort.postMessage({ hashError: streamError.code || streamError.message }));
  view = undefined;
}
if (view !== undefined) {
  let length = 0;
  try {
    while (length < view.length) {
      const read = readSync(fd, view, length, Math.min(view.length - length, 1 << 22), length);
      if (read === 0) break;
      length += read;
      Atomics.store(progress, ${READ}, length);
      Atomics.notify(progress, ${READ});
    }
    closeSync(fd);
    Atomics.store(progress, ${STATE}, 1);
  } catch (error) {
    Atomics.store(progress, 3, -(error.errno || 1));
    Atomics.store(progress, ${STATE}, 2);
  }
  Atomics.notify(progress, ${READ});
  if (Atomics.load(progress, ${STATE}) === 1) {
    Atomics.store(progress, ${UTF8}, isUtf8(view.subarray(0, length)) ? 1 : 2);
    Atomics.notify(progress, ${UTF8});
    if (wanted) parentPort.postMessage({ digest: createHash('sha256').update(view.subarray(0, length)).digest('hex') });
  } else {
    parentPort.postMessage({ hashError: 'the read failed' });
  }
}
`;

/** The main thread's view of the shared progress (it may block: Node lets the main thread wait). */
function incomingBytes(progress: Int32Array, path: string): IncomingBytes {
  const failed = (): never => {
    throw new LeakriskError(
      `cannot read the file (error ${-Atomics.load(progress, 3)} while reading)`,
      { file: path },
      'check that the file is readable and not being changed',
    );
  };
  return {
    available: () => Atomics.load(progress, READ),
    waitBeyond(count) {
      for (;;) {
        const read = Atomics.load(progress, READ);
        if (read > count || Atomics.load(progress, STATE) !== 0) return read;
        // Bounded waits: the reader also wakes us, but never waits on a missed wake-up.
        Atomics.wait(progress, READ, read, 50);
      }
    },
    completeLength() {
      const state = Atomics.load(progress, STATE);
      if (state === 2) failed();
      return state === 1 ? Atomics.load(progress, READ) : undefined;
    },
    isUtf8() {
      while (Atomics.load(progress, UTF8) === 0) {
        if (Atomics.load(progress, STATE) === 2) failed();
        Atomics.wait(progress, UTF8, 0, 50);
      }
      return Atomics.load(progress, UTF8) === 1;
    },
  };
}

interface WorkerMessage {
  shared?: SharedArrayBuffer;
  progress?: Int32Array;
  unreadable?: string;
  digest?: string;
  hashError?: string;
}

/**
 * Starts reading (and, unless `hash: false`, hashing) a data file on another thread, so that the main thread can load the
 * code, the plan and the codebook meanwhile, parse the rows as they arrive, and go on while the
 * bytes are hashed (reading 70 MB and hashing it take about 0.6 s of a million-row analysis that
 * would otherwise wait for them). The bytes are the file as read once: the hash recorded in
 * results.json is of the data analysed.
 */
export function readDataInBackground(path: string, options: { hash?: boolean } = {}): DataInBackground {
  const hash = options.hash ?? true;
  let settleBytes!: (bytes: { bytes: Buffer; incoming: IncomingBytes } | undefined) => void;
  let settleHash!: { resolve: (digest: string) => void; reject: (error: Error) => void };
  const bytes = new Promise<{ bytes: Buffer; incoming: IncomingBytes } | undefined>((resolve) => {
    settleBytes = resolve;
  });
  const sha256 = new Promise<string>((resolve, reject) => {
    settleHash = { resolve, reject };
  });
  sha256.catch(() => undefined); // awaited only after the data was read; a read error is reported from there
  const worker = new Worker(READ_AND_HASH, { eval: true, workerData: { path, hash } });
  if (!hash) settleHash.reject(new Error('the hash was not asked for'));
  worker.on('message', (message: WorkerMessage) => {
    if (message.shared !== undefined) settleBytes({ bytes: Buffer.from(message.shared), incoming: incomingBytes(message.progress!, path) });
    else if (message.unreadable !== undefined) settleBytes(undefined);
    else if (message.digest !== undefined) {
      settleHash.resolve(message.digest);
      void worker.terminate();
    } else if (message.hashError !== undefined) {
      settleHash.reject(new Error(`could not read ${path} to hash it (${message.hashError})`));
      void worker.terminate();
    }
  });
  worker.on('error', (error) => {
    settleBytes(undefined);
    settleHash.reject(error);
  });
  return {
    bytes,
    sha256,
    stop() {
      void worker.terminate();
    },
  };
}

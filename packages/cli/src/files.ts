import { Worker } from 'node:worker_threads';

/** A data file being read and hashed on another thread (see {@link readDataInBackground}). */
export interface DataInBackground {
  /**
   * The file's bytes, or undefined when the other thread could not read them whole (missing file,
   * no permission, over 2 GB): the caller then reads the file itself, which reports why.
   */
  bytes: Promise<Buffer | undefined>;
  /** The SHA-256 of those bytes (of the file, streamed, when it was too large to hold). */
  sha256: Promise<string>;
}

// The worker's whole program. It reads the file into memory both threads share and hands it over,
// then hashes it while the main thread parses it. Files over 2 GB are only hashed, by streaming.
const READ_AND_HASH = `
const { parentPort, workerData: path } = require('node:worker_threads');
const { closeSync, createReadStream, fstatSync, openSync, readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const LIMIT = 2 ** 31 - 1;
let fd;
try {
  fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  if (size > LIMIT) throw Object.assign(new Error('too large'), { code: 'ERR_FS_FILE_TOO_LARGE' });
  const shared = new SharedArrayBuffer(size);
  const view = new Uint8Array(shared);
  let length = 0;
  for (;;) {
    const read = readSync(fd, view, length, Math.min(size - length, 1 << 24), length);
    if (read === 0) break;
    length += read;
    if (length === size) break;
  }
  closeSync(fd);
  parentPort.postMessage({ shared, length });
  parentPort.postMessage({ digest: createHash('sha256').update(view.subarray(0, length)).digest('hex') });
} catch (error) {
  if (fd !== undefined) try { closeSync(fd); } catch {}
  parentPort.postMessage({ unreadable: error.code || error.message });
  const hash = createHash('sha256');
  createReadStream(path)
    .on('data', (chunk) => hash.update(chunk))
    .on('end', () => parentPort.postMessage({ digest: hash.digest('hex') }))
    .on('error', (streamError) => parentPort.postMessage({ hashError: streamError.code || streamError.message }));
}
`;

interface WorkerMessage {
  shared?: SharedArrayBuffer;
  length?: number;
  unreadable?: string;
  digest?: string;
  hashError?: string;
}

/**
 * Starts reading and hashing a data file on another thread, so that the main thread can load the
 * code, the plan and the codebook meanwhile, and parse the data while it is hashed (reading 70 MB
 * and hashing it take about 0.6 s of a million-row analysis that would otherwise wait for them).
 * The bytes are the file as read once: the hash recorded in results.json is of the data analysed.
 */
export function readDataInBackground(path: string): DataInBackground {
  let settleBytes!: (bytes: Buffer | undefined) => void;
  let settleHash!: { resolve: (digest: string) => void; reject: (error: Error) => void };
  const bytes = new Promise<Buffer | undefined>((resolve) => {
    settleBytes = resolve;
  });
  const sha256 = new Promise<string>((resolve, reject) => {
    settleHash = { resolve, reject };
  });
  sha256.catch(() => undefined); // awaited only after the data was read; a read error is reported from there
  const worker = new Worker(READ_AND_HASH, { eval: true, workerData: path });
  worker.on('message', (message: WorkerMessage) => {
    if (message.shared !== undefined) settleBytes(Buffer.from(message.shared, 0, message.length));
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
  return { bytes, sha256 };
}

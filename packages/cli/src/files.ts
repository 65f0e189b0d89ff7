import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** The SHA-256 of a file, streamed (results.json records which data it came from). */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

// The worker's whole program: stream the file through SHA-256 and post the hex digest (or the error).
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
const hash = createHash('sha256');
createReadStream(workerData)
  .on('data', (chunk) => hash.update(chunk))
  .on('end', () => parentPort.postMessage({ digest: hash.digest('hex') }))
  .on('error', (error) => parentPort.postMessage({ error: error.message }));
`;

/**
 * The SHA-256 of a file, computed on another thread while this one goes on (hashing 70 MB takes
 * about 0.3 s, which a million-row analysis would otherwise wait for). Start it early, await it late.
 */
export function sha256OfFileInBackground(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: path });
    worker.once('message', (message: { digest?: string; error?: string }) => {
      void worker.terminate();
      if (message.digest !== undefined) resolve(message.digest);
      else reject(new Error(`could not read ${path} to hash it: ${message.error}`));
    });
    worker.once('error', reject);
  });
}

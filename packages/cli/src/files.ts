import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LeakriskError } from '@leakrisk/survey';

/** Reads a JSON or YAML file (chosen by extension), with an error that names the file and line. */
export function readStructuredFile(path: string): unknown {
  if (!existsSync(path)) {
    throw new LeakriskError('file not found', { file: path }, 'check the path (it is relative to the current folder)');
  }
  const text = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  try {
    return ext === '.yaml' || ext === '.yml' ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new LeakriskError(
      `cannot parse the ${ext === '.yaml' || ext === '.yml' ? 'YAML' : 'JSON'} (${message})`,
      { file: path },
      'fix the syntax at the place named (a JSON validator or editor will show it)',
    );
  }
}

export function requireFile(path: string, what: string): void {
  if (!existsSync(path)) {
    throw new LeakriskError(`${what} not found`, { file: path }, 'check the path (it is relative to the current folder)');
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

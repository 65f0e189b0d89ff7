import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { LeakriskError } from '../errors.js';

/** How a loader words the errors of the JSON or YAML file it reads. */
export interface StructuredFileWording {
  /** What the file holds, as messages name it: `plan`, `config`, `calibration margins`. */
  what: string;
  /** The message when the file does not exist (default: "the <what> file does not exist"). */
  notFound?: string;
  /** The fix when the file does not exist, e.g. which option named it and what paths are relative to. */
  notFoundFix: string;
  /** The fix for a JSON syntax error (default: no comments or trailing commas; YAML needs its extension). */
  jsonFix?: string;
}

/**
 * Reads a JSON or YAML document (by extension: `.yaml`/`.yml` is YAML, anything else JSON); see
 * {@link parseStructuredText}. A missing or unreadable file is a LeakriskError naming `displayName`
 * (default the path) with the caller's wording and fix (or, given just what the file holds, a general fix). The one reader of configs, plans and margins.
 */
export function readStructuredFile(path: string, wordingOrWhat: StructuredFileWording | string, displayName: string = path): unknown {
  const wording: StructuredFileWording =
    typeof wordingOrWhat === 'string'
      ? { what: wordingOrWhat, notFoundFix: 'check the path; paths inside a file are relative to the file that names them' }
      : wordingOrWhat;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LeakriskError(
      code === 'ENOENT' ? (wording.notFound ?? `the ${wording.what} file does not exist`) : `cannot read the ${wording.what} file (${code ?? String(error)})`,
      { file: displayName },
      code === 'ENOENT' ? wording.notFoundFix : 'check that the file is readable',
    );
  }
  return parseStructuredText(text, displayName, wording, extname(path));
}

/**
 * Parses the text of a JSON or YAML document (YAML when `extension`, by default `file`'s, is
 * `.yaml`/`.yml`), after a byte-order mark. A syntax error is a LeakriskError naming `file` and the
 * line; so is a key written twice in one JSON object, which `JSON.parse` would silently resolve to the
 * last (a column or an analysis listed twice must be an error). YAML refuses duplicate keys itself.
 */
export function parseStructuredText(
  text: string,
  file: string,
  wording: Pick<StructuredFileWording, 'what' | 'jsonFix'>,
  extension: string = extname(file),
): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const ext = extension.toLowerCase();
  if (ext === '.yaml' || ext === '.yml') {
    try {
      return parseYaml(body);
    } catch (error) {
      throw new LeakriskError(
        `the ${wording.what} is not valid YAML (${(error as Error).message.split('\n')[0]})`,
        { file, ...lineOf(error) },
        'fix the YAML syntax at that line',
      );
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? body.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new LeakriskError(
      `the ${wording.what} is not valid JSON (${message})`,
      { file, ...(line !== undefined ? { line } : {}) },
      wording.jsonFix ?? 'fix the JSON syntax (no comments or trailing commas; a YAML file needs the .yaml or .yml extension)',
    );
  }
  assertUniqueJsonKeys(body, file, wording.what);
  return value;
}

/** JSON is YAML: reading it again as YAML with unique keys finds a key written twice, and its line. */
function assertUniqueJsonKeys(body: string, file: string, what: string): void {
  try {
    parseYaml(body, { uniqueKeys: true });
  } catch (error) {
    if (!/unique/i.test((error as Error).message)) return; // JSON that YAML reads differently: JSON.parse already accepted it
    throw new LeakriskError(
      `the same key appears twice in one object of the ${what} (for example a column listed twice)`,
      { file, ...lineOf(error) },
      'keep one entry per key',
    );
  }
}

function lineOf(error: unknown): { line?: number } {
  const line = error instanceof YAMLParseError ? error.linePos?.[0]?.line : undefined;
  return line !== undefined ? { line } : {};
}

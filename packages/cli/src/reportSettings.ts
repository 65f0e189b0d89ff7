import { dirname, resolve } from 'node:path';
import { LeakriskError, readStructuredFile } from '@leakrisk/survey';

/**
 * Reads the report settings a plan names (`"report"`, JSON or YAML) for `analyze` to copy into the
 * results folder as one self-contained file: a `contacts` file named inside (relative to the
 * settings file) is read and its list put in its place. Checking the fields is the report's work;
 * here only the shape that the copy needs. `files` are the files read, with their roles, for the
 * output guard.
 */
export function readReportSettings(path: string): { settings: Record<string, unknown>; files: [role: string, path: string][] } {
  const files: [string, string][] = [['the report settings named in the plan', path]];
  const settings = readStructuredFile(path, 'report settings');
  if (!isObject(settings)) {
    throw new LeakriskError('the report settings are not an object', { file: path }, 'write the settings as { "title": { "en": "…", "ur": "…" }, … }');
  }
  const copy = { ...settings };
  if (typeof copy['contacts'] === 'string') {
    const contactsFile = resolve(dirname(path), copy['contacts']);
    files.push(['the contacts file named in the report settings', contactsFile]);
    const contacts = readStructuredFile(contactsFile, 'help contacts');
    const list = isObject(contacts) ? contacts['contacts'] : contacts;
    if (!Array.isArray(list)) {
      throw new LeakriskError('the help contacts file holds no list of contacts', { file: contactsFile, column: 'contacts' }, 'write { "contacts": [ … ] }');
    }
    copy['contacts'] = list;
  }
  return { settings: copy, files };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

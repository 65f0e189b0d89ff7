import { dirname, resolve } from 'node:path';
import { LeakriskError, readStructuredFile, type Codebook, type Localized } from '@leakrisk/survey';
import { contactHref } from './contactLinks.js';
import type { HelpContact, ReportSettings } from './settings.js';

/** The title of a report whose settings and codebook give none. */
const DEFAULT_TITLE: Localized = { en: 'Survey results', ur: 'سروے کے نتائج' };
const DEFAULT_MIN_BASE = 30;

/** Settings when no settings file is given: the codebook's title, else "Survey results"; nothing else. */
export function defaultReportSettings(codebook: Codebook | undefined): ReportSettings {
  const title = codebook?.title ?? DEFAULT_TITLE;
  return { title, source: title, synthetic: false, contacts: [], minBase: DEFAULT_MIN_BASE };
}

/**
 * Reads report settings (JSON or YAML) and the contacts file they name (relative to the settings
 * file). Returns the settings with defaults filled in and the files read (for the output guard).
 */
export function loadReportSettings(path: string, codebook: Codebook | undefined): { settings: ReportSettings; files: string[] } {
  const files = [path];
  const raw = readStructuredFile(path, 'report settings');
  const settings = parseReportSettings(raw, path, codebook, (name) => {
    const contactsPath = resolve(dirname(path), name);
    files.push(contactsPath);
    return { file: contactsPath, content: readStructuredFile(contactsPath, 'help contacts') };
  });
  return { settings, files };
}

/**
 * Checks parsed report settings field by field (every problem names the file and the field) and fills
 * in the defaults. `readContacts` reads the contacts file a `"contacts": "file.json"` names.
 */
export function parseReportSettings(
  raw: unknown,
  file: string,
  codebook: Codebook | undefined,
  readContacts: (name: string) => { file: string; content: unknown },
): ReportSettings {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new LeakriskError('the report settings are not an object', { file }, 'write them as { "title": { "en": "…", "ur": "…" }, … }');
  }
  const fields = raw as Record<string, unknown>;
  const defaults = defaultReportSettings(codebook);
  const text = (field: string): Localized | undefined => localized(fields[field], file, field);
  const title = text('title') ?? defaults.title;
  const subtitle = text('subtitle');
  const syntheticBanner = text('syntheticBanner');
  const contentNote = text('contentNote');
  const synthetic = fields['synthetic'];
  if (synthetic !== undefined && typeof synthetic !== 'boolean') {
    throw new LeakriskError('"synthetic" must be true or false', { file, column: 'synthetic' }, 'write "synthetic": true only when the data are made up');
  }
  const minBase = fields['minBase'] === undefined ? DEFAULT_MIN_BASE : fields['minBase'];
  if (typeof minBase !== 'number' || !Number.isInteger(minBase) || minBase < 1) {
    throw new LeakriskError(
      '"minBase" must be a whole number of at least 1',
      { file, column: 'minBase' },
      'use the smallest unweighted base you will publish, e.g. 30',
    );
  }
  const groupings = fields['groupings'];
  if (groupings !== undefined && (!Array.isArray(groupings) || !groupings.every((g) => typeof g === 'string' && g.length > 0))) {
    throw new LeakriskError(
      '"groupings" must be a list of variable names',
      { file, column: 'groupings' },
      'list the `by` variables to show, e.g. ["gender", "region"]',
    );
  }
  const limitations = fields['limitations'];
  if (limitations !== undefined && !Array.isArray(limitations)) {
    throw new LeakriskError('"limitations" must be a list of texts', { file, column: 'limitations' }, 'write [{ "en": "…", "ur": "…" }, …]');
  }
  return {
    title,
    ...(subtitle ? { subtitle } : {}),
    source: text('source') ?? title,
    synthetic: synthetic === true,
    ...(syntheticBanner ? { syntheticBanner } : {}),
    ...(contentNote ? { contentNote } : {}),
    contacts: parseContacts(fields['contacts'], file, readContacts),
    minBase,
    ...(groupings !== undefined ? { groupings: groupings as string[] } : {}),
    ...(limitations !== undefined ? { limitations: limitations.map((entry, index) => localized(entry, file, `limitations[${index}]`)!) } : {}),
  };
}

/** `{ en, ur }`, or one string for both editions; `undefined` when absent. */
function localized(value: unknown, file: string, field: string): Localized | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return { en: value, ur: value };
  const pair = value as Partial<Localized>;
  if (typeof value === 'object' && typeof pair.en === 'string' && typeof pair.ur === 'string') return { en: pair.en, ur: pair.ur };
  throw new LeakriskError(`"${field}" must be a text or { "en": "…", "ur": "…" }`, { file, column: field }, `write "${field}": { "en": "…", "ur": "…" }`);
}

function parseContacts(field: unknown, file: string, readContacts: (name: string) => { file: string; content: unknown }): HelpContact[] {
  if (field === undefined || field === null) return [];
  let where = file;
  let list: unknown = field;
  if (typeof field === 'string') {
    const read = readContacts(field);
    where = read.file;
    const content = read.content;
    list = Array.isArray(content) ? content : (content as { contacts?: unknown } | null)?.contacts;
  }
  if (!Array.isArray(list)) {
    throw new LeakriskError(
      'the help contacts must be a list',
      { file: where, column: 'contacts' },
      'write "contacts": [ { "name": …, "channels": [ … ] } ] or name a file holding { "contacts": [ … ] }',
    );
  }
  return list.map((entry: unknown, index) => {
    const column = `contacts[${index}]`;
    const contact = entry as Partial<HelpContact> | null;
    if (contact === null || typeof contact !== 'object' || !Array.isArray(contact.channels)) {
      throw new LeakriskError('a help contact needs "name" and a list of "channels"', { file: where, column }, 'complete the entry');
    }
    const name = localized(contact.name, where, `${column}.name`);
    if (!name) throw new LeakriskError('a help contact needs "name"', { file: where, column: `${column}.name` }, 'name the service');
    if (contact.checked !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(contact.checked))) {
      throw new LeakriskError(
        '"checked" must be a date written YYYY-MM-DD',
        { file: where, column: `${column}.checked` },
        'give the date the details were last checked',
      );
    }
    contact.channels.forEach((channel, c) => {
      const at = `${column}.channels[${c}]`;
      if (channel === null || typeof channel !== 'object' || typeof channel.value !== 'string' || typeof channel.kind !== 'string') {
        throw new LeakriskError(
          'a contact channel needs "kind" and "value"',
          { file: where, column: at },
          'write { "kind": "phone" | "email" | "web", "value": "…" }',
        );
      }
      if (contactHref(channel) === undefined) {
        throw new LeakriskError(
          `a ${channel.kind} contact that cannot be a safe link: only https, http, mailto and tel links are allowed`,
          { file: where, column: `${at}.value` },
          'give a phone number, an email address, or a full https:// address',
        );
      }
    });
    return { ...(contact as HelpContact), name };
  });
}

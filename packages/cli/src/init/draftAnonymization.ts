import { randomBytes } from 'node:crypto';
import { anonymize, draftConfig, parseAnonymizeConfig, type DraftColumn, type DraftConfig } from '@leakrisk/anonymize';
import { isLeakriskError, type Codebook, type Table } from '@leakrisk/survey';
import { geographyHierarchies } from './geographyHierarchies.js';

/** Suppression budgets tried in turn: the first the data meets is the draft's. */
const BUDGETS = [0.05, 0.1, 0.15, 0.2, 0.3];
/** Trial runs before giving up (each change of the draft is one). */
const MAX_TRIALS = 40;

export interface AnonymizationDraft {
  config: DraftConfig;
  /** Hierarchy files to write beside the config: file name → CSV text. */
  hierarchies: Map<string, string>;
  /** Decisions for the README, one line each. */
  decisions: string[];
  /** What the trial run achieved with the chosen settings. */
  achieved: { k: number; suppressedShare: number; generalised: string[] };
}

/**
 * The anonymization config `init` writes: `anonymize --init`'s draft (every column classified by
 * name, form type and content), with nothing left undecided (an undecided column is dropped), the
 * design weights as `privacy.weights`, hierarchies built from the data (a district that lies in one
 * province generalises to it), and the smallest suppression budget the data meets at k = 5, found by
 * running the anonymizer itself. When a trial run refuses the draft (a kept column holds personal
 * data, or gives a quasi-identifier away), that column is dropped and the trial repeated; when no
 * budget is met, the quasi-identifier with the most values is dropped. So the draft runs unedited.
 */
export function draftAnonymization(table: Table, codebook: Codebook | undefined, weights: string | undefined, designColumns: string[]): AnonymizationDraft {
  const { config, notes } = draftConfig(table, codebook, { codebookPath: 'codebook.json' });
  const decisions: string[] = notes.filter((note) => !note.startsWith('privacy:') && !/column\(s\) are "undecided"/.test(note));
  for (const [name, entry] of Object.entries(config.columns)) {
    if (entry !== 'undecided') continue;
    config.columns[name] = 'drop';
    decisions.push(`${name}: not recognised; dropped to be safe (change to "keep" if it is a survey answer).`);
  }
  if (weights !== undefined && config.columns[weights] === 'keep') config.privacy.weights = weights;
  const hierarchies = new Map<string, string>();
  for (const hierarchy of geographyHierarchies(table, quasiNames(config))) {
    const file = `hierarchy-${hierarchy.column.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;
    hierarchies.set(file, hierarchy.csv);
    config.columns[hierarchy.column] = { role: 'quasi', hierarchy: file } as DraftColumn;
    decisions.push(
      `${hierarchy.column}: quasi-identifier that may be generalised to ${hierarchy.levels.join(' → ')} (hierarchy built from the data: ${file}).`,
    );
  }
  config.privacy.k = 5;

  const key = randomBytes(32);
  let budget = 0;
  for (let trial = 0; trial < MAX_TRIALS; trial++) {
    config.privacy.maxSuppressedShare = BUDGETS[budget]!;
    const outcome = tryDraft(table, codebook, config, hierarchies, key);
    if (outcome.ok) {
      decisions.push(
        `privacy: k = 5; at most ${percent(config.privacy.maxSuppressedShare)} of records may have a quasi-identifier suppressed — the smallest budget this data met in a trial run (it suppressed ${percent(outcome.suppressedShare)}).`,
      );
      return { config, hierarchies, decisions, achieved: { k: outcome.k, suppressedShare: outcome.suppressedShare, generalised: outcome.generalised } };
    }
    const column = outcome.column;
    const entry = column === undefined ? undefined : config.columns[column];
    if (column !== undefined && entry === 'keep' && !designColumns.includes(column)) {
      config.columns[column] = 'drop';
      decisions.push(`${column}: a trial run refused to release it as it is (${outcome.problem}); dropped.`);
      continue;
    }
    if (column === 'privacy' && budget + 1 < BUDGETS.length) {
      budget++;
      continue;
    }
    if (column === 'privacy') {
      const widest = widestQuasi(table, config);
      if (widest === undefined) throw outcome.error;
      config.columns[widest] = 'drop';
      decisions.push(`${widest}: k = 5 could not be met with it as a quasi-identifier within ${percent(BUDGETS[budget]!)} suppression; dropped.`);
      budget = 0;
      continue;
    }
    throw outcome.error;
  }
  throw new Error('the anonymization draft did not settle');
}

type Trial =
  | { ok: true; k: number; suppressedShare: number; generalised: string[] }
  | { ok: false; column: string | undefined; problem: string; error: unknown };

function tryDraft(table: Table, codebook: Codebook | undefined, draft: DraftConfig, hierarchies: Map<string, string>, key: Uint8Array): Trial {
  try {
    const config = parseAnonymizeConfig(structuredClone(draft), {
      file: 'anonymize.json',
      dir: '/',
      readText: (path) => hierarchies.get(path.replace(/^.*[\\/]/, '')) ?? '',
    });
    // The codebook is given directly: the draft names it by the path it will have in the study folder.
    delete config.codebook;
    const { audit } = anonymize({ table, config, key, configFile: 'anonymize.json', ...(codebook === undefined ? {} : { codebook }) });
    const generalised = audit.quasiIdentifiers.filter((q) => q.chosenLevel > 0).map((q) => `${q.column} to ${q.chosenLevelName}`);
    return { ok: true, k: audit.privacy.achieved.k, suppressedShare: audit.privacy.suppressedShare, generalised };
  } catch (error) {
    if (!isLeakriskError(error)) throw error;
    return { ok: false, column: error.column, problem: error.message, error };
  }
}

function quasiNames(config: DraftConfig): string[] {
  return Object.entries(config.columns)
    .filter(([, entry]) => typeof entry === 'object' && entry.role === 'quasi')
    .map(([name]) => name);
}

/** The quasi-identifier with the most released values (the one most likely to single people out): bands count as bands. */
function widestQuasi(table: Table, config: DraftConfig): string | undefined {
  let widest: string | undefined;
  let most = -1;
  for (const name of quasiNames(config)) {
    const column = table.columns[table.header.indexOf(name)];
    if (column === undefined) continue;
    const entry = config.columns[name];
    const bands = typeof entry === 'object' ? entry.recode?.bands : undefined;
    const values = new Set<string>();
    if (bands !== undefined) for (let b = 0; b <= bands.length; b++) values.add(String(b));
    else for (let i = 0; i < column.length; i++) values.add(column.get(i));
    if (values.size > most) {
      most = values.size;
      widest = name;
    }
  }
  return widest;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

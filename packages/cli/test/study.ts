// A small study in a temporary folder, with real files, for attacking the commands' output guard:
// raw data, an anonymization config whose key is a file and whose district column has a hierarchy
// file, a codebook, an analysis plan naming report settings and a contacts file.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../src/main.js';

const repositoryData = fileURLToPath(new URL('../../../data/', import.meta.url));

const DISTRICTS = [
  ['lahore', 'lahore_division', 'punjab'],
  ['multan', 'multan_division', 'punjab'],
  ['karachi_south', 'karachi_division', 'sindh'],
  ['hyderabad', 'hyderabad_division', 'sindh'],
];

/** 120 respondents: every (age band, gender, district) class holds several, so k = 2 is met with little suppression. */
function rawCsv(): string {
  const lines = ['resp_id,name,age,gender,district,vb1'];
  for (let i = 0; i < 120; i++) {
    const age = 20 + (i % 4) * 10 + (i % 3);
    const gender = i % 2 === 0 ? 'female' : 'male';
    const district = DISTRICTS[Math.floor(i / 2) % 4]![0];
    lines.push(`R${String(i + 1).padStart(4, '0')},Person ${i + 1},${age},${gender},${district},${1 + ((i * 7) % 5)}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface Study {
  dir: string;
  /** Absolute paths of the study's files. */
  data: string;
  config: string;
  key: string;
  hierarchy: string;
  codebook: string;
  plan: string;
  settings: string;
  contacts: string;
}

export function makeStudy(prefix = 'leakrisk-guard-'): Study {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = (name: string) => join(dir, name);
  writeFileSync(path('raw.csv'), rawCsv());
  writeFileSync(path('key.txt'), '3f9c0e71b2a84d56e019c7f3a25b8d406e1f92c3b7a0d5481c6e2f9b0a37d4e5\n', { mode: 0o600 });
  writeFileSync(path('district.csv'), `district,division,province\n${DISTRICTS.map((row) => row.join(',')).join('\n')}\n`);
  copyFileSync(join(repositoryData, 'instrument', 'codebook.json'), path('codebook.json'));
  copyFileSync(join(repositoryData, 'report', 'settings.json'), path('report.json'));
  copyFileSync(join(repositoryData, 'report', 'contacts.json'), path('contacts.json'));
  writeFileSync(
    path('anon.json'),
    JSON.stringify({
      codebook: 'codebook.json',
      keyFrom: 'file:key.txt',
      columns: {
        resp_id: 'pseudonymize',
        name: 'drop',
        age: { role: 'quasi', recode: { bands: [18, 30, 40, 50] } },
        gender: { role: 'quasi' },
        district: { role: 'quasi', hierarchy: 'district.csv' },
        vb1: 'keep',
      },
      privacy: { k: 2, maxSuppressedShare: 0.5 },
    }),
  );
  writeFileSync(
    path('plan.json'),
    JSON.stringify({
      codebook: 'codebook.json',
      report: 'report.json',
      design: { ids: [] },
      analyses: [
        { id: 'dist_vb1', type: 'distribution', variable: 'vb1' },
        { id: 'vb1_by_gender', type: 'mean', variable: 'vb1', by: ['gender'] },
      ],
    }),
  );
  return {
    dir,
    data: path('raw.csv'),
    config: path('anon.json'),
    key: path('key.txt'),
    hierarchy: path('district.csv'),
    codebook: path('codebook.json'),
    plan: path('plan.json'),
    settings: path('report.json'),
    contacts: path('contacts.json'),
  };
}

/** Every file under `dir` (relative paths, sorted) with the SHA-256 of its bytes: compare before and after a run. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
      else files[relative(dir, path)] = entry.isSymbolicLink() ? 'symlink' : 'other';
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

/** Runs the CLI in this process, capturing what it prints. */
export async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * Makes a folder (or a file) that cannot be written into or replaced, and returns how to undo it; or
 * undefined when this machine cannot make one. A user gets `chmod 0500` on a folder (a file's own mode
 * does not stop a rename over it); root ignores modes, so it gets the immutable attribute
 * (`chattr +i`), where the file system has it.
 */
export function lock(path: string): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    if (!statSync(path).isDirectory()) return undefined;
    chmodSync(path, 0o500);
    return () => chmodSync(path, 0o700);
  }
  const made = spawnSync('chattr', ['+i', path], { stdio: 'ignore' });
  if (made.status !== 0) return undefined;
  return () => {
    spawnSync('chattr', ['-i', path], { stdio: 'ignore' });
  };
}

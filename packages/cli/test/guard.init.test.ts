// The output guard, attacked through `codebook` and `init`, the commands that draft files for review:
// each attack exits 1 naming the clash, leaves every input byte-identical and writes nothing.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeStudy, run, snapshot } from './study.js';

const study = makeStudy('leakrisk-guard-init-');
const work = mkdtempSync(join(tmpdir(), 'leakrisk-guard-init-work-'));
afterAll(() => {
  rmSync(study.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

async function refused(argv: string[], message: RegExp): Promise<void> {
  const before = [study.dir, work].map(snapshot);
  const result = await run(argv);
  expect(result.stderr).toMatch(message);
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect([study.dir, work].map(snapshot)).toEqual(before);
}

describe('codebook and init never write over an input', () => {
  it('codebook --out onto the data it reads, directly and through a linked folder', async () => {
    await refused(['codebook', '--from', study.data, '--out', study.data], /same file as --from/);
    const alias = join(work, 'alias');
    symlinkSync(study.dir, alias);
    const name = study.data.slice(study.dir.length + 1);
    await refused(['codebook', '--from', study.data, '--out', join(alias, name)], /same file as --from/);
    rmSync(alias);
  });

  it('init --out a folder where a drafted file would replace the codebook it reads', async () => {
    await refused(
      ['init', '--data', study.data, '--codebook', study.codebook, '--out', study.dir],
      /codebook\.json in that folder\) is the same file as --codebook/,
    );
  });

  it('init --out the data file, or another existing file where a folder is needed', async () => {
    await refused(['init', '--data', study.data, '--codebook', study.codebook, '--out', study.data], /--out is the same file as --data|a folder is needed/);
    const other = join(work, 'notes.txt');
    writeFileSync(other, 'kept\n');
    await refused(['init', '--data', study.data, '--codebook', study.codebook, '--out', other], /existing file, but a folder is needed/);
    expect(readFileSync(other, 'utf8')).toBe('kept\n');
  });
});

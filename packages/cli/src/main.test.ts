import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './main.js';

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const commands = ['keygen', 'synth', 'anonymize', 'risk', 'analyze', 'report'];

describe('usage', () => {
  it('exits 2 with usage when called without a command', async () => {
    expect(await main([])).toBe(2);
    expect(stderr).toContain('Usage: leakrisk');
  });

  it('exits 2 on an unknown command', async () => {
    expect(await main(['frobnicate'])).toBe(2);
    expect(stderr).toMatch(/unknown command/);
  });

  it.each(commands)('%s --help exits 0 and describes the command', async (command) => {
    expect(await main([command, '--help'])).toBe(0);
    expect(stdout).toContain(`Usage: leakrisk ${command}`);
  });

  it.each([
    ['synth without --out', ['synth', '--n', '10', '--seed', '1']],
    ['synth with a non-numeric --n', ['synth', '--n', 'ten', '--seed', '1', '--out', 'x.csv']],
    ['analyze without --plan', ['analyze', '--data', 'x.csv', '--out', 'r']],
    ['risk with an unknown option', ['risk', '--data', 'x.csv', '--config', 'c.json', '--out', 'r.json', '--bogus']],
    ['keygen without --out', ['keygen']],
  ])('exits 2 for %s', async (_name, argv) => {
    expect(await main(argv)).toBe(2);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('exits 2 when anonymize has neither --config nor --init', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakrisk-cli-'));
    const data = join(dir, 'raw.csv');
    writeFileSync(data, 'a,b\n1,2\n');
    expect(await main(['anonymize', '--data', data, '--out', join(dir, 'out.csv')])).toBe(2);
    expect(stderr).toContain('--config');
  });
});

describe('user errors', () => {
  it('exits 1 naming the file when the data file does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakrisk-cli-'));
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ design: { ids: [] }, analyses: [{ id: 'm', type: 'mean', variable: 'x' }] }));
    const code = await main(['analyze', '--data', join(dir, 'missing.csv'), '--plan', plan, '--out', join(dir, 'results')]);
    expect(code).toBe(1);
    expect(stderr).toContain('missing.csv');
    expect(stderr).toContain('not found');
  });
});

describe('keygen', () => {
  it('writes 32 random bytes as hex with mode 0600 and refuses to overwrite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakrisk-cli-'));
    const file = join(dir, 'key.txt');
    expect(await main(['keygen', '--out', file])).toBe(0);
    const key = readFileSync(file, 'utf8');
    expect(key).toMatch(/^[0-9a-f]{64}\n$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(stdout).not.toContain(key.trim());

    expect(await main(['keygen', '--out', file])).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(key);
    expect(await main(['keygen', '--out', file, '--force'])).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toBe(key);
  });
});

// Runs a command and measures it as a user would see it: wall time, and peak resident memory from
// GNU time (`/usr/bin/time -v`) when it is installed. Shared by the analysis and anonymization benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const hasTime = existsSync('/usr/bin/time');

/** Wall seconds, peak memory in MB (null without GNU time), exit status and output of a command. */
export function measure(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const run = hasTime
    ? spawnSync('/usr/bin/time', ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, ...options })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '');
  return {
    seconds,
    peakMb: rss ? Number(rss[1]) / 1024 : null,
    status: run.status,
    stdout: run.stdout ?? '',
    stderr: (run.stderr ?? '').replace(/\n\tCommand being timed[\s\S]*$/, ''),
  };
}

import { existsSync } from 'node:fs';
import { generateKey } from '@leakrisk/anonymize';
import { LeakriskError, writeFileAtomic } from '@leakrisk/survey';

/** `leakrisk keygen --out key.txt`: 32 random bytes as hex, mode 0600; never overwrites a key unasked. */
export async function keygenCommand(options: { out: string; force?: boolean }): Promise<void> {
  if (existsSync(options.out) && !options.force) {
    throw new LeakriskError(
      'a key file already exists here; overwriting it would make new pseudonyms unlinkable to old ones',
      { file: options.out },
      'choose another --out, or pass --force if you really mean to replace (rotate) this key',
    );
  }
  writeFileAtomic(options.out, `${generateKey()}\n`, 0o600);
  process.stdout.write(`Wrote a new pseudonymization key to ${options.out} (mode 0600). Keep it out of version control and away from the data.\n`);
}

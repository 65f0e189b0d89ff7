import { writeFileSync } from 'node:fs';
import { generateKey } from '@leakrisk/anonymize';
import { LeakriskError } from '@leakrisk/survey';
import { identify, withOutputs } from './output/index.js';

/** Only the owner may read a key, or enter a folder made for it (`~/.leakrisk`). */
const KEY_MODE = 0o600;
const KEY_FOLDER_MODE = 0o700;

/** `leakrisk keygen --out key.txt`: a new key (`generateKey`, hex), mode 0600; never overwrites a key unasked. */
export async function keygenCommand(options: { out: string; force?: boolean; quiet?: boolean }): Promise<void> {
  if (identify(options.out).kind === 'file' && !options.force) {
    throw new LeakriskError(
      'a key file already exists here; overwriting it would make new pseudonyms unlinkable to old ones',
      { file: options.out },
      'choose another --out, or pass --force if you really mean to replace (rotate) this key',
    );
  }
  await withOutputs(
    (outputs) => {
      writeFileSync(outputs.file('--out', options.out, { mode: KEY_MODE }), `${generateKey()}\n`);
    },
    { folderMode: KEY_FOLDER_MODE },
  );
  if (!options.quiet) {
    process.stderr.write(`Wrote a new pseudonymization key to ${options.out} (mode 0600). Keep it out of version control and away from the data.\n`);
  }
}

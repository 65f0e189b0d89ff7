#!/usr/bin/env node
// Bundles the compiled CLI (dist/) with the survey and anonymize packages and their dependencies
// into bundle/, one ES module per command (esbuild's code splitting). Starting the CLI from the
// bundle skips resolving and loading hundreds of small module files (the @stdlib distributions
// alone are ~300), which took half a second of every run. The report package stays external: it
// reads its own assets (fonts, styles) relative to its files, and only `leakrisk report` loads it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliDir = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(cliDir, 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(cliDir, 'dist', 'main.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@leakrisk/report'],
  // CommonJS dependencies (@stdlib, papaparse) call require() for Node built-ins.
  banner: { js: "import { createRequire as __leakriskRequire } from 'node:module'; const require = __leakriskRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'linked',
});

#!/usr/bin/env node
// `pnpm release [--out-dir DIR]`: writes release/leakrisk-<version>.tgz, the standalone `leakrisk`
// command as a self-contained npm package. Nothing is left to fetch at install time:
//   bin/leakrisk.mjs   starts dist/main.js
//   dist/              the CLI bundled by esbuild from the TypeScript sources with every JavaScript
//                      dependency inlined (survey, anonymize, report, commander, yaml, ajv, d3, jsdom,
//                      @stdlib, …), one ES module per command, and the dependencies' licences
//                      and HarfBuzz's WebAssembly (harfbuzz.wasm, which the chart text measurer loads
//                      from beside the code)
//   assets/            the report's stylesheet and script
//   fonts/             the fonts the report ships and measures (Noto Sans, Noto Nastaliq Urdu), each
//                      in its npm package's layout: fonts/@fontsource/<name>/files/*.woff2 and LICENSE
//                      (SIL Open Font Licence)
//   data/              the bundled instrument, report settings and contacts, census margins,
//                      hierarchies, the example config and plan (not the 3000-row sample: `leakrisk
//                      synth` makes one)
// `npm install -g --offline release/leakrisk-<version>.tgz` then gives a `leakrisk` that runs from
// any folder with Node 20 or later. The package is staged in a temporary folder and packed by
// `npm pack`; a failed release leaves no tarball behind.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const cliDir = dirname(dirname(fileURLToPath(import.meta.url)));
const repository = resolve(cliDir, '..', '..');
const reportDir = join(repository, 'apps', 'report');

const outFlag = process.argv.indexOf('--out-dir');
const outDir = resolve(outFlag === -1 ? join(repository, 'release') : process.argv[outFlag + 1]);

const rootPackage = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8'));
const version = rootPackage.version;
const cliVersion = /VERSION = '([^']+)'/.exec(readFileSync(join(cliDir, 'src', 'version.ts'), 'utf8'))?.[1];
if (cliVersion !== version) {
  console.error(`release: package.json says ${version} but packages/cli/src/version.ts says ${cliVersion}; make them equal first`);
  process.exit(1);
}

/**
 * jsdom reads two files next to its own sources at run time, which a bundle does not have: its
 * default stylesheet (inlined here as a string) and the worker for synchronous XMLHttpRequest (the
 * report never makes one: the path is replaced by a name that says so). A jsdom that changes these
 * lines fails the release instead of shipping a broken bundle.
 */
const jsdomFiles = {
  name: 'jsdom-files',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/](helpers[\\/]style-rules|xhr[\\/]XMLHttpRequest-impl)\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = args.path.endsWith('style-rules.js')
        ? source.replace(
            /fs\.readFileSync\(\s*path\.resolve\(__dirname, "\.\.\/\.\.\/browser\/default-stylesheet\.css"\),\s*\{ encoding: "utf-8" \}\s*\)/,
            () => JSON.stringify(readFileSync(resolve(dirname(args.path), '../../browser/default-stylesheet.css'), 'utf8')),
          )
        : source.replace('require.resolve("./xhr-sync-worker.js")', JSON.stringify('synchronous XMLHttpRequest is not part of the leakrisk bundle'));
      if (patched === source) throw new Error(`release: jsdom changed; update the jsdom-files plugin for ${args.path}`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/**
 * Our sources load a few CommonJS packages at run time through `createRequire(import.meta.url)`
 * (e.g. the report's WOFF2 decoder), which a bundle cannot follow: there are no node_modules beside
 * it. In the workspace's own sources, each `require('package')` call becomes an import, so that
 * esbuild bundles the package like any other.
 */
const requiresAsImports = {
  name: 'requires-as-imports',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/](packages|apps)[\\/][^\\/]+[\\/]src[\\/].*\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('createRequire(import.meta.url)')) return undefined;
      const imports = [];
      const patched = source.replace(/\brequire\((['"])([^'"./][^'"]*)\1\)/g, (_call, _quote, specifier) => {
        if (specifier.startsWith('node:')) return _call;
        imports.push(`import __leakriskRequired${imports.length} from ${JSON.stringify(specifier)};`);
        return `__leakriskRequired${imports.length - 1}`;
      });
      return imports.length === 0 ? undefined : { contents: `${imports.join('\n')}\n${patched}`, loader: 'ts' };
    });
  },
};

const stage = mkdtempSync(join(tmpdir(), 'leakrisk-release-'));
try {
  // The CLI with everything it imports, from the TypeScript sources (the `development` condition of
  // the workspace packages): no separate build step, and the tarball is what the tests run.
  await build({
    entryPoints: [join(cliDir, 'src', 'main.ts')],
    outdir: join(stage, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['development'],
    plugins: [jsdomFiles, requiresAsImports],
    // CommonJS dependencies (@stdlib, papaparse, jsdom, wawoff2) call require() for Node built-ins, and
    // Emscripten's loaders read __dirname: both are given per chunk (dist/).
    banner: {
      js: [
        "import { createRequire as __leakriskRequire } from 'node:module';",
        "import { fileURLToPath as __leakriskPath } from 'node:url';",
        'const require = __leakriskRequire(import.meta.url);',
        'const __filename = __leakriskPath(import.meta.url);',
        "const __dirname = __leakriskPath(new URL('.', import.meta.url));",
      ].join(' '),
    },
    legalComments: 'linked',
    logLevel: 'warning',
  });

  mkdirSync(join(stage, 'bin'));
  writeFileSync(
    join(stage, 'bin', 'leakrisk.mjs'),
    `#!/usr/bin/env node
// The standalone leakrisk command (made by \`pnpm release\`).
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  process.stderr.write(\`leakrisk: needs Node.js 20 or later (this is \${process.version})\\n\`);
  process.exit(1);
}
const { main } = await import('../dist/main.js');
process.exitCode = await main(process.argv.slice(2));
`,
    { mode: 0o755 },
  );

  cpSync(join(reportDir, 'assets'), join(stage, 'assets'), { recursive: true });
  const reportRequire = createRequire(join(reportDir, 'package.json'));
  cpSync(reportRequire.resolve('harfbuzzjs/dist/harfbuzz.wasm'), join(stage, 'dist', 'harfbuzz.wasm'));
  // The fonts the report names in charts/text/fonts.ts (package and file of each), with each package's licence.
  const fontList = readFileSync(join(reportDir, 'src', 'charts', 'text', 'fonts.ts'), 'utf8');
  const fonts = [...fontList.matchAll(/fontPackage: '([^']+)', file: '([^']+\.woff2)'/g)].map(([, fontPackage, file]) => ({ fontPackage, file }));
  if (fonts.length === 0) throw new Error('release: no fonts found in apps/report/src/charts/text/fonts.ts; update the release script');
  for (const { fontPackage, file } of fonts) {
    const installed = dirname(reportRequire.resolve(`${fontPackage}/package.json`));
    cpSync(join(installed, 'files', file), join(stage, 'fonts', fontPackage, 'files', file));
    cpSync(join(installed, 'LICENSE'), join(stage, 'fonts', fontPackage, 'LICENSE'));
  }
  for (const entry of readdirSync(join(repository, 'data'), { withFileTypes: true })) {
    if (entry.name === 'sample') continue;
    cpSync(join(repository, 'data', entry.name), join(stage, 'data', entry.name), { recursive: true });
  }
  cpSync(join(repository, 'LICENSE'), join(stage, 'LICENSE'));
  writeFileSync(
    join(stage, 'README.md'),
    `# leakrisk ${version}

The standalone \`leakrisk\` command: survey analysis as R's \`survey\` package does it, fail-closed
anonymization (k-anonymity, l-diversity, sdcMicro risk, PII scrubbing) and a static bilingual
(English/Urdu) report. Everything it needs is inside this package; it runs with Node.js 20 or later.

    npm install -g --offline leakrisk-${version}.tgz
    leakrisk --help

\`data/\` holds the bundled instrument (codebook), census margins, hierarchies, an example
anonymization config (\`data/config/anonymize.json\`) and analysis plan (\`data/plans/main.plan.json\`),
and the report's default settings. See the project's README for a worked example.
`,
  );
  writeFileSync(
    join(stage, 'package.json'),
    `${JSON.stringify(
      {
        name: 'leakrisk',
        version,
        description: rootPackage.description,
        license: rootPackage.license,
        type: 'module',
        bin: { leakrisk: 'bin/leakrisk.mjs' },
        engines: { node: '>=20' },
        files: ['bin', 'dist', 'assets', 'fonts', 'data', 'README.md', 'LICENSE'],
      },
      null,
      2,
    )}\n`,
  );

  // npm pack writes into a temporary folder too; the tarball is renamed into place only when complete.
  const packed = join(stage, '.packed');
  mkdirSync(packed);
  execFileSync('npm', ['pack', stage, '--pack-destination', packed, '--silent', '--ignore-scripts'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = `leakrisk-${version}.tgz`;
  if (!existsSync(join(packed, tarball))) throw new Error(`release: npm pack did not write ${tarball}`);
  mkdirSync(outDir, { recursive: true });
  const partial = join(outDir, `.${tarball}.${process.pid}.tmp`); // the temporary folder may be on another disk
  cpSync(join(packed, tarball), partial);
  renameSync(partial, join(outDir, tarball));
  console.log(`Wrote ${join(outDir, tarball)}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

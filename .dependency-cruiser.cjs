/** Import rules checked by `pnpm lint`: no cycles, and no package reaching into another's internals. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle makes a module depend on itself; split the shared part into its own file.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-cross-package-internals',
      severity: 'error',
      comment: 'Import another workspace package by its name (@leakrisk/...), never by a relative path into its src/.',
      from: { path: '^(packages|apps)/([^/]+)/' },
      to: { path: '^(packages|apps)/([^/]+)/src/', pathNot: ['^$1/$2/', '/src/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|bundle|build|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['development', 'import', 'types', 'default'], extensions: ['.ts', '.mjs', '.js'] },
  },
};

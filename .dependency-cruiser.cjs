/**
 * The import rules `npm run lint` enforces on src/ and scripts/ (dependency-cruiser). Type-only
 * imports count: a module that needs a type of another that imports it back is still one knot.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'This module imports one that imports it back (directly or through others): move what both need into a module of its own.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};

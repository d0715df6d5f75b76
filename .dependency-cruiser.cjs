/**
 * Import rules the test command enforces (`pnpm deps`): no cycles (type-only imports included), the
 * widget and the server never import each other, nothing outside `server/` reaches into
 * `server/src` except through the package's public test entry (`@frontdesk/server/testing`), the
 * console never imports server code, and `shared` depends on no package of ours.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle, type-only ones included: split the module or move the shared type.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'widget-not-to-server',
      severity: 'error',
      comment: 'The widget talks to the server over the wire protocol in shared, never by import.',
      from: { path: '^widget/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-to-widget',
      severity: 'error',
      comment: 'The server serves the built widget (widget/dist) as files; it never imports widget code.',
      from: { path: '^server/' },
      to: { path: '^widget/' },
    },
    {
      name: 'console-not-to-server',
      severity: 'error',
      comment: 'The console is a client of the server: it shares only @frontdesk/shared with it.',
      from: { path: '^server/console/' },
      to: { path: '^server/src/' },
    },
    {
      name: 'server-internals-stay-inside',
      severity: 'error',
      comment: 'From outside server/, use the public entry @frontdesk/server/testing.',
      from: { path: '^(?!server/)' },
      to: { path: '^server/src/', pathNot: '^server/src/testing/index\\.ts$' },
    },
    {
      name: 'shared-is-a-leaf',
      severity: 'error',
      comment: 'shared is what both ends depend on; it depends on none of them.',
      from: { path: '^shared/' },
      to: { path: '^(server|widget|demo|bench|test)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};

// @ts-check
/**
 * Layer rules for the KOM Platform monorepo, checked by `npm run lint:deps`
 * (`depcruise apps libs test --config .dependency-cruiser.js`).
 *
 * Paths are relative to the directory depcruise runs from (the repository root). TypeScript
 * path aliases (`@kom/<lib>`, `@kom/<lib>/testing`) resolve through tsconfig.json, so a rule sees
 * where an import lands (`libs/kernel/src/index.ts`), and `dependencyTypes` says how it got there
 * (`aliased-tsconfig-paths` for `@kom/...`, `local` for a relative path, `npm`, `core`, ...).
 * Type-only imports count: a domain file may not even name a NestJS type.
 *
 * test/architecture/layers.spec.ts runs this file against a small tree that breaks every rule,
 * and proves each one is reported.
 */

/** Spec and e2e-spec files: tests that sit beside the code. */
const SPEC_FILE = '\\.(spec|e2e-spec)\\.ts$';

/** A library's public faces: `@kom/<lib>` and `@kom/<lib>/testing`. */
const PUBLIC_FACE = '^libs/[^/]+/src/(testing/)?index\\.ts$';

/** Any library's testing folder: helpers for tests only. */
const TESTING_FOLDER = '^libs/[^/]+/src/testing/';

/** The npm packages pure code may use. zod is pure: no I/O, no globals. */
const PURE_PACKAGES = '(^|/)node_modules/zod/';

/**
 * The only node core module pure code may use: `node:crypto` (hashes, randomUUID). depcruise
 * reports `node:crypto` and `crypto` alike as `crypto` (the same module). Everything else
 * (fs, net, http, child_process, ...) is I/O.
 */
const PURE_CORE_MODULES = '^(node:)?crypto$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'Deciders are pure functions: a file in libs/<context>/src/domain/ may import only other ' +
        'domain files, the kernel (@kom/kernel, not its testing folder), zod and node:crypto. ' +
        'No NestJS, better-sqlite3, @kurrent/*, graphql, fastify, jose, pino, no other node core ' +
        'module, no other @kom/* library. Specs beside the domain may use @kom/kernel/testing.',
      from: { path: '^libs/[^/]+/src/domain/', pathNot: SPEC_FILE },
      to: {
        pathNot: [
          '^libs/[^/]+/src/domain/',
          '^libs/kernel/src/(?!testing/)',
          PURE_PACKAGES,
          PURE_CORE_MODULES,
        ],
      },
    },
    {
      name: 'kernel-is-pure',
      severity: 'error',
      comment:
        'The kernel is the vocabulary every library shares: it imports only zod, node:crypto and ' +
        'itself (its testing folder is for tests and may use test tooling).',
      from: { path: '^libs/kernel/src/', pathNot: ['^libs/kernel/src/testing/', SPEC_FILE] },
      to: {
        pathNot: ['^libs/kernel/src/(?!testing/)', PURE_PACKAGES, PURE_CORE_MODULES],
      },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      comment: 'Libraries are composed by apps, never the other way round.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one module with two names; break it (often: move a type).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-deep-imports-across-libs',
      severity: 'error',
      comment:
        'Another library is reached only through its public face: @kom/<lib> (libs/<lib>/src/' +
        'index.ts) or @kom/<lib>/testing, never through libs/<lib>/src/<inner>. Within one ' +
        'library relative imports are fine.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/', pathNot: ['^libs/$1/', PUBLIC_FACE] },
    },
    {
      name: 'no-deep-imports-across-libs',
      severity: 'error',
      comment:
        'The public face is reached by its alias (@kom/<lib>), not by a relative path into ' +
        'another library.',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: PUBLIC_FACE,
        pathNot: '^libs/$1/',
        dependencyTypesNot: ['aliased-tsconfig-paths'],
      },
    },
    {
      name: 'no-deep-imports-across-libs',
      severity: 'error',
      comment:
        'Apps and test/ use libraries as any other library does: @kom/<lib> and @kom/<lib>/testing only.',
      from: { path: '^(apps|test|bench)/' },
      to: { path: '^libs/[^/]+/', pathNot: PUBLIC_FACE },
    },
    {
      name: 'no-deep-imports-across-libs',
      severity: 'error',
      comment: 'Apps and test/ reach a library by its alias (@kom/<lib>), not by a relative path.',
      from: { path: '^(apps|test|bench)/' },
      to: { path: PUBLIC_FACE, dependencyTypesNot: ['aliased-tsconfig-paths'] },
    },
    {
      name: 'contexts-point-one-way',
      severity: 'error',
      comment:
        'Dependencies between contexts point one way: issues builds on meetings, agreements cites ' +
        'decisions by id, audit reads every context\'s events. No other library imports issues, ' +
        'agreements or audit; what one needs from them comes through a port of its own that apps/api ' +
        'binds (audit\'s DECISION_RELATIONS). Specs and testing folders may compose contexts.',
      from: { path: '^libs/([^/]+)/', pathNot: [SPEC_FILE, '(^|/)testing/'] },
      to: { path: '^libs/(issues|agreements|audit)/', pathNot: '^libs/$1/' },
    },
    {
      name: 'testing-only-in-tests',
      severity: 'error',
      comment:
        'Testing helpers (libs/<lib>/src/testing/, @kom/<lib>/testing) use jest globals and fakes: ' +
        'only specs, other testing folders, test/ and bench/ may import them, never production code.',
      from: { pathNot: [SPEC_FILE, '(^|/)testing/', '^test/', '^bench/'] },
      to: { path: TESTING_FOLDER },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing: a typo, a missing file or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-orphans',
      severity: 'warn',
      comment: 'A module nothing imports and that imports nothing: dead code, or forgotten wiring.',
      from: {
        orphan: true,
        pathNot: [
          SPEC_FILE,
          '(^|/)index\\.ts$',
          '(^|/)main\\.ts$',
          '\\.d\\.ts$',
          '(^|/)[^/]+\\.(js|cjs|mjs|json)$',
        ],
      },
      to: {},
    },
    {
      name: 'web-talks-graphql-only',
      severity: 'error',
      comment:
        'The web app runs in the browser and talks to the platform over GraphQL and the sign-in routes ' +
        'only: it imports no library (libs/) and nothing of the API (apps/api), so no server code or ' +
        'business rule is bundled for the browser. Its types come from schema/kom.graphql (codegen).',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|apps/(?!web/))' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    // node_modules is not excluded: rules must see npm imports; they are just not followed.
    exclude: { path: ['^(dist|coverage|data)/', '^apps/web/dist/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    moduleSystems: ['cjs', 'es6'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};

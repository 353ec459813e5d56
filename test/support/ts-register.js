// Runs the TypeScript sources in a plain node process as jest runs them (@swc/jest's options:
// decorator metadata, which Nest's dependency injection and GraphQL code-first read), with the
// @kom/* path aliases: `node -r ./test/support/ts-register.js apps/api/src/main.ts`.
// Plain node, not a CLI wrapper: a SIGKILL in a test reaches the process that holds the files.
const Module = require('node:module');
const { join } = require('node:path');
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const root = join(__dirname, '..', '..');
tsconfigPaths.register({
  baseUrl: root,
  paths: { '@kom/*/testing': ['libs/*/src/testing'], '@kom/*': ['libs/*/src'] },
});

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

Module._extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

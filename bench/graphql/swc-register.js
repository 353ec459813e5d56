// Loads the platform's TypeScript in a benchmark child process as the build does: through SWC with
// decorator metadata (which Nest's dependency injection reads and which tsx/esbuild does not
// emit), with the @kom/* path aliases of tsconfig.json.
//   node -r ./bench/graphql/swc-register.js <entry.ts>
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const swc = require('@swc/core');

const root = join(__dirname, '..', '..');
const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  // No inline source maps unless asked for (KOM_BENCH_SOURCE_MAPS=1, for readable stacks): a built
  // server does not hold them, and in the loaded sources they cost about 20 MB of RSS (G6).
  sourceMaps: process.env.KOM_BENCH_SOURCE_MAPS === '1' ? 'inline' : false,
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@kom\/([a-z-]+)(\/testing)?$/.exec(request);
  if (alias) request = join(root, 'libs', alias[1], 'src', alias[2] ? 'testing' : '');
  return resolve.call(this, request, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

// Builds the API as `nest build api` does (nest-cli.json with "webpack": true, nest's webpack
// defaults, then apps/api/webpack.config.js) into the directory given, never into dist/: other
// work reads dist/ meanwhile. `node test/support/build-api-bundle.js OUT` writes OUT/apps/api/main.js.
//
// Unlike nest build, no type check runs beside the bundle (`npm run typecheck` is that check, and
// it takes as long again); it changes nothing in the bundle, whose TypeScript is transpiled alone.
const { join, resolve } = require('node:path');
const webpack = require('webpack');
const { webpackDefaultsFactory } = require('@nestjs/cli/lib/compiler/defaults/webpack-defaults');

const root = resolve(__dirname, '..', '..');
const nestCli = require(join(root, 'nest-cli.json'));
const project = nestCli.projects.api;
const projectConfig = require(join(root, project.compilerOptions.webpackConfigPath));

function buildApiBundle(outDir) {
  process.chdir(root); // nest resolves its configuration from the repository root
  const noPlugins = { beforeHooks: [], afterHooks: [], afterDeclarationsHooks: [] };
  const defaults = webpackDefaultsFactory(join(root, project.sourceRoot), project.root, project.entryFile, false, project.compilerOptions.tsConfigPath, noPlugins);
  defaults.plugins = defaults.plugins.filter((plugin) => plugin.constructor.name !== 'ForkTsCheckerWebpackPlugin');
  const config = { ...defaults, ...projectConfig(defaults, webpack) };
  config.output = { ...config.output, path: resolve(outDir) };
  return new Promise((done, fail) =>
    webpack(config).run((error, stats) => {
      if (error) return fail(error);
      if (stats.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done();
    }),
  );
}

buildApiBundle(process.argv[2]).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

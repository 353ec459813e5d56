// One jest config for unit, contract and end-to-end tests. @swc/jest keeps decorator metadata,
// which Nest's dependency injection reads.
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+\\.js$': ['@swc/jest', swc] },
  // openid-client and its own jose are published as ES modules only; jest loads CommonJS.
  transformIgnorePatterns: ['^(?!.*/node_modules/openid-client/).*/node_modules/(?!oauth4webapi/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@kom/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing',
    '^@kom/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  setupFilesAfterEnv: ['<rootDir>/test/support/published-event-schemas.setup.ts'],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // Longest files first, from test/support/test-durations.json: see docs/testing.md.
  testSequencer: '<rootDir>/test/support/test-sequencer.js',
  testTimeout: 30000,
  // Two workers even on two cores: the browser and end-to-end suites spend much of their time
  // waiting on I/O, so the whole run finishes well within its budget.
  maxWorkers: 2,
};

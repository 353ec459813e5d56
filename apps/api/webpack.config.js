// nest build's webpack configuration, plus a second entry: the log verification worker, bundled
// beside main.js (dist/apps/api/verify-log.worker.js) where libs/audit's integrity check looks for it.
const { join } = require('node:path');

module.exports = (options) => ({
  ...options,
  entry: {
    main: options.entry,
    'verify-log.worker': join(__dirname, '../../libs/audit/src/integrity/verify-log.worker.ts'),
  },
  output: { ...options.output, filename: 'apps/api/[name].js' },
});

// Orders test files longest first, from durations committed in test-durations.json, so that the
// two workers finish together. Jest's own order needs a timing cache that a clean clone lacks; by
// file size alone a long browser suite can start last and run alone at the end.
// `npm run test:durations` rewrites the list from a full run.
const { relative, join } = require('node:path');
const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

const ROOT = join(__dirname, '..', '..');
const DURATIONS_FILE = join(__dirname, 'test-durations.json');

/**
 * Files that failed last time come first (quick feedback while fixing), then files with a known
 * duration, longest first, then the rest, largest first. `known` maps a path relative to the
 * repository root to seconds; `fallback` gives a local duration where the list has none.
 */
function order(tests, known, { failed = () => false, fallback = () => undefined, size }) {
  const seconds = (test) => known[relative(ROOT, test.path).split('\\').join('/')] ?? fallback(test);
  const keyed = tests.map((test) => ({ test, failed: failed(test), seconds: seconds(test), size: size(test) }));
  // Jest reads a known duration too: a few files known to be fast run in band.
  for (const k of keyed) if (k.seconds !== undefined) k.test.duration = k.seconds * 1000;
  keyed.sort(
    (a, b) =>
      Number(b.failed) - Number(a.failed) ||
      Number(b.seconds !== undefined) - Number(a.seconds !== undefined) ||
      (b.seconds ?? 0) - (a.seconds ?? 0) ||
      b.size - a.size,
  );
  return keyed.map((k) => k.test);
}

function readDurations(file = DURATIONS_FILE) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
}

class DurationSequencer extends Sequencer {
  sort(tests) {
    const known = readDurations();
    const sizes = new Map();
    const size = (test) => {
      if (!sizes.has(test.path)) sizes.set(test.path, test.context.hasteFS.getSize(test.path) ?? 0);
      return sizes.get(test.path);
    };
    const cached = (test) => {
      const ms = this.time(test);
      return ms === undefined ? undefined : ms / 1000;
    };
    return order(tests, known, { failed: (test) => this.hasFailed(test), fallback: cached, size });
  }
}

module.exports = DurationSequencer;
module.exports.order = order;
module.exports.ROOT = ROOT;
module.exports.DURATIONS_FILE = DURATIONS_FILE;

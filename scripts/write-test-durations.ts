// Rewrites test/support/test-durations.json (seconds per test file) from a full jest run, which
// test/support/test-sequencer.js reads to start the longest files first. With a path, reads an
// existing `jest --json` output instead of running jest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

interface JestJson {
  testResults: Array<{ name: string; startTime: number; endTime: number; status: string }>;
}

const root = join(__dirname, '..');
const target = join(root, 'test', 'support', 'test-durations.json');

let resultsFile = process.argv[2];
if (!resultsFile) {
  resultsFile = join(mkdtempSync(join(tmpdir(), 'kom-test-durations-')), 'results.json');
  // Failures do not stop the rewrite: a failing file's duration still says how long it runs.
  spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--json', `--outputFile=${resultsFile}`], { cwd: root, stdio: 'inherit' });
}
const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as JestJson;
const durations: Record<string, number> = {};
for (const file of [...results.testResults].sort((a, b) => (a.name < b.name ? -1 : 1))) {
  const seconds = (file.endTime - file.startTime) / 1000;
  if (!(seconds > 0)) continue;
  durations[relative(root, file.name).split('\\').join('/')] = Math.round(seconds * 10) / 10;
}
writeFileSync(target, `${JSON.stringify(durations, null, 2)}\n`);
console.log(`${relative(root, target)}: ${Object.keys(durations).length} files`);

// Prints what was skipped and why (a skipped suite names its reason in its first test title),
// then one plain closing line that any CI can read: "Tests: N passed, N failed, N skipped".
const { relative } = require('node:path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const out = [];
    for (const file of results.testResults) {
      const skipped = file.testResults.filter((t) => t.status === 'pending' || t.status === 'todo');
      if (skipped.length === 0) continue;
      out.push(`Skipped ${skipped.length} in ${relative(process.cwd(), file.testFilePath)}: ${skipped[0].title}`);
    }
    // The slowest files: what to look at first when the whole run nears its time budget.
    const slowest = [...results.testResults]
      .map((file) => ({ file: relative(process.cwd(), file.testFilePath), ms: file.perfStats.end - file.perfStats.start }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12);
    if (slowest.length > 1) out.push(`Slowest: ${slowest.map((s) => `${s.file} ${(s.ms / 1000).toFixed(1)} s`).join(', ')}`);
    const skipped = results.numPendingTests + results.numTodoTests;
    const suitesFailed = results.numFailedTestSuites + (results.numRuntimeErrorTestSuites || 0);
    const failed = results.numFailedTests + (results.numFailedTests === 0 && suitesFailed > 0 ? suitesFailed : 0);
    out.push(`Tests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
    process.stdout.write(`\n${out.join('\n')}\n`);
  }
}
module.exports = SummaryReporter;

// Prints one plain closing line that any CI can read: "Tests: N passed, N failed, N skipped".
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const suitesFailed = results.numFailedTestSuites + (results.numRuntimeErrorTestSuites || 0);
    const failed = results.numFailedTests + (results.numFailedTests === 0 && suitesFailed > 0 ? suitesFailed : 0);
    process.stdout.write(`\nTests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;

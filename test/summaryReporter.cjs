// A jest reporter that writes the pass/fail counts, per project, to the JSON file named in
// LAB_TESTING_TEST_SUMMARY, for test/run.mjs to turn into npm test's last line.
const { writeFileSync } = require('node:fs');

class SummaryReporter {
	onRunComplete(_contexts, results) {
		const file = process.env.LAB_TESTING_TEST_SUMMARY;
		if (!file) return;
		const projects = {};
		for (const suite of results.testResults) {
			const name = suite.displayName?.name ?? 'tests';
			const counts = (projects[name] ??= { passed: 0, failed: 0, skipped: 0 });
			counts.passed += suite.numPassingTests;
			counts.skipped += suite.numPendingTests + suite.numTodoTests;
			// A file that could not run (syntax error, failing beforeAll) counts as one failure at least.
			counts.failed += suite.testExecError
				? Math.max(suite.numFailingTests, 1)
				: suite.numFailingTests;
		}
		const total = (key) => Object.values(projects).reduce((sum, counts) => sum + counts[key], 0);
		const summary = {
			passed: total('passed'),
			failed: total('failed'),
			skipped: total('skipped'),
			projects,
		};
		writeFileSync(file, JSON.stringify(summary, null, '\t'));
	}
}

module.exports = SummaryReporter;

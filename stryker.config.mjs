// `npm run test:mutation`: StrykerJS over the code whose bugs cost the most (verification, the exactly-once
// machinery, delivery parsing, the results pipeline, requests and retries, creates that must not happen
// twice), judged by the unit tests only: no n8n, no lock. Incremental: the results of the last run are
// kept in reports/mutation/incremental.json (git-ignored), so a re-run tests only the mutants whose code
// or covering tests changed. `npm run test:mutation -- --force` runs every mutant again.
// STRYKER_TESTS=test/unit/shared/ledger.test.ts,test/unit/junction/catchUp limits jest to those unit test
// files and folders: each mutant's run then loads only them, which makes a run over one file's mutants many
// times faster. A mutant that only tests elsewhere would kill is reported survived, so a score from such a
// run counts once its survivors are run again without the limit (same incremental file: Stryker re-tests
// only them); the README lists the tests each score was taken with.
const tests = process.env.STRYKER_TESTS?.split(',')
	.map((entry) => entry.trim())
	.filter((entry) => entry.length > 0)
	.map((entry) => `<rootDir>/${entry.endsWith('.ts') ? entry : `${entry}/**/*.test.ts`}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	mutate: [
		'nodes/shared/webhook/**/*.ts',
		'nodes/shared/trigger/ledger.ts',
		'nodes/shared/newestEntries.ts',
		'nodes/shared/values.ts',
		'nodes/shared/catchUp/**/*.ts',
		// The catch-up node's description is editor text: what n8n reads of it (names, defaults, which
		// options each provider has, their order) is pinned by catchUpParameters.test.ts through n8n's own
		// parameter resolution; its words are the editor tests' (Chromium), not the unit tests'.
		'!nodes/shared/catchUp/description.ts',
		'nodes/shared/trigger/parseEvent.ts',
		'nodes/shared/results.ts',
		'nodes/shared/transport/api.ts',
		'nodes/shared/actions/createOnce.ts',
		'nodes/Junction/actions/idempotency.ts',
	],
	testRunner: 'jest',
	jest: {
		projectType: 'custom',
		configFile: 'test/jest.unit.config.js',
		// Off: with it on, a run of 2026-12-07 ran 0 or 1 of the ~180 tests that cover receiveWebhook.ts'
		// mutants and reported them survived. perTest coverage alone still runs only the tests that
		// reached a mutant in the first run.
		enableFindRelatedTests: false,
		...(tests === undefined ? {} : { config: { testMatch: tests } }),
	},
	coverageAnalysis: 'perTest',
	checkers: ['typescript'],
	tsconfigFile: 'tsconfig.json',
	typescriptChecker: { prioritizePerformanceOverAccuracy: true },
	// The instrumented files no longer type-check; ts-jest only transpiles (isolatedModules) anyway.
	disableTypeChecks: 'nodes/**/*.ts',
	// The machine has 2 cores shared with other engineers' n8n e2e runs: one test runner (and one checker)
	// keeps a mutation run from starving them; run it under `nice -n 19` as well.
	concurrency: 1,
	// A busy machine slows the tests that use real HTTP; a mutant is a timeout only well past its tests'
	// normal time.
	timeoutMS: 15000,
	dryRunTimeoutMinutes: 30,
	incremental: true,
	incrementalFile: 'reports/mutation/incremental.json',
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: 'reports/mutation/index.html' },
	jsonReporter: { fileName: 'reports/mutation/mutation.json' },
	clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
	thresholds: { high: 85, low: 80, break: null },
	// docs/sample-output stays: a unit test compares the triggers' output with it.
	ignorePatterns: [
		'docs/*',
		'!docs/sample-output',
		'bench/runs',
		'build',
		'dist',
		'reports',
		'.cache',
	],
	tempDirName: '.stryker-tmp',
	cleanTempDir: 'always',
};

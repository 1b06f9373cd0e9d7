#!/usr/bin/env node
// `npm test`: lint, type-check the tests, build, install the e2e runtime (cached), then run the unit,
// e2e, editor (n8n's editor in headless Chromium) and package (the packed tarball, n8n's scanner,
// the workflows, npm run dev) tests with jest. Ends with one line:
// "npm test: N passed, N failed (…) in N s"; the exit code is non-zero if anything failed. Arguments
// after `--` go to jest, e.g. `npm test -- --selectProjects unit` or `npm test -- -t "order.shipped"`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
/** Checks that failed outside jest (lint, build…), each counted as one failure. */
const failedChecks = [];

const seconds = () => Math.round((Date.now() - started) / 1000);

function step(name, command, args, { env = process.env, countsAsCheck = true } = {}) {
	process.stderr.write(`\nnpm test: ▶ ${name} [${seconds()} s]\n`);
	const result = spawnSync(command, args, {
		cwd: repoRoot,
		stdio: ['ignore', 'inherit', 'inherit'],
		env,
	});
	if (result.status === 0) return true;
	if (countsAsCheck) failedChecks.push(name);
	process.stderr.write(
		`npm test: ✖ ${name} failed (${result.error?.message ?? `exit code ${result.status ?? result.signal}`})\n`,
	);
	return false;
}

const bin = (path) => join(repoRoot, 'node_modules', path);

function runJest(extraArgs, selectUnitOnly) {
	const scratch = mkdtempSync(join(tmpdir(), 'lab-testing-jest-'));
	const summaryFile = join(scratch, 'summary.json');
	const args = [
		bin('jest/bin/jest.js'),
		'--ci',
		'--reporters=default',
		`--reporters=${join(repoRoot, 'test', 'summaryReporter.cjs')}`,
		...(selectUnitOnly ? ['--selectProjects', 'unit'] : []),
		...extraArgs,
	];
	const ran = step(
		selectUnitOnly
			? 'unit tests (e2e and editor skipped: no build or runtime)'
			: 'jest (unit + e2e + editor + package)',
		process.execPath,
		args,
		// Jest's failures are counted from its summary, not as one failed check.
		{ env: { ...process.env, LAB_TESTING_TEST_SUMMARY: summaryFile }, countsAsCheck: false },
	);
	const summary = existsSync(summaryFile)
		? JSON.parse(readFileSync(summaryFile, 'utf8'))
		: undefined;
	rmSync(scratch, { recursive: true, force: true });
	if (!summary) {
		failedChecks.push('jest setup (no test ran)');
	} else if (!ran && summary.failed === 0) {
		// Every test passed but jest still failed, e.g. in globalTeardown: that counts too.
		failedChecks.push('jest after the tests (teardown?)');
	}
	return summary;
}

const bootstrapped = existsSync(join(repoRoot, 'node_modules')) || step('npm ci', 'npm', ['ci']);
if (!bootstrapped) {
	// Nothing below can run without the dev dependencies.
	process.stdout.write(
		`\nnpm test: 0 passed, 1 failed (failed: npm ci; nothing else ran) in ${seconds()} s\n`,
	);
	process.exit(1);
}
step('lint', 'npm', ['run', 'lint']);
step('type-check', process.execPath, [
	bin('typescript/bin/tsc'),
	'-p',
	'test/tsconfig.json',
	'--noEmit',
]);
const built = step('build', 'npm', ['run', 'build']);
const runtimeReady = built && step('runtime', process.execPath, ['dev/n8n/install.mjs']);
const summary = runJest(process.argv.slice(2), !runtimeReady);

const passed = summary?.passed ?? 0;
const failed = (summary?.failed ?? 0) + failedChecks.length;
// Unit first, then the others by name (jest reports them in the order they finished).
const projects = Object.entries(summary?.projects ?? {})
	.sort(([a], [b]) => (a === 'unit' ? -1 : b === 'unit' ? 1 : a.localeCompare(b)))
	.map(
		([name, counts]) =>
			`${name} ${counts.passed}${counts.failed ? ` + ${counts.failed} failed` : ''}`,
	)
	.join(', ');
const notes = [
	projects,
	failedChecks.length ? `failed: ${failedChecks.join(', ')}` : '',
	summary?.skipped ? `${summary.skipped} skipped` : '',
]
	.filter(Boolean)
	.join('; ');
process.stdout.write(
	`\nnpm test: ${passed} passed, ${failed} failed${notes ? ` (${notes})` : ''} in ${seconds()} s\n`,
);
process.exitCode = failed > 0 ? 1 : 0;

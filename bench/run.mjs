#!/usr/bin/env node
// `npm run bench [-- options]`: builds the package and the benchmarks, makes sure the cached runtime
// (Node 24 + n8n 2.41.1) is there, then runs bench/run.ts on that Node 24, the one n8n runs on.
// Prints one table per measure and writes bench/results.json; options are listed in bench/run.ts.
// Not part of `npm test`: it takes minutes and its figures depend on the machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function step(name, command, args) {
	process.stderr.write(`npm run bench: ▶ ${name}\n`);
	const result = spawnSync(command, args, {
		cwd: repoRoot,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (result.status !== 0) {
		process.stderr.write(`npm run bench: ✖ ${name} failed\n`);
		process.exit(1);
	}
}

if (!existsSync(join(repoRoot, 'node_modules'))) step('npm ci', 'npm', ['ci']);
step('build the package', 'npm', ['run', 'build']);
step('build the benchmarks', process.execPath, [
	join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
	'-p',
	'bench/tsconfig.json',
]);
step('runtime (Node 24 + n8n 2.41.1, cached)', process.execPath, ['dev/n8n/install.mjs']);

const cacheDir = resolve(process.env.LAB_TESTING_CACHE_DIR || join(repoRoot, '.cache'));
const { nodeBin } = JSON.parse(readFileSync(join(cacheDir, 'runtime.json'), 'utf8'));
const bench = spawn(
	nodeBin,
	// --expose-gc: the in-process measures collect the garbage of n8n's part of a call off the clock.
	// --single-threaded-gc: no collector thread competes with the timed calls for the CPU, whose clock
	// they are judged on (bench/gcClock.ts). n8n runs in processes of its own, with its defaults.
	[
		'--expose-gc',
		'--single-threaded-gc',
		join(repoRoot, 'build', 'bench', 'run.js'),
		...process.argv.slice(2),
	],
	{
		cwd: repoRoot,
		stdio: 'inherit',
	},
);
// Ctrl-C reaches the whole process group; the benchmark stops what it started, this process waits.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => bench.kill('SIGTERM'));
bench.on('exit', (code, signal) => {
	// A whole run rewrites the committed bench/results.json: in the repository's Prettier style, which
	// `npm run lint` checks.
	if (code === 0 && process.argv.length <= 2)
		step('format bench/results.json', process.execPath, [
			join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
			'--write',
			'bench/results.json',
		]);
	process.exit(code ?? (signal ? 1 : 0));
});

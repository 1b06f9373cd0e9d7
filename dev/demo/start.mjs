#!/usr/bin/env node
// Launches a tool that needs the package built and the n8n runtime: `npm start [-- --once]` (the demo)
// and `npm run screenshot`. On a fresh clone it first installs the dev dependencies; the runtime
// (Node 24 + n8n 2.41.1) is cached. Ctrl-C reaches the tool, which stops what it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [tool = 'demo', ...toolArgs] = process.argv.slice(2);
if (!['demo', 'screenshot'].includes(tool)) {
	process.stderr.write(`npm start: unknown tool "${tool}" (demo or screenshot)\n`);
	process.exit(2);
}

function step(name, command, args) {
	process.stderr.write(`npm start: ▶ ${name}\n`);
	const result = spawnSync(command, args, {
		cwd: repoRoot,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (result.status !== 0) {
		process.stderr.write(`npm start: ✖ ${name} failed\n`);
		process.exit(1);
	}
}

if (!existsSync(join(repoRoot, 'node_modules'))) step('npm ci', 'npm', ['ci']);
step('build the package', 'npm', ['run', 'build']);
step(`build the ${tool}`, process.execPath, [
	join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
	'-p',
	'dev/tsconfig.json',
]);
step('runtime (Node 24 + n8n 2.41.1, cached)', process.execPath, ['dev/n8n/install.mjs']);

const child = spawn(
	process.execPath,
	[join(repoRoot, 'build', 'dev', 'demo', `${tool}.js`), ...toolArgs],
	{
		cwd: repoRoot,
		stdio: 'inherit',
	},
);
// Ctrl-C goes to the whole process group; the tool handles it, this process just waits for it.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

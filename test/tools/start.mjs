#!/usr/bin/env node
// `npm start [-- --once]`: sets the demo up on a fresh clone (dev dependencies, build, the cached
// Node 24 + n8n 2.41.1 runtime), then runs it. Ctrl-C reaches the demo, which stops what it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function step(name, command, args) {
	process.stderr.write(`npm start: ▶ ${name}\n`);
	const result = spawnSync(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
	if (result.status !== 0) {
		process.stderr.write(`npm start: ✖ ${name} failed\n`);
		process.exit(1);
	}
}

if (!existsSync(join(repoRoot, 'node_modules'))) step('npm ci', 'npm', ['ci']);
step('build the package', 'npm', ['run', 'build']);
step('build the demo', process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'test/tools/tsconfig.json']);
step('runtime (Node 24 + n8n 2.41.1, cached)', process.execPath, ['test/runtime/install.mjs']);

const demo = spawn(process.execPath, [join(repoRoot, 'build', 'test', 'tools', 'demo.js'), ...process.argv.slice(2)], {
	cwd: repoRoot,
	stdio: 'inherit',
});
// Ctrl-C goes to the whole process group; the demo handles it, this process just waits for it.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => demo.kill('SIGTERM'));
demo.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

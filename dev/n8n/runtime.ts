/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The checkout: the nearest folder above this file with the package's package.json (also when compiled into build/). */
export const repoRoot = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
	for (let folder = start; ; folder = dirname(folder)) {
		// build/ may hold a compiled copy of package.json, but never the test folder's sources.
		const manifest = join(folder, 'package.json');
		const isCheckout =
			existsSync(manifest) && existsSync(join(folder, 'dev', 'n8n', 'install.mjs'));
		if (
			isCheckout &&
			(JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name ===
				'n8n-nodes-lab-testing'
		) {
			return folder;
		}
		if (dirname(folder) === folder)
			throw new Error(`No n8n-nodes-lab-testing checkout above ${start}`);
	}
}

/** The git-ignored cache the runtime installer fills (LAB_TESTING_CACHE_DIR moves it). */
export const cacheDir = resolve(process.env.LAB_TESTING_CACHE_DIR || join(repoRoot, '.cache'));

/** What dev/n8n/install.mjs installed: Node 24 and n8n, described in <cache>/runtime.json. */
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

/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import { repoRoot } from '../../dev/n8n/runtime';

export interface PackageManifest {
	name: string;
	version: string;
	files?: string[];
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	bundleDependencies?: unknown;
	bundledDependencies?: unknown;
	peerDependencies?: Record<string, string>;
	scripts?: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
}

/** The tarball `npm pack` makes of this checkout (its current build), unpacked. */
export interface Packed {
	/** The unpacked tarball: the folder npm calls `package/`. */
	dir: string;
	/** Every file in it, relative to `dir`, sorted. */
	files: string[];
	manifest: PackageManifest;
	remove(): void;
}

export function filesUnder(folder: string): string[] {
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => !entry.isDirectory())
		.map((entry) => relative(folder, join(entry.parentPath, entry.name)))
		.sort();
}

export function packThisCheckout(): Packed {
	if (!existsSync(join(repoRoot, 'dist'))) {
		throw new Error('No dist/ to pack: build the package first (npm run build; npm test does)');
	}
	const scratch = mkdtempSync(join(tmpdir(), 'lab-testing-pack-'));
	try {
		execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], {
			cwd: repoRoot,
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
		if (!tarball) throw new Error(`npm pack wrote no tarball into ${scratch}`);
		execFileSync('tar', ['xzf', tarball], { cwd: scratch });
		const dir = join(scratch, 'package');
		return {
			dir,
			files: filesUnder(dir),
			manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageManifest,
			remove: () => rmSync(scratch, { recursive: true, force: true }),
		};
	} catch (error) {
		rmSync(scratch, { recursive: true, force: true });
		throw error;
	}
}

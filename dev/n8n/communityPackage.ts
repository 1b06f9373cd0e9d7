/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test support runs in Node, not inside n8n */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface PackageJson {
	name: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
}

export interface InstalledPackage {
	name: string;
	/** The node and credential files the installed package.json lists (all of them built). */
	nodeFiles: string[];
	credentialFiles: string[];
	/** Files package.json lists that the build did not produce. */
	listedButNotBuilt: string[];
}

/**
 * Puts the built package where n8n loads community packages from:
 * `<user folder>/.n8n/nodes/node_modules/<name>/{package.json,dist}` (no node_modules of its own, as
 * when n8n installs it from npm, which drops devDependencies).
 *
 * n8n refuses the whole package when one listed file is missing. While a provider's nodes are still
 * being written, the installed package.json therefore lists only what was built; `listedButNotBuilt`
 * says what was left out, so a test can fail on it without taking every other test down.
 */
export function installCommunityPackage(packageRoot: string, userFolder: string): InstalledPackage {
	const manifest = JSON.parse(
		readFileSync(join(packageRoot, 'package.json'), 'utf8'),
	) as PackageJson;
	if (!existsSync(join(packageRoot, 'dist'))) {
		throw new Error(`${packageRoot}/dist does not exist: build the package first (npm run build)`);
	}
	const built = (files: string[] = []) =>
		files.filter((file) => existsSync(join(packageRoot, file)));
	const listed = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	const nodeFiles = built(manifest.n8n?.nodes);
	const credentialFiles = built(manifest.n8n?.credentials);

	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', manifest.name);
	mkdirSync(target, { recursive: true });
	cpSync(join(packageRoot, 'dist'), join(target, 'dist'), { recursive: true });
	const installed = {
		...manifest,
		n8n: { ...manifest.n8n, nodes: nodeFiles, credentials: credentialFiles },
	};
	writeFileSync(join(target, 'package.json'), JSON.stringify(installed, null, '\t'));
	return {
		name: manifest.name,
		nodeFiles,
		credentialFiles,
		listedButNotBuilt: listed.filter(
			(file) => !nodeFiles.includes(file) && !credentialFiles.includes(file),
		),
	};
}

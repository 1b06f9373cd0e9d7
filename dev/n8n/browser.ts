/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { chromium, type BrowserContext } from 'playwright-core';

import { cacheDir } from './runtime';

/**
 * Headless Chromium for the editor tests and `npm run screenshot`: the binary ships inside the npm
 * package @sparticuz/chromium (a dev dependency), so nothing is downloaded and no system package is
 * needed. Its `executablePath()` inflates the Brotli-compressed binary into the temporary folder; it
 * runs here in a child process whose TMPDIR is a staging folder in the project's cache, which is then
 * renamed into place, so every run after the first reuses the binary and concurrent runs never see a
 * half-written one. The version is pinned at 147.0.0: the last release with a CommonJS build that
 * declares Node 20 support (later ones are ES modules for Node 22.17 and up); Playwright drives it.
 */
const PACKAGE = '@sparticuz/chromium';

/**
 * Flags this machine needs: no sandbox (root in CI), no GPU, and no background traffic to Google,
 * whose refused connections otherwise come in bursts.
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** The package's folder: the one above its entry point with its package.json (`exports` hides that file). */
function packageRoot(): string {
	const entry = require.resolve(PACKAGE);
	for (let folder = dirname(entry); dirname(folder) !== folder; folder = dirname(folder)) {
		const manifest = join(folder, 'package.json');
		if (
			existsSync(manifest) &&
			(JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE
		) {
			return folder;
		}
	}
	throw new Error(`Cannot find the package.json of ${PACKAGE} above ${entry}`);
}

/** Path of the inflated Chromium binary, inflating it once per package version (a few seconds). */
export function chromiumExecutable(): string {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	const root = packageRoot();
	const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		version: string;
	};
	const folder = join(cacheDir, `chromium-${version}`);
	const binary = join(folder, 'chromium');
	if (existsSync(binary)) return binary;

	mkdirSync(cacheDir, { recursive: true });
	const staging = mkdtempSync(join(cacheDir, `chromium-${version}.partial-`));
	try {
		const script = `require(${JSON.stringify(PACKAGE)}).executablePath().then((path) => process.stdout.write(path));`;
		const inflated = execFileSync(process.execPath, ['-e', script], {
			cwd: root,
			env: { ...process.env, TMPDIR: staging },
			encoding: 'utf8',
			timeout: 120_000,
		});
		if (inflated !== join(staging, 'chromium'))
			throw new Error(`${PACKAGE} inflated Chromium to ${inflated}, expected it in ${staging}`);
		try {
			renameSync(staging, folder);
		} catch (error) {
			// Another run got there first: use its copy.
			if (!existsSync(binary)) throw error;
		}
	} finally {
		rmSync(staging, { recursive: true, force: true });
	}
	return binary;
}

export interface LaunchedChromium {
	/** One browser context (a fresh profile); open pages with `context.newPage()`. */
	context: BrowserContext;
	/** Closes the browser and removes its profile; safe to call twice. */
	close(): Promise<void>;
}

/** Launches headless Chromium with a fresh `--user-data-dir`, removed again by `close()`. */
export async function launchChromium(
	options: {
		/** An already inflated binary (say, from chromiumExecutable() in another process). */
		executablePath?: string;
		viewport?: { width: number; height: number };
	} = {},
): Promise<LaunchedChromium> {
	const executablePath = options.executablePath ?? chromiumExecutable();
	const profile = mkdtempSync(join(tmpdir(), 'lab-testing-chromium-'));
	let context: BrowserContext;
	try {
		// launchPersistentContext passes `profile` as --user-data-dir (launch() always uses its own).
		context = await chromium.launchPersistentContext(profile, {
			executablePath,
			headless: true,
			args: CHROMIUM_ARGS,
			viewport: options.viewport ?? { width: 1440, height: 900 },
			deviceScaleFactor: 1,
			timeout: 60_000,
		});
	} catch (error) {
		rmSync(profile, { recursive: true, force: true });
		throw new Error(`Chromium (${executablePath}) did not start: ${(error as Error).message}`);
	}
	let closed = false;
	return {
		context,
		close: async () => {
			if (closed) return;
			closed = true;
			try {
				await context.close();
			} finally {
				rmSync(profile, { recursive: true, force: true });
			}
		},
	};
}

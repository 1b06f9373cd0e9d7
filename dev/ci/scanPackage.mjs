#!/usr/bin/env node
// `npm run scan`: n8n's verification scan (@n8n/scan-community-package) on this checkout, without
// publishing. The published scanner checks the npm provenance, fetches the source at the attested
// commit and lints it, then lints the tarball from npm. Here the same analyser lints the checkout's
// sources with the same file patterns, and the tarball `npm pack` makes (or an unpacked one).
//
//   node dev/ci/scanPackage.mjs                     pack this checkout, scan sources and tarball
//   node dev/ci/scanPackage.mjs --package <folder>  scan an unpacked tarball (and the checkout's sources)
//   --tarball-only                                  skip the sources (the tests' deliberately broken copy)
//   --json                                          print the verdict as JSON (for the tests)
//
// Exits 0 when both legs pass, 1 when the analyser found violations, 2 when it could not run.
// The provenance check needs the package on npm: the publish workflow is what provides it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// eslint-plugin-n8n-nodes-base checks file names against its own fixtures when NODE_ENV is "test"
// (as jest sets it): the scanner n8n runs has no NODE_ENV, nor may this.
delete process.env.NODE_ENV;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scannerFile = createRequire(join(repoRoot, 'package.json')).resolve(
	'@n8n/scan-community-package/scanner/scanner.mjs',
);
// The scanner makes a temporary folder when it is imported; tmp removes it at exit only when asked.
createRequire(scannerFile)('tmp').setGracefulCleanup();
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerFile).href);
const glob = createRequire(scannerFile)('fast-glob');

/** The file patterns of the scanner's tarball leg (analyzePackageByName in scanner.mjs). */
export const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function packInto(folder) {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', folder], {
		cwd: repoRoot,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(folder).find((name) => name.endsWith('.tgz'));
	const unpacked = join(folder, 'package');
	execFileSync('tar', ['xzf', tarball, '-C', folder], { cwd: folder });
	return unpacked;
}

/** Lints `folder` as the scanner does; `files` counts what was linted (the analyser passes an empty folder). */
async function leg(name, folder, patterns) {
	const files = glob.sync(patterns, {
		cwd: folder,
		ignore: ['node_modules/**', '**/package-lock.json'],
	}).length;
	const result = await analyzePackage(folder, patterns);
	return {
		name,
		folder,
		files,
		passed: result.passed && files > 0,
		message: files > 0 ? result.message : 'no files to analyse',
		details: result.details,
	};
}

async function main() {
	const args = process.argv.slice(2);
	const json = args.includes('--json');
	const packageIndex = args.indexOf('--package');
	let scratch;
	try {
		let packageDir;
		if (packageIndex >= 0) {
			packageDir = resolve(args[packageIndex + 1] ?? '');
		} else {
			scratch = mkdtempSync(join(tmpdir(), 'lab-testing-scan-'));
			packageDir = packInto(scratch);
		}
		const legs = [
			...(args.includes('--tarball-only')
				? []
				: [await leg('source', repoRoot, SOURCE_FILE_PATTERNS)]),
			await leg('tarball', packageDir, TARBALL_FILE_PATTERNS),
		];
		const passed = legs.every((each) => each.passed);
		if (json) {
			process.stdout.write(`${JSON.stringify({ passed, legs })}\n`);
		} else {
			for (const each of legs) {
				process.stdout.write(
					`scan: ${each.passed ? '✅' : '❌'} ${each.name}: ${each.files} files${each.message ? ` (${each.message})` : ''}\n`,
				);
				if (each.details) process.stdout.write(`${each.details}\n`);
			}
		}
		return passed ? 0 : 1;
	} catch (error) {
		process.stderr.write(`scan: could not run the analyser: ${error.stack ?? error}\n`);
		return 2;
	} finally {
		if (scratch) rmSync(scratch, { recursive: true, force: true });
	}
}

process.exitCode = await main();

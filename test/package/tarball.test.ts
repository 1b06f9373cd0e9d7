/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test support runs in Node, not inside n8n */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

import { repoRoot } from '../../dev/n8n/runtime';
import { packThisCheckout, type Packed } from './packed';

/**
 * The tarball `npm pack` makes, as npm would publish it: what is in it, that n8n can load every node
 * and credential it lists, and n8n's verification scan (@n8n/scan-community-package's analyser).
 */
let packed: Packed;

beforeAll(() => {
	packed = packThisCheckout();
}, 120_000);

afterAll(() => packed?.remove());

const listed = () => [...packed.manifest.n8n.nodes, ...packed.manifest.n8n.credentials];

test('holds only dist/ (nodes, credentials), README.md, LICENSE, CHANGELOG.md and package.json', () => {
	const outside = packed.files.filter(
		(file) =>
			!/^dist\/(?:nodes|credentials)\/./.test(file) &&
			!['dist/package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].includes(file),
	);
	expect(outside).toEqual([]);
	expect(packed.files).toEqual(
		expect.arrayContaining(['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']),
	);
	expect(packed.files.filter((file) => file.startsWith('dist/nodes/')).length).toBeGreaterThan(20);
});

test('every node and credential package.json lists is in it, exporting the class n8n loads', () => {
	// Per provider: the action node, the webhook trigger and the catch-up trigger.
	expect([...packed.manifest.n8n.nodes].sort()).toEqual(
		['Hurdle', 'Junction', 'LondonMedicalLaboratory'].flatMap((provider) =>
			['', 'CatchUpTrigger', 'Trigger'].map(
				(kind) => `dist/nodes/${provider}/${provider}${kind}.node.js`,
			),
		),
	);
	expect(packed.manifest.n8n.credentials).toHaveLength(4);
	const problems = listed().flatMap((file) => {
		if (!packed.files.includes(file)) return [`${file} is missing`];
		// n8n requires the file and instantiates the export named after it (Hurdle.node.js → Hurdle).
		const className = basename(file).replace(/\.(?:node|credentials)\.js$/, '');
		const code = readFileSync(join(packed.dir, file), 'utf8');
		return new RegExp(`exports\\.${className}\\s*=`).test(code)
			? []
			: [`${file} does not export ${className}`];
	});
	expect(problems).toEqual([]);
});

test("every node's icons and codex file are beside it", () => {
	const problems = packed.manifest.n8n.nodes.flatMap((file) => {
		const code = readFileSync(join(packed.dir, file), 'utf8');
		const icons = [...code.matchAll(/file:([\w.-]+\.(?:svg|png))/g)].map((match) => match[1]);
		const wanted = [...(icons.length ? icons : ['(no icon)']), basename(file, '.js') + '.json'];
		return wanted
			.map((name) => join(dirname(file), name))
			.filter((path) => !packed.files.includes(path))
			.map((path) => `${file} needs ${path}`);
	});
	expect(problems).toEqual([]);
});

/** What a source map in the package refers to that is not in the package. */
function sourceMapProblems(): { checked: number; maps: number; problems: string[] } {
	const inside = (path: string) => {
		const fromRoot = relative(packed.dir, path);
		return !fromRoot.startsWith('..') && packed.files.includes(fromRoot);
	};
	const problems: string[] = [];
	const checkMap = (
		where: string,
		map: { sources?: string[]; sourceRoot?: string },
		dir: string,
	) => {
		for (const source of map.sources ?? []) {
			if (!inside(resolve(dir, map.sourceRoot ?? '', source))) {
				problems.push(`${where} maps to ${source}, which is not in the package`);
			}
		}
	};
	const scripts = packed.files.filter((file) => file.endsWith('.js'));
	const maps = packed.files.filter((file) => file.endsWith('.map'));
	for (const file of scripts) {
		const url = /\/\/# sourceMappingURL=(\S+)\s*$/m.exec(
			readFileSync(join(packed.dir, file), 'utf8'),
		)?.[1];
		if (!url) continue;
		const dir = dirname(join(packed.dir, file));
		if (url.startsWith('data:')) {
			const json = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8');
			checkMap(file, JSON.parse(json) as { sources?: string[] }, dir);
		} else if (!inside(resolve(dir, url))) {
			problems.push(`${file} names the source map ${url}, which is not in the package`);
		}
	}
	for (const file of maps) {
		const map = JSON.parse(readFileSync(join(packed.dir, file), 'utf8')) as { sources?: string[] };
		checkMap(file, map, dirname(join(packed.dir, file)));
	}
	return { checked: scripts.length, maps: maps.length, problems };
}

test('no source map points outside the package', () => {
	const { checked, problems } = sourceMapProblems();
	expect(checked).toBeGreaterThan(50);
	expect(problems).toEqual([]);
});

test('has no runtime dependencies: nothing to install, n8n-workflow the only peer', () => {
	const { manifest } = packed;
	expect(manifest.dependencies ?? {}).toEqual({});
	expect(manifest.optionalDependencies ?? {}).toEqual({});
	expect(manifest.bundleDependencies ?? manifest.bundledDependencies).toBeUndefined();
	expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(packed.files.filter((file) => file.includes('node_modules/'))).toEqual([]);
	const installScripts = ['preinstall', 'install', 'postinstall', 'prepare'].filter(
		(name) => manifest.scripts?.[name],
	);
	expect(installScripts).toEqual([]);
	// What n8n requires at run time: its own packages and node: built-ins (no file outside dist).
	const required = new Set(
		packed.files
			.filter((file) => file.endsWith('.js'))
			.flatMap((file) =>
				[...readFileSync(join(packed.dir, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(
					(match) => match[1],
				),
			)
			.filter((name) => !name.startsWith('.')),
	);
	expect([...required].sort()).toEqual(expect.arrayContaining(['n8n-workflow']));
	const allowed = /^(?:n8n-workflow|zod|lodash(?:\/.*)?|luxon|moment|p-limit|(?:node:)?crypto)$/;
	expect([...required].filter((name) => !allowed.test(name))).toEqual([]);
});

interface ScanVerdict {
	passed: boolean;
	legs: Array<{ name: string; files: number; passed: boolean; message?: string; details?: string }>;
}

function scan(packageDir: string, ...flags: string[]): ScanVerdict {
	const run = spawnSync(
		process.execPath,
		[join(repoRoot, 'dev', 'ci', 'scanPackage.mjs'), '--package', packageDir, '--json', ...flags],
		{ cwd: repoRoot, encoding: 'utf8', timeout: 240_000 },
	);
	const verdictLine = run.stdout.trim().split('\n').pop() ?? '';
	if (!verdictLine.startsWith('{')) {
		throw new Error(
			`The scanner did not answer (exit ${run.status}):\n${run.stdout}\n${run.stderr}`,
		);
	}
	return JSON.parse(verdictLine) as ScanVerdict;
}

test("passes n8n's community package scan: the sources and the tarball, as the scanner lints them", () => {
	const verdict = scan(packed.dir);
	expect(
		verdict.legs.map(({ name, passed, message, details }) => ({ name, passed, message, details })),
	).toEqual([
		{ name: 'source', passed: true, message: undefined, details: undefined },
		{ name: 'tarball', passed: true, message: undefined, details: undefined },
	]);
	const [source, tarball] = verdict.legs;
	expect(source.files).toBeGreaterThan(50);
	// The scanner's tarball leg lints every .js file and the top-level package.json.
	expect(tarball.files).toBe(packed.files.filter((file) => file.endsWith('.js')).length + 1);
	expect(verdict.passed).toBe(true);
}, 300_000);

test('the same scan fails a tarball whose node logs to the console, naming the file and the rule', () => {
	const broken = mkdtempSync(join(tmpdir(), 'lab-testing-scan-broken-'));
	try {
		cpSync(packed.dir, broken, { recursive: true });
		const node = packed.manifest.n8n.nodes[0];
		appendFileSync(join(broken, node), '\nconsole.log("a node must not log");\n');
		const verdict = scan(broken, '--tarball-only');
		expect(verdict.passed).toBe(false);
		expect(verdict.legs).toHaveLength(1);
		expect(verdict.legs[0].message).toBe('ESLint violations found');
		expect(verdict.legs[0].details).toContain(basename(node));
		expect(verdict.legs[0].details).toContain('no-console');
	} finally {
		rmSync(broken, { recursive: true, force: true });
	}
}, 300_000);

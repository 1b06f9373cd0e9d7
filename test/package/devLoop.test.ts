/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from '../../dev/n8n/runtime';
import { copyCheckout, DevLoopRun } from './devLoopRun';

/**
 * `npm run dev` on a copy of this checkout (the test edits the copy's sources, never the repository's):
 * the editor answers with the owner set up, and a changed node description reaches the node types the
 * editor loads, through tsc --watch and n8n's hot reload. Everything it started is stopped by Ctrl-C.
 */
const NODE_FILE = join('nodes', 'Hurdle', 'Hurdle.node.ts');
const NODE_TYPE = 'n8n-nodes-lab-testing.hurdle';

let dev: DevLoopRun | undefined;
let cookie = '';

beforeAll(async () => {
	const started = Date.now();
	dev = await DevLoopRun.start(copyCheckout(), 420_000);
	process.stderr.write(
		`npm run dev: the editor answered ${((Date.now() - started) / 1000).toFixed(0)} s after the start\n`,
	);
}, 480_000);

afterAll(async () => await dev?.cleanUp(), 60_000);

const descriptionIn = (source: string) => /description:\s*'([^']+)'/.exec(source)?.[1];

/**
 * The node type's description in the editor's node types. n8n rewrites that file in place when it
 * reloads, so a read during the rewrite gets a cut JSON (seen in CI): such a read is retried, a few
 * times only.
 */
async function nodeTypeDescription(): Promise<string | undefined> {
	for (let attempt = 1; ; attempt++) {
		const answer = await fetch(`${dev!.url}/types/nodes.json`, {
			headers: { cookie },
			signal: AbortSignal.timeout(30_000),
		});
		expect(answer.status).toBe(200);
		const text = await answer.text();
		// n8n writes one entry per line, then the closing bracket on its own (frontend.service.js).
		if (!/\n\]\s*$/.test(text) && attempt < 20) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			continue;
		}
		const types = JSON.parse(text) as Array<{ name: string; description: string }>;
		return types.find((type) => type.name === NODE_TYPE)?.description;
	}
}

test('the editor answers at the printed URL, and the printed owner can log in', async () => {
	expect(dev!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	const editor = await fetch(dev!.url, { signal: AbortSignal.timeout(30_000) });
	expect(editor.status).toBe(200);
	expect(await editor.text()).toContain('<div id="app"');
	const login = await fetch(`${dev!.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: dev!.email, password: dev!.password }),
		signal: AbortSignal.timeout(30_000),
	});
	expect(login.status).toBe(200);
	cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
	expect(cookie).toMatch(/^n8n-auth=/);
	expect(await nodeTypeDescription()).toBe(
		descriptionIn(readFileSync(join(dev!.checkout, NODE_FILE), 'utf8')),
	);
});

test("a changed node description reaches the editor's node types after the rebuild", async () => {
	const file = join(dev!.checkout, NODE_FILE);
	const source = readFileSync(file, 'utf8');
	const before = descriptionIn(source)!;
	expect(await nodeTypeDescription()).toBe(before);
	const changed = `${before} (edited ${Date.now()})`;
	const since = dev!.outputLength();
	const savedAt = Date.now();
	writeFileSync(file, source.replace(`'${before}'`, `'${changed}'`));

	let seen: string | undefined;
	const deadline = savedAt + 120_000;
	while (Date.now() < deadline && (seen = await nodeTypeDescription()) !== changed) {
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const seconds = ((Date.now() - savedAt) / 1000).toFixed(1);
	expect(seen).toBe(changed);
	await dev!.waitFor(
		/dev: reloaded; the editor has the new build [\d.]+ s after the change/,
		since,
		30_000,
	);
	const steps = dev!.text(since).match(/dev: (?:rebuilt in [\d.]+ s|reloaded;.*)/g) ?? [];
	process.stderr.write(
		`npm run dev: the editor's node types had the change ${seconds} s after the save (${steps.join('; ')})\n`,
	);
	// The repository's own source is untouched: only the copy changed.
	expect(descriptionIn(readFileSync(join(repoRoot, NODE_FILE), 'utf8'))).toBe(before);
});

test('a type error keeps the last good build in n8n and is shown', async () => {
	const file = join(dev!.checkout, NODE_FILE);
	const source = readFileSync(file, 'utf8');
	const working = await nodeTypeDescription();
	const since = dev!.outputLength();
	writeFileSync(file, source.replace('version: 1,', "version: 'one',"));
	await dev!.waitFor(
		/dev: 1 type error; n8n keeps the last good build:\n\s+nodes\/Hurdle\/Hurdle\.node\.ts\(\d+,\d+\): error TS\d+/,
		since,
		120_000,
	);
	expect(await nodeTypeDescription()).toBe(working);
	writeFileSync(file, source);
	await dev!.waitFor(/dev: compiled; the build is unchanged, nothing to reload/, since, 120_000);
});

test('Ctrl-C stops npm run dev, tsc and n8n', async () => {
	expect(dev!.recordedAlive().length).toBe(2);
	expect(await dev!.interrupt(60_000)).toBe(true);
	expect(dev!.recordedAlive()).toEqual([]);
	await expect(fetch(dev!.url, { signal: AbortSignal.timeout(10_000) })).rejects.toThrow();
}, 90_000);

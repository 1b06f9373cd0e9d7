/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test support runs in Node, not inside n8n */
import { spawn, type ChildProcess } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cleanUpEarlierRuns, isAlive, signalGroup, waitForExit } from '../../dev/n8n/processGroup';
import { cacheDir, repoRoot } from '../../dev/n8n/runtime';

/** What `npm run dev` needs of a checkout; node_modules is linked, not copied. */
const CHECKOUT_ENTRIES = [
	'package.json',
	'tsconfig.json',
	'.npmrc',
	'nodes',
	'credentials',
	'dev',
	'examples',
];
/** The dev loop's run folders in a checkout (tsc's and n8n's), as dev/devLoop/devLoop.ts names them. */
const WORK_ROOTS = ['tsc', 'n8n'].map((name) => join('build', 'devLoop', name));

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** A copy of this checkout in the temporary folder, so that the test can edit its sources. */
export function copyCheckout(): string {
	const copy = mkdtempSync(join(tmpdir(), 'lab-testing-devloop-'));
	for (const entry of CHECKOUT_ENTRIES) {
		cpSync(join(repoRoot, entry), join(copy, entry), { recursive: true });
	}
	symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
	return copy;
}

/** `npm run dev` running in a checkout: its output, the editor's URL and login, and a bounded stop. */
export class DevLoopRun {
	private output = '';
	url = '';
	email = '';
	password = '';

	private constructor(
		readonly checkout: string,
		private readonly child: ChildProcess,
	) {
		child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
		child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
	}

	/** Starts `npm run dev -- --port 0` and waits (bounded) for the lines that give the URL and the login. */
	static async start(checkout: string, timeoutMs: number): Promise<DevLoopRun> {
		const env = Object.fromEntries(
			Object.entries(process.env).filter(
				([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_'),
			),
		);
		const child = spawn('npm', ['run', 'dev', '--', '--port', '0'], {
			cwd: checkout,
			env: { ...env, LAB_TESTING_CACHE_DIR: cacheDir },
			stdio: ['ignore', 'pipe', 'pipe'],
			// Its own process group, so that Ctrl-C (SIGINT to the group) reaches npm and the dev loop alike.
			detached: true,
		});
		child.on('error', () => undefined);
		const run = new DevLoopRun(checkout, child);
		await run.waitFor(/dev: press Ctrl-C/, 0, timeoutMs);
		run.url = /dev: n8n is running at (\S+)/.exec(run.output)?.[1] ?? '';
		[, run.email = '', run.password = ''] = /dev: log in as (\S+) \/ (\S+)/.exec(run.output) ?? [];
		return run;
	}

	get running(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	/** The output so far; pass `outputLength()` as `since` to wait only for what comes later. */
	text(since = 0): string {
		return this.output.slice(since);
	}

	outputLength(): number {
		return this.output.length;
	}

	async waitFor(pattern: RegExp, since: number, timeoutMs: number): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const found = pattern.exec(this.text(since));
			if (found) return found[0];
			if (!this.running) break;
			await sleep(200);
		}
		throw new Error(
			`npm run dev ${this.running ? `did not print ${pattern} within ${timeoutMs / 1000} s` : `exited (${this.child.exitCode ?? this.child.signalCode})`}:\n${this.output.slice(-4000)}`,
		);
	}

	/** Ctrl-C, as a contributor stops it; resolves with whether everything exited within `timeoutMs`. */
	async interrupt(timeoutMs: number): Promise<boolean> {
		if (this.child.pid === undefined) return true;
		signalGroup(this.child.pid, 'SIGINT');
		return await waitForExit(this.child, timeoutMs);
	}

	/** The processes the dev loop recorded (tsc, n8n) that are still alive. */
	recordedAlive(): number[] {
		return WORK_ROOTS.flatMap((workRoot) => {
			const root = join(this.checkout, workRoot);
			if (!existsSync(root)) return [];
			return readdirSync(root).flatMap((run) =>
				readdirSync(join(root, run))
					.filter((file) => file.endsWith('.pid.json'))
					.map(
						(file) =>
							(JSON.parse(readFileSync(join(root, run, file), 'utf8')) as { pid: number }).pid,
					)
					.filter((pid) => isAlive(pid)),
			);
		});
	}

	/** Whatever is left goes: the npm group, then tsc and n8n through their pid files; the copy is removed. */
	async cleanUp(): Promise<void> {
		if (this.child.pid !== undefined && this.running) {
			signalGroup(this.child.pid, 'SIGKILL');
			await waitForExit(this.child, 10_000);
		}
		for (const workRoot of WORK_ROOTS) {
			cleanUpEarlierRuns(
				join(this.checkout, workRoot),
				(file) => file.endsWith('.pid.json'),
				'user-folder',
				0,
			);
		}
		rmSync(this.checkout, { recursive: true, force: true });
	}
}

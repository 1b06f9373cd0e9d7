/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test support runs in Node, not inside n8n */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { stopFakes, type RunningFakes } from '../../dev/fakes/startFakes';
import type { N8nInstance } from '../../dev/n8n';
import { installedRuntime, repoRoot, type Runtime } from '../../dev/n8n/runtime';

/**
 * What the e2e and editor projects' globalSetups share (test/e2e/, test/editor/): the runtime, what
 * they started (kept on the global object, since jest runs globalTeardown in the same process), and
 * the state file that hands the running n8n to the test files.
 */

/** Installs the runtime (cached) and reports progress lines prefixed with the project's name. */
export function prepareRuntime(project: string): {
	runtime: Runtime;
	progress: (step: string) => void;
} {
	const started = Date.now();
	const progress = (step: string) =>
		process.stderr.write(`${project}: ${step} [${((Date.now() - started) / 1000).toFixed(1)} s]\n`);
	process.stderr.write('\n');
	execFileSync(process.execPath, [join(repoRoot, 'dev', 'n8n', 'install.mjs')], {
		stdio: 'inherit',
	});
	return { runtime: installedRuntime(), progress };
}

interface Running {
	fakes: RunningFakes;
	/** Absent while n8n is still starting. */
	n8n?: N8nInstance;
}

/** What one project's globalSetup started, under its own name on the global object, and its stop. */
export function runningRegistry(name: string) {
	const registry = globalThis as typeof globalThis & Record<string, Running | undefined>;
	return {
		remember(running: Running): void {
			registry[name] = running;
		},
		async stop(): Promise<void> {
			const running = registry[name];
			registry[name] = undefined;
			if (!running) return;
			try {
				await running.n8n?.stop();
			} finally {
				await stopFakes(running.fakes);
			}
		},
	};
}

/**
 * A project's state, handed from globalSetup to the test files through a file named in `variable`
 * (the test workers inherit it). `read` is for a test file, once at its top.
 */
export function stateFile<State>(variable: string, project: string) {
	let state: State | undefined;
	return {
		write(file: string, value: State): void {
			writeFileSync(file, JSON.stringify(value, null, '\t'));
			process.env[variable] = file;
		},
		read(): State {
			if (!state) {
				const file = process.env[variable];
				if (!file)
					throw new Error(
						`${variable} is not set: run the ${project} tests through jest (npm test), whose globalSetup starts n8n`,
					);
				state = JSON.parse(readFileSync(file, 'utf8')) as State;
			}
			return state;
		},
	};
}

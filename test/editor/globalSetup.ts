/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { chromiumExecutable } from '../../dev/n8n/browser';
import { startFakes, stopFakes, type RunningFakes } from '../../dev/fakes/startFakes';
import { N8nInstance } from '../../dev/n8n';
import { PROVIDER_KEYS, type ProviderKey } from '../../dev/fakes';
import { cacheDir, installedRuntime, repoRoot } from '../../dev/n8n/runtime';
import { writeEditorState } from './environment';
import { editorCredentials, type EditorFakes } from './fixtures';

/** What globalSetup started, kept on the global object: jest runs globalTeardown in the same process. */
interface Running {
	fakes: RunningFakes;
	n8n?: N8nInstance;
}

const registry = globalThis as typeof globalThis & { labTestingEditor?: Running };

/**
 * Starts what the editor tests share: the fake provider APIs and one real n8n of its own (apart from
 * the e2e run's, so that neither sees the other's workflows, executions or fake requests), with the
 * editor credentials imported and no workflow: each test builds its workflow in the editor. Also
 * inflates Chromium once. globalTeardown stops both; if this fails halfway, it stops what it started.
 */
export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const progress = (step: string) =>
		process.stderr.write(`editor: ${step} [${((Date.now() - started) / 1000).toFixed(1)} s]\n`);
	process.stderr.write('\n');
	execFileSync(process.execPath, [join(repoRoot, 'dev', 'n8n', 'install.mjs')], {
		stdio: 'inherit',
	});
	const runtime = installedRuntime();
	progress('inflating Chromium from @sparticuz/chromium (once per version)');
	const chromium = chromiumExecutable();

	const fakes = await startFakes();
	registry.labTestingEditor = { fakes };
	try {
		const urls: EditorFakes = {
			...(Object.fromEntries(PROVIDER_KEYS.map((key) => [key, fakes[key].url])) as Record<
				ProviderKey,
				string
			>),
			junctionManagement: fakes.junctionManagement.url,
			junctionWrites: fakes.junctionWrites.url,
		};
		const n8n = await N8nInstance.start({
			workRoot: join(cacheDir, 'editor'),
			packageRoot: process.env.LAB_TESTING_E2E_PACKAGE || repoRoot,
			runtime,
			credentials: editorCredentials(urls),
			onProgress: progress,
		});
		registry.labTestingEditor = { fakes, n8n };
		writeEditorState(join(n8n.runDir, 'state.json'), {
			n8n: n8n.client.connection,
			owner: n8n.owner,
			fakes: urls,
			chromium,
		});
		progress(`n8n ready at ${n8n.client.baseUrl}; log: ${n8n.logFile}`);
	} catch (error) {
		// jest runs no globalTeardown after a failed globalSetup.
		await stopEditorEnvironment();
		throw error;
	}
}

export async function stopEditorEnvironment(): Promise<void> {
	const running = registry.labTestingEditor;
	registry.labTestingEditor = undefined;
	if (!running) return;
	try {
		await running.n8n?.stop();
	} finally {
		await stopFakes(running.fakes);
	}
}

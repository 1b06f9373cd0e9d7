/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
import { join } from 'node:path';

import { chromiumExecutable } from '../../dev/n8n/browser';
import { startFakes } from '../../dev/fakes/startFakes';
import { N8nInstance } from '../../dev/n8n';
import { PROVIDER_KEYS, type ProviderKey } from '../../dev/fakes';
import { cacheDir, repoRoot } from '../../dev/n8n/runtime';
import { prepareRuntime, runningRegistry } from '../support/sharedRun';
import { writeEditorState } from './environment';
import { editorCredentials, type EditorFakes } from './fixtures';

const running = runningRegistry('labTestingEditor');
/** Stops the n8n and the fakes globalSetup started. */
export const stopEditorEnvironment = running.stop;

/**
 * Starts what the editor tests share: the fake provider APIs and one real n8n of its own (apart from
 * the e2e run's, so that neither sees the other's workflows, executions or fake requests), with the
 * editor credentials imported and no workflow: each test builds its workflow in the editor. Also
 * inflates Chromium once. globalTeardown stops both; if this fails halfway, it stops what it started.
 */
export default async function globalSetup(): Promise<void> {
	const { runtime, progress } = prepareRuntime('editor');
	progress('inflating Chromium from @sparticuz/chromium (once per version)');
	const chromium = chromiumExecutable();

	const fakes = await startFakes();
	running.remember({ fakes });
	try {
		const urls: EditorFakes = {
			...(Object.fromEntries(PROVIDER_KEYS.map((key) => [key, fakes[key].url])) as Record<
				ProviderKey,
				string
			>),
			junctionManagement: fakes.junctionManagement.url,
			junctionWrites: fakes.junctionWrites.url,
			hurdleWrites: fakes.hurdleWrites.url,
			lmlWrites: fakes.lmlWrites.url,
		};
		const n8n = await N8nInstance.start({
			workRoot: join(cacheDir, 'editor'),
			packageRoot: process.env.LAB_TESTING_E2E_PACKAGE || repoRoot,
			runtime,
			credentials: editorCredentials(urls),
			onProgress: progress,
		});
		running.remember({ fakes, n8n });
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

/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
import { join } from 'node:path';

import { fakeUrlsOf, startFakes } from '../../dev/fakes/startFakes';
import { N8nInstance } from '../../dev/n8n';
import { cacheDir, repoRoot } from '../../dev/n8n/runtime';
import { prepareRuntime } from '../support/sharedRun';
import { writeE2eState } from './environment';
import { fixturesToImport } from './fixtures';
import { rememberRunning, stopRunning } from './running';

/**
 * Starts what every e2e test file shares: the fake provider APIs and one real n8n with all the e2e
 * credentials and workflows imported and published. globalTeardown stops both; if this fails
 * halfway, whatever did start is stopped here.
 */
export default async function globalSetup(): Promise<void> {
	const { runtime, progress } = prepareRuntime('e2e');

	const fakes = await startFakes();
	rememberRunning({ fakes });
	try {
		const urls = fakeUrlsOf(fakes);
		const { credentials, workflows, webhooks } = fixturesToImport(urls);
		const n8n = await N8nInstance.start({
			workRoot: join(cacheDir, 'e2e'),
			// Another build of the package (an unpacked `npm pack`, say) can stand in for this checkout's.
			packageRoot: process.env.LAB_TESTING_E2E_PACKAGE || repoRoot,
			runtime,
			credentials,
			workflows,
			webhooks,
			onProgress: progress,
		});
		rememberRunning({ n8n, fakes });
		writeE2eState(join(n8n.runDir, 'state.json'), {
			n8n: n8n.client.connection,
			fakes: urls,
			listedButNotBuilt: n8n.installedPackage.listedButNotBuilt,
		});
		for (const file of n8n.installedPackage.listedButNotBuilt) {
			progress(
				`WARNING: package.json lists ${file}, which the build did not produce; it was left out`,
			);
		}
		progress(`n8n ready at ${n8n.client.baseUrl}; log: ${n8n.logFile}`);
	} catch (error) {
		// jest runs no globalTeardown after a failed globalSetup.
		await stopRunning();
		throw error;
	}
}

/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test support runs in Node, not inside n8n */
import { join } from 'node:path';

import {
	localCredentials,
	localWorkflows,
	type LocalEndpoints,
	type LocalWorkflow,
} from './examples';
import { startFakes, stopFakes, type RunningFakes } from '../fakes/startFakes';
import { N8nInstance, type CredentialJson, type N8nStartOptions, type WorkflowJson } from '../n8n';
import { TEST_PROVIDERS } from '../fakes';
import { cacheDir, installedRuntime, repoRoot } from '../n8n/runtime';

/**
 * What `npm start` and the screenshot tool run: the fake APIs, the capture server, and a local n8n with
 * the package and the example workflows published. `stop()` ends all of it.
 */
export interface DemoEnvironment {
	fakes: RunningFakes;
	n8n: N8nInstance;
	workflows: LocalWorkflow[];
	stop(): Promise<void>;
}

/** Imported besides the demo's own, e.g. an example exactly as a user imports it. */
export interface DemoExtras {
	credentials?: CredentialJson[];
	workflows?: WorkflowJson[];
	/** n8n settings other than the demo's, e.g. the dev loop's hot reload, package, run folder and port. */
	n8n?: Partial<Pick<N8nStartOptions, 'env' | 'workRoot' | 'preferredPort' | 'packageRoot'>>;
}

export async function startDemoEnvironment(
	onProgress: (step: string) => void,
	extras: DemoExtras = {},
): Promise<DemoEnvironment> {
	onProgress(
		`starting the fake ${TEST_PROVIDERS.map((provider) => provider.shortName).join(', ')} APIs, the message capture server and a FHIR server`,
	);
	const fakes = await startFakes();
	let started: DemoEnvironment | undefined;
	try {
		const endpoints: LocalEndpoints = {
			apis: Object.fromEntries(
				TEST_PROVIDERS.map(({ key }) => [key, fakes[key].url]),
			) as LocalEndpoints['apis'],
			capture: fakes.capture.url,
			captureSmtpPort: fakes.capture.smtpPort,
			fhir: fakes.fhir.baseUrl,
		};
		const workflows = localWorkflows(endpoints);
		const n8n = await N8nInstance.start({
			workRoot: extras.n8n?.workRoot ?? join(cacheDir, 'demo'),
			packageRoot: extras.n8n?.packageRoot ?? repoRoot,
			runtime: installedRuntime(),
			credentials: [...localCredentials(endpoints), ...(extras.credentials ?? [])],
			workflows: [...workflows.map((workflow) => workflow.json), ...(extras.workflows ?? [])],
			webhooks: workflows.flatMap((workflow) =>
				workflow.triggers.map((trigger) => trigger.webhookPath),
			),
			preferredPort: extras.n8n?.preferredPort ?? 5678,
			env: extras.n8n?.env,
			onProgress,
		});
		started = {
			fakes,
			n8n,
			workflows,
			stop: async () => {
				await n8n.stop();
				await stopFakes(fakes);
			},
		};
		return started;
	} finally {
		// N8nInstance.start stops its own n8n when it fails; the fakes are ours to stop.
		if (!started) await stopFakes(fakes);
	}
}

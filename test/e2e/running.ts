/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { stopFakes, type RunningFakes } from '../../dev/fakes/startFakes';
import type { N8nInstance } from '../../dev/n8n';

/** What globalSetup started, kept on the global object: jest runs globalTeardown in the same process. */
interface Running {
	fakes: RunningFakes;
	/** Absent while n8n is still starting. */
	n8n?: N8nInstance;
}

const registry = globalThis as typeof globalThis & { labTestingE2e?: Running };

export function rememberRunning(running: Running): void {
	registry.labTestingE2e = running;
}

export async function stopRunning(): Promise<void> {
	const running = registry.labTestingE2e;
	registry.labTestingE2e = undefined;
	if (!running) return;
	try {
		await running.n8n?.stop();
	} finally {
		await stopFakes(running.fakes);
	}
}

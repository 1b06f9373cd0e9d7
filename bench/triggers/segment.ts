import type { N8nInstance } from '../../dev/n8n';
import { benchDelivery } from '../deliveries';
import { fire, loadFigures, type LoadResult, type PreparedRequest } from '../load';
import { cpuMs, newestExecutionId, waitForExecutions } from './executions';
import type { Segment, Target } from './types';

/** The number of the next delivery: every request of a run carries a record id of its own. */
let unique = 0;

export async function runSegment(
	n8n: N8nInstance,
	target: Target,
	requests: number,
	concurrency: number,
	round: number,
): Promise<Segment> {
	const prepared: PreparedRequest[] = Array.from({ length: requests }, () => ({
		...benchDelivery(target.provider, unique++),
		path: `/webhook/${target.webhookPath}`,
	}));
	const afterId = await newestExecutionId(n8n.client, target.workflowId);
	const pid = n8n.pid!;
	const cpuBefore = cpuMs(pid);
	const load: LoadResult = await fire({
		baseUrl: n8n.client.baseUrl,
		requests: prepared,
		concurrency,
		isExpected: target.isExpected,
	});
	const executions = await waitForExecutions(n8n.client, target.workflowId, afterId, requests);
	const cpuAfter = cpuMs(pid);
	const lastStop = Math.max(
		...executions.map((execution) => Date.parse(execution.stoppedAt ?? '')),
	);
	const failures: string[] = [];
	if (load.errors) failures.push(`${load.errors} socket errors (${load.firstError})`);
	if (load.expectedAnswers !== requests)
		failures.push(
			`${requests - load.expectedAnswers} unexpected answers: ${JSON.stringify(load.statuses)}`,
		);
	const failed = executions.filter((execution) => execution.status !== 'success');
	if (failed.length) {
		const first = await n8n.client.execution(failed[0].id);
		failures.push(
			`${failed.length} executions did not succeed (execution ${first.id}: ${first.error?.message ?? first.status})`,
		);
	}
	if (executions.length !== requests)
		failures.push(`${executions.length} executions for ${requests} requests`);
	return {
		round,
		...loadFigures(load, requests, lastStop),
		// The status polls above run in n8n too, equally for every target; they are a small part.
		n8nCpuMsPerRequest: (cpuAfter - cpuBefore) / requests,
		failures,
	};
}

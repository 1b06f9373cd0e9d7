/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- the rig runs in Node, not inside n8n */
import { join } from 'node:path';

import { N8nInstance } from '../../dev/n8n';
import { cacheDir, repoRoot, type Runtime } from '../../dev/n8n/runtime';
import {
	inPool,
	newestExecutionId,
	newerThan,
	send,
	seriesCredentials,
	seriesDelivery,
	slowTriggerWorkflow,
	statusSummary,
	unusedFakeUrls,
} from '../../dev/n8n/series';

/**
 * The measurement in regular mode (sqlite, one `n8n start`): with N8N_CONCURRENCY_PRODUCTION_LIMIT=1
 * and a workflow that takes ~2 s per execution, 10 deliveries at once. n8n's ActiveExecutions.add
 * waits for a free slot before WorkflowRunner.run() returns, so a trigger that answers only once n8n
 * has the execution answers the 10th delivery after ~9 executions' time. Prints figures; asserts
 * nothing about time.
 */
const DELIVERIES = 10;
const SECONDS_PER_EXECUTION = 2;
const SERIES = 20;

export interface Measurement {
	lines: string[];
}

const percentile = (sorted: number[], p: number) =>
	sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export async function measureConcurrencyLimit(
	runtime: Runtime,
	progress: (step: string) => void,
): Promise<Measurement> {
	const workflow = slowTriggerWorkflow(
		'scale regular: LML Trigger → Wait 2 s',
		'londonMedicalLaboratory',
		SECONDS_PER_EXECUTION,
	);
	const n8n = await N8nInstance.start({
		workRoot: join(cacheDir, 'scale-regular'),
		packageRoot: process.env.LAB_TESTING_E2E_PACKAGE || repoRoot,
		runtime,
		credentials: seriesCredentials(unusedFakeUrls()),
		workflows: [workflow.json],
		webhooks: [workflow.webhookPath],
		env: {
			EXECUTIONS_MODE: 'regular',
			DB_TYPE: 'sqlite',
			N8N_CONCURRENCY_PRODUCTION_LIMIT: '1',
		},
		onProgress: (step) => progress(`regular mode: ${step}`),
	});
	try {
		const afterId = await newestExecutionId(n8n.client, workflow.id);
		const started = Date.now();
		const outcomes = await inPool(
			DELIVERIES,
			Array.from(
				{ length: DELIVERIES },
				(_, index) => async () =>
					await send(
						n8n.client.webhookUrl(workflow),
						seriesDelivery('londonMedicalLaboratory', SERIES, index),
						30_000,
					),
			),
		);
		const { executions, settled } = await n8n.client.waitUntilSettled(workflow.id, {
			quietMs: 3_000,
			timeoutMs: 120_000,
			minimum: DELIVERIES,
		});
		const fresh = newerThan(executions, afterId);
		const lastStop = Math.max(
			...fresh.map((record) => (record.stoppedAt ? Date.parse(record.stoppedAt) : 0)),
		);
		const times = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
		const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
		return {
			lines: [
				`regular mode (sqlite), N8N_CONCURRENCY_PRODUCTION_LIMIT=1, LML Trigger → Wait ${SECONDS_PER_EXECUTION} s, ${DELIVERIES} deliveries at concurrency ${DELIVERIES}:`,
				`  answers: ${statusSummary(outcomes)}`,
				`  response times: min ${seconds(times[0])}, p50 ${seconds(percentile(times, 50))}, p90 ${seconds(percentile(times, 90))}, max ${seconds(times[times.length - 1])}`,
				`  each, sorted: ${times.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s`,
				`  executions: ${fresh.length}${settled ? '' : ' (NOT settled within 120 s)'}, the last one finished ${lastStop ? seconds(lastStop - started) : '?'} after the first delivery was sent`,
				'  (providers time out after ~15 s; no assertion: figures only)',
			],
		};
	} finally {
		await n8n.stop();
	}
}

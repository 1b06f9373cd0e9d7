/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { readFileSync } from 'node:fs';

import type { N8nClient } from '../../dev/n8n';

/** CPU time (user + system) a process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export interface ExecutionSummary {
	id: string;
	status: string;
	stoppedAt: string | null;
}

export async function newestExecutionId(client: N8nClient, workflowId: string): Promise<number> {
	const { data } = await client.api<{ data: ExecutionSummary[] }>(
		'GET',
		`/executions?workflowId=${workflowId}&limit=1&includeData=false`,
	);
	return data.length ? Number(data[0].id) : 0;
}

/** Finished executions of a workflow with an id above `afterId` (n8n lists them newest first). */
export async function executionsAfter(
	client: N8nClient,
	workflowId: string,
	afterId: number,
): Promise<ExecutionSummary[]> {
	const found: ExecutionSummary[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < 1000; page++) {
		const query = new URLSearchParams({ workflowId, limit: '250', includeData: 'false' });
		if (cursor) query.set('cursor', cursor);
		const { data, nextCursor } = await client.api<{
			data: ExecutionSummary[];
			nextCursor?: string | null;
		}>('GET', `/executions?${query.toString()}`);
		const newer = data.filter((execution) => Number(execution.id) > afterId);
		found.push(...newer);
		if (newer.length < data.length || !nextCursor) break;
		cursor = nextCursor;
	}
	return found;
}

/** Waits (bounded) until n8n has finished `count` executions newer than `afterId`. */
export async function waitForExecutions(
	client: N8nClient,
	workflowId: string,
	afterId: number,
	count: number,
	timeoutMs = 180_000,
): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await executionsAfter(client, workflowId, afterId);
		if (found.length >= count) return found;
		if (Date.now() > deadline)
			throw new Error(
				`n8n finished only ${found.length} of ${count} executions within ${timeoutMs / 1000} s`,
			);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

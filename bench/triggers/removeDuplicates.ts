import type { INode } from 'n8n-workflow';

import type { N8nClient } from '../../dev/n8n';
import { stableUuid, type E2eWorkflow } from '../../dev/n8n/workflows';
import { BENCH_UUID_PREFIX } from '../deliveries';
import { newestExecutionId } from './executions';
import { WEBHOOK_NODE, webhookNode, webhookWorkflow } from './workflows';

/**
 * The peer of equal function: exactly-once built by hand from n8n's own nodes, as a user without this
 * package would. The Webhook node checks the secret header (Header Auth, the credential the Header Auth
 * target uses) and answers on receipt; Remove Duplicates (its operation "Remove Items Processed in
 * Previous Executions") then drops a delivery whose record id it has seen before. n8n keeps those ids
 * in its database: one row per node holding every id, read twice and written once per execution.
 */
export const REMOVE_DUPLICATES_NODE = 'Remove Duplicates';

/** The id the bench bodies make unique per delivery: LML's counted event's test registration. */
const DEDUPE_VALUE = '={{ $json.body.data.testregistration_id }}';

/**
 * Remove Duplicates' own default, and the default of our trigger's Duplicate Memory. Unlike our ledger,
 * n8n's history does not forget its oldest ids at the bound: past it, every execution fails ("exceeds the
 * maximum history size"). Each bench run starts n8n with a new database and stays far below it.
 */
const HISTORY_SIZE = 10_000;

export function removeDuplicatesWorkflow(): E2eWorkflow {
	const name = 'bench: n8n Webhook node, Header Auth, Remove Duplicates';
	const removeDuplicates: INode = {
		id: stableUuid(`${name}/removeDuplicates`),
		name: REMOVE_DUPLICATES_NODE,
		type: 'n8n-nodes-base.removeDuplicates',
		// The newest version in n8n 2.41.1, the one the editor adds.
		typeVersion: 2,
		position: [220, 0],
		parameters: {
			operation: 'removeItemsSeenInPreviousExecutions',
			logic: 'removeItemsWithAlreadySeenKeyValues',
			dedupeValue: DEDUPE_VALUE,
			// Scope stays at its default, Node: the ids live in one row for this node.
			options: { historySize: HISTORY_SIZE },
		},
	};
	return webhookWorkflow(name, webhookNode(name, true), [removeDuplicates], {
		[WEBHOOK_NODE]: { main: [[{ node: REMOVE_DUPLICATES_NODE, type: 'main', index: 0 }]] },
	});
}

/**
 * Proof that the peer does its work rather than fail fast: the newest execution passed its delivery
 * through Remove Duplicates (every bench delivery is new, so it keeps the one item and discards none),
 * keyed on the delivery's own record id.
 */
export async function checkRemoveDuplicatesRan(
	client: N8nClient,
	workflowId: string,
): Promise<void> {
	const id = await newestExecutionId(client, workflowId);
	const execution = await client.execution(String(id));
	const kept = execution.items(REMOVE_DUPLICATES_NODE, 0);
	const discarded = execution.items(REMOVE_DUPLICATES_NODE, 1);
	const body = kept[0]?.json.body as { data?: { testregistration_id?: unknown } } | undefined;
	const key = body?.data?.testregistration_id;
	if (
		execution.status !== 'success' ||
		kept.length !== 1 ||
		discarded.length !== 0 ||
		typeof key !== 'string' ||
		!key.startsWith(BENCH_UUID_PREFIX)
	)
		throw new Error(
			`Remove Duplicates did not pass the delivery in execution ${id}: status ${execution.status}, nodes run ${execution.nodesRun.join(', ') || 'none'}, kept ${kept.length}, discarded ${discarded.length}, key ${String(key)}`,
		);
}

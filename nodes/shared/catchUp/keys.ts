import { deliveryFingerprint } from '../trigger/ledger';

/**
 * The id of one status change of one record: the same whether the change arrives by webhook or is
 * found by a catch-up round, so either can tell that the other already ran it. 128 bits of SHA-256
 * over the provider, the kind of record, its id and the change (never patient data).
 */
export function changeId(providerKey: string, parts: readonly unknown[]): string {
	return deliveryFingerprint(['change', providerKey, ...parts]);
}

/**
 * The execution deduplication key of a change: n8n's unique index over it is global, across workflows,
 * so it names the workflow. A second emission of the change creates no execution, in any process,
 * before or after a restart, for as long as the first execution is kept.
 */
export function executionKey(workflowId: string, change: string): string {
	return `lab-testing:${workflowId}:${change}`;
}

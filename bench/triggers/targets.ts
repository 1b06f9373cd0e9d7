import type { E2eWorkflow } from '../../dev/n8n/workflows';
import { formatNumber } from '../stats';
import { FULL_LEDGER_ENTRIES, LML, PROVIDERS, PROVIDER_NAMES } from './workflows';
import type { Target } from './types';

/** The workflows measure 1 sends to, as published. */
export interface BenchWorkflows {
	triggers: E2eWorkflow[];
	fullLedger: E2eWorkflow;
	webhookNode: E2eWorkflow;
	webhookNodeHeaderAuth: E2eWorkflow;
}

/** Our triggers answer "accepted" once the execution has started. */
const accepted = (status: number, body: string) => status === 200 && body.includes('"accepted"');
/** n8n's Webhook node, responding on receipt. */
const started = (status: number, body: string) =>
	status === 200 && body.includes('Workflow was started');

/** Every target, in the order they run in round 1: each provider's, the LML evidence beside LML's. */
export function benchTargets(workflows: BenchWorkflows): Target[] {
	const { triggers, fullLedger, webhookNode, webhookNodeHeaderAuth } = workflows;
	const all: Target[] = PROVIDERS.flatMap((provider, index) => [
		{
			name: `${PROVIDER_NAMES[provider]} Trigger`,
			provider,
			kind: 'trigger' as const,
			workflowId: triggers[index].id,
			webhookPath: triggers[index].webhookPath,
			isExpected: accepted,
		},
		{
			name: `Webhook node (${PROVIDER_NAMES[provider]} bodies)`,
			provider,
			kind: 'webhookNode' as const,
			workflowId: webhookNode.id,
			webhookPath: webhookNode.webhookPath,
			isExpected: started,
		},
	]);
	all.splice(1, 0, {
		name: `LML Trigger, ledger full (${formatNumber(FULL_LEDGER_ENTRIES)})`,
		provider: LML,
		kind: 'triggerFullLedger',
		workflowId: fullLedger.id,
		webhookPath: fullLedger.webhookPath,
		isExpected: accepted,
	});
	all.splice(3, 0, {
		name: 'Webhook node + Header Auth (LML bodies)',
		provider: LML,
		kind: 'webhookNodeHeaderAuth',
		workflowId: webhookNodeHeaderAuth.id,
		webhookPath: webhookNodeHeaderAuth.webhookPath,
		isExpected: started,
	});
	return all;
}

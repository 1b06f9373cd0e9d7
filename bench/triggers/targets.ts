import type { E2eWorkflow } from '../../dev/n8n/workflows';
import type { ProviderKey } from '../../dev/fakes';
import { formatNumber } from '../stats';
import { checkRemoveDuplicatesRan } from './removeDuplicates';
import {
	FULL_LEDGER_ENTRIES,
	LARGE_LEDGER_ENTRIES,
	LML,
	PROVIDERS,
	PROVIDER_NAMES,
} from './workflows';
import type { Target, TargetKind } from './types';

/** The workflows measure 1 sends to, as published. */
export interface BenchWorkflows {
	triggers: E2eWorkflow[];
	fullLedger: E2eWorkflow;
	fullLedger100k: E2eWorkflow;
	webhookNode: E2eWorkflow;
	webhookNodeHeaderAuth: E2eWorkflow;
	removeDuplicates: E2eWorkflow;
}

/** Our triggers answer "accepted" once the execution has started. */
const accepted = (status: number, body: string) => status === 200 && body.includes('"accepted"');
/** n8n's Webhook node, responding on receipt. */
const started = (status: number, body: string) =>
	status === 200 && body.includes('Workflow was started');

function target(
	name: string,
	provider: ProviderKey,
	kind: TargetKind,
	workflow: E2eWorkflow,
	isExpected: Target['isExpected'],
): Target {
	return {
		name,
		provider,
		kind,
		workflowId: workflow.id,
		webhookPath: workflow.webhookPath,
		isExpected,
	};
}

/** Every target, in the order they run in round 1: each provider's, the LML evidence beside LML's. */
export function benchTargets(workflows: BenchWorkflows): Target[] {
	const {
		triggers,
		fullLedger,
		fullLedger100k,
		webhookNode,
		webhookNodeHeaderAuth,
		removeDuplicates,
	} = workflows;
	return PROVIDERS.flatMap((provider, index) => {
		const lml = provider === LML;
		const names = PROVIDER_NAMES[provider];
		return [
			target(`${names} Trigger`, provider, 'trigger', triggers[index], accepted),
			...(lml
				? [
						target(
							`LML Trigger, ledger full (${formatNumber(FULL_LEDGER_ENTRIES)})`,
							LML,
							'triggerFullLedger',
							fullLedger,
							accepted,
						),
						target(
							`LML Trigger, ledger full (${formatNumber(LARGE_LEDGER_ENTRIES)})`,
							LML,
							'triggerFullLedger100k',
							fullLedger100k,
							accepted,
						),
					]
				: []),
			target(`Webhook node (${names} bodies)`, provider, 'webhookNode', webhookNode, started),
			...(lml
				? [
						target(
							'Webhook node + Header Auth (LML bodies)',
							LML,
							'webhookNodeHeaderAuth',
							webhookNodeHeaderAuth,
							started,
						),
						{
							...target(
								'Webhook + Header Auth + Remove Duplicates (LML bodies)',
								LML,
								'webhookNodeHeaderAuthRemoveDuplicates',
								removeDuplicates,
								started,
							),
							firstDeliveryAlone: true,
							checkWarmUp: async (client) =>
								await checkRemoveDuplicatesRan(client, removeDuplicates.id),
						} satisfies Target,
					]
				: []),
		];
	});
}

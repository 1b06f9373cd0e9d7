import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	emptyLedger,
	hasDelivery,
	recordDelivery,
	type DeliveryLedger,
	type LedgerPolicy,
} from './deliveryLedger';
import { storeDelivery, storedLedgerFrom } from './storedLedger';

const STATIC_DATA_KEY = 'deliveries';

/**
 * n8n loads a fresh copy of static data for every webhook call and saves it after the response, so two
 * copies of one delivery arriving together would both pass a check against static data alone. This
 * in-process ledger per trigger node closes that window; static data carries the record across restarts,
 * in the compact form of storedLedger.ts.
 */
const inProcessLedgers = new Map<string, DeliveryLedger>();

function inProcessLedger(scope: string): DeliveryLedger {
	let ledger = inProcessLedgers.get(scope);
	if (!ledger) {
		ledger = emptyLedger();
		inProcessLedgers.set(scope, ledger);
	}
	return ledger;
}

/**
 * Claims a delivery for this trigger node. Returns false when the same delivery was claimed before
 * within the policy's time to live: the caller must then not start a workflow.
 */
export function claimDelivery(
	context: IWebhookFunctions,
	fingerprint: string,
	policy: LedgerPolicy,
	nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
	const node = context.getNode();
	// Test deliveries ("Listen for test event") must not mark production ones as seen, and vice versa.
	const scope = `${context.getMode()}:${context.getWorkflow().id ?? ''}:${node.id ?? node.name}`;
	const memory = inProcessLedger(scope);
	const staticData = context.getWorkflowStaticData('node');
	// A plain copy of the five fields: n8n hands static data out wrapped in change-tracking proxies.
	const stored = { ...storedLedgerFrom(staticData[STATIC_DATA_KEY]) };

	if (hasDelivery(memory, fingerprint, nowSeconds)) return false;
	// storeDelivery looks the key up itself, and records it only when it is new.
	if (!storeDelivery(stored, fingerprint, nowSeconds, policy)) return false;
	recordDelivery(memory, fingerprint, nowSeconds, policy);
	// Re-assigning the top-level key marks static data as changed, however deep n8n's change tracking reaches.
	staticData[STATIC_DATA_KEY] = stored as unknown as IDataObject;
	return true;
}

/** For tests: forget the in-process ledgers. */
export function resetInProcessLedgers(): void {
	inProcessLedgers.clear();
}

import type { IDataObject } from 'n8n-workflow';

import { NewestEntries } from '../newestEntries';
import { EMPTY_LEDGER, ledgerHas, ledgerWith, type Ledger } from '../trigger/ledger';
import {
	STORED_LEDGERS_KEY,
	STORED_LEDGERS_VERSION,
	storedLedgersIn,
} from '../trigger/storedLedgers';

/**
 * The changes a workflow's triggers ran, as both kinds of trigger record them: in the same ledgers as
 * the webhook deliveries (workflow static data `labTestingDeliveries`, one ledger per trigger node), so
 * that a webhook delivery of a change the catch-up ran is answered `duplicate`, and a catch-up item for a
 * change a webhook ran passes on nothing. Only fingerprints and expiry times are stored.
 */
function ledgersIn(global: IDataObject): Record<string, Ledger> {
	return storedLedgersIn(global[STORED_LEDGERS_KEY]);
}

/** Whether any trigger of the workflow (other than `exceptTrigger`) ran this change, as stored. */
export function storedChangeRan(
	global: IDataObject,
	change: string,
	nowSeconds: number,
	exceptTrigger?: string,
): boolean {
	return storedLedgersRan(ledgersIn(global), change, nowSeconds, (key) => key !== exceptTrigger);
}

/** Whether one of the ledgers whose key `which` accepts holds the change. */
export function storedLedgersRan(
	ledgers: Record<string, Ledger>,
	change: string,
	nowSeconds: number,
	which: (ledgerKey: string) => boolean = () => true,
): boolean {
	return Object.entries(ledgers).some(
		([key, ledger]) => which(key) && ledgerHas(ledger, change, nowSeconds),
	);
}

/** Static data with the change recorded in this trigger's ledger until `expiresAt`. */
export function recordStoredChange(
	global: IDataObject,
	triggerId: string,
	change: string,
	expiresAt: number,
	nowSeconds: number,
	maxEntries: number,
): void {
	const ledgers = ledgersIn(global);
	ledgers[triggerId] = ledgerWith(
		ledgers[triggerId] ?? EMPTY_LEDGER,
		change,
		expiresAt,
		nowSeconds,
		maxEntries,
	);
	global[STORED_LEDGERS_KEY] = {
		version: STORED_LEDGERS_VERSION,
		ledgers,
	} as unknown as IDataObject;
}

/** Who ran a change: the catch-up, or a webhook. A webhook is a duplicate only of a catch-up run. */
export type Runner = 'catchUp' | 'webhook';

/** The ledger key of a catch-up node: webhook triggers look only at these for changes. */
export function catchUpLedgerKey(nodeId: string): string {
	return `catchUp:${nodeId}`;
}

/**
 * What this process knows that static data may not show yet: the changes run here, per runner and
 * workflow (the webhooks and the catch-up of the same process read them). Bounded by expiry and count.
 */
const MAX_REMEMBERED = 50_000;
const processChanges: Record<Runner, Map<string, NewestEntries<number>>> = {
	catchUp: new Map(),
	webhook: new Map(),
};

export function rememberChange(
	runner: Runner,
	workflowId: string,
	change: string,
	expiresAt: number,
): void {
	const byWorkflow = processChanges[runner];
	let changes = byWorkflow.get(workflowId);
	if (!changes) byWorkflow.set(workflowId, (changes = new NewestEntries()));
	changes.setNewest(change, expiresAt, MAX_REMEMBERED);
}

export function forgetChange(runner: Runner, workflowId: string, change: string): void {
	processChanges[runner].get(workflowId)?.delete(change);
}

/** Whether one of `runners` ran (or is running) the change in this process. */
export function processRanChange(
	runners: Runner[],
	workflowId: string,
	change: string,
	nowSeconds: number,
): boolean {
	return runners.some((runner) => {
		const expiresAt = processChanges[runner].get(workflowId)?.get(change);
		return expiresAt !== undefined && expiresAt > nowSeconds;
	});
}

/** For tests: forget what this process remembers. */
export function forgetProcessChanges(): void {
	processChanges.catchUp.clear();
	processChanges.webhook.clear();
}

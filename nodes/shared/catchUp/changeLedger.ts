import type { IDataObject } from 'n8n-workflow';

import { EMPTY_LEDGER, isLedger, ledgerHas, ledgerWith, type Ledger } from '../trigger/ledger';

/**
 * The changes a workflow's triggers ran, as both kinds of trigger record them: in the same ledgers as
 * the webhook deliveries (workflow static data `labTestingDeliveries`, one ledger per trigger node), so
 * that a webhook delivery of a change the catch-up ran is answered `duplicate`, and a catch-up item for a
 * change a webhook ran passes on nothing. Only fingerprints and expiry times are stored.
 */
const STATIC_DATA_KEY = 'labTestingDeliveries';

function ledgersIn(global: IDataObject): Record<string, Ledger> {
	const stored = global[STATIC_DATA_KEY] as { version?: number; ledgers?: unknown } | undefined;
	if (!stored || stored.version !== 4 || typeof stored.ledgers !== 'object' || !stored.ledgers)
		return {};
	const ledgers: Record<string, Ledger> = {};
	for (const [triggerId, ledger] of Object.entries(stored.ledgers as Record<string, unknown>))
		if (isLedger(ledger)) ledgers[triggerId] = ledger;
	return ledgers;
}

/** Whether any trigger of the workflow (other than `exceptTrigger`) ran this change, as stored. */
export function storedChangeRan(
	global: IDataObject,
	change: string,
	nowSeconds: number,
	exceptTrigger?: string,
): boolean {
	return Object.entries(ledgersIn(global)).some(
		([triggerId, ledger]) => triggerId !== exceptTrigger && ledgerHas(ledger, change, nowSeconds),
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
	global[STATIC_DATA_KEY] = { version: 4, ledgers } as unknown as IDataObject;
}

/**
 * What this process knows that static data may not show yet: the changes its catch-up emitted or ran,
 * per workflow (the webhooks of the same process read it too). Bounded by expiry and count.
 */
const MAX_REMEMBERED = 50_000;
const processChanges = new Map<string, Map<string, number>>();

export function rememberChange(workflowId: string, change: string, expiresAt: number): void {
	let changes = processChanges.get(workflowId);
	if (!changes) processChanges.set(workflowId, (changes = new Map()));
	changes.delete(change);
	changes.set(change, expiresAt);
	for (const oldest of changes.keys()) {
		if (changes.size <= MAX_REMEMBERED) break;
		changes.delete(oldest);
	}
}

export function forgetChange(workflowId: string, change: string): void {
	processChanges.get(workflowId)?.delete(change);
}

export function processRanChange(workflowId: string, change: string, nowSeconds: number): boolean {
	const expiresAt = processChanges.get(workflowId)?.get(change);
	return expiresAt !== undefined && expiresAt > nowSeconds;
}

/** For tests: forget what this process remembers. */
export function forgetProcessChanges(): void {
	processChanges.clear();
}

import {
	sleep,
	type IDataObject,
	type INodeExecutionData,
	type IRun,
	type ITriggerFunctions,
} from 'n8n-workflow';

import { unixNow } from '../values';
import { forgetChange, processRanChange, rememberChange, storedChangeRan } from './changeLedger';
import { changeItems } from './items';
import { executionKey } from './keys';
import type { AnyCatchUpSource, Change } from './source';
import type { CatchUpLedger } from './staticData';
import type { CatchUpSettings } from './settings';

/** Changes of different records run side by side, this many at a time; one record's changes in order. */
const RECORDS_AT_ONCE = 8;
/** A round waits this long for one execution to finish before it counts it as started and goes on. */
const EXECUTION_WAIT_MS = 300_000;
const EXECUTION_POLL_MS = 1000;

/** What a round's emits read and write: static data as loaded at activation, and the ledger view. */
export interface EmitTarget {
	global: IDataObject;
	ledger: CatchUpLedger;
}

/**
 * Emits each change in its own execution, with its key. One record's changes go one after the
 * other, each once the execution of the one before has finished; records go side by side. False when
 * n8n could not start one of them (its database is down, say).
 */
export async function emitInOrder(
	context: ITriggerFunctions,
	source: AnyCatchUpSource,
	runtime: EmitTarget,
	changes: Change[],
	settings: CatchUpSettings,
): Promise<boolean> {
	const byRecord = new Map<string, Change[]>();
	for (const change of changes) {
		const list = byRecord.get(change.record);
		if (list) list.push(change);
		else byRecord.set(change.record, [change]);
	}
	const workflowId = context.getWorkflow().id ?? '';
	const global = runtime.global;
	let failed = false;
	const chains = [...byRecord.values()];
	const next = async (): Promise<void> => {
		for (let chain = chains.shift(); chain && !failed; chain = chains.shift()) {
			for (const change of chain) {
				if (failed) return;
				const now = unixNow();
				if (
					processRanChange(['catchUp', 'webhook'], workflowId, change.id, now) ||
					storedChangeRan(global, change.id, now)
				)
					continue;
				if (!settings.selects(change.event)) continue;
				// Claimed in the same turn as the check: a webhook of this process arriving while the item
				// is built (Fetch Full Data) finds it and answers duplicate.
				rememberChange('catchUp', workflowId, change.id, now + settings.duplicateWindowSeconds);
				runtime.ledger.record(change.id, now + settings.duplicateWindowSeconds);
				let emitted = false;
				try {
					const items = await changeItems(
						context,
						source,
						change,
						settings.options,
						settings.patientData,
						true,
					);
					emitted = await emitOne(context, change, workflowId, items);
				} finally {
					if (!emitted) {
						forgetChange('catchUp', workflowId, change.id);
						runtime.ledger.forget(change.id);
					}
				}
				if (!emitted) {
					failed = true;
					return;
				}
			}
		}
	};
	await Promise.all(Array.from({ length: RECORDS_AT_ONCE }, next));
	return !failed;
}

async function emitOne(
	context: ITriggerFunctions,
	change: Change,
	workflowId: string,
	items: INodeExecutionData[],
): Promise<boolean> {
	if (!items.length) return true;

	const done = context.helpers.createDeferredPromise<IRun>();
	context.emit([items], undefined, done, executionKey(workflowId, change.id));
	let outcome: 'ran' | 'failed' | undefined;
	done.promise.then(
		() => (outcome = 'ran'),
		() => (outcome = 'failed'),
	);
	// Short waits, not one long timer: nothing outlives the round.
	const giveUpAt = Date.now() + EXECUTION_WAIT_MS;
	const settled = done.promise.then(
		() => undefined,
		() => undefined,
	);
	while (outcome === undefined && Date.now() < giveUpAt)
		await Promise.race([settled, sleep(EXECUTION_POLL_MS)]);
	return outcome !== 'failed';
}

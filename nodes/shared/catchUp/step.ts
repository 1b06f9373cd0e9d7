import type { IExecuteFunctions, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { installView, loadStoredDeliveries } from '../webhook/storedDeliveries';

import { unixNow } from '../values';
import {
	catchUpLedgerKey,
	recordStoredChange,
	rememberChange,
	storedChangeRan,
} from './changeLedger';
import { CARRIED_STATE, changeItems, withoutCarriedState } from './items';
import type { AnyCatchUpSource } from './source';
import { catchUpSettings, CHANGE_MEMORY, DEFAULT_SNAPSHOT_SIZE } from './settings';
import { readState, withDelta, writeState, type StateDelta } from './state';

/**
 * The catch-up node's own step inside each execution it started. Its copy of static data was loaded
 * when n8n created the execution, so it sees what webhooks recorded since the main process loaded its
 * own: a change a webhook already ran passes on nothing. Otherwise the change is recorded for the
 * webhooks to see, and the state the main process carried is stored. n8n saves both when the
 * execution ends.
 *
 * In the editor (manual mode) it fetches the most recent change instead, and moves nothing.
 */
export async function runCatchUpStep(
	context: IExecuteFunctions,
	source: AnyCatchUpSource,
): Promise<INodeExecutionData[][]> {
	const settings = catchUpSettings(context);
	if (context.getMode() === 'manual') {
		const latest = await source.latest(context, settings.options);
		if (!latest) return [[]];
		return [
			await changeItems(context, source, latest, settings.options, settings.patientData, true),
		];
	}
	const items = context.getInputData();
	const first = items[0]?.json;
	const change = typeof first?.changeId === 'string' ? first.changeId : undefined;
	if (!change) return [items.map(withoutCarriedState)];
	const node = context.getNode();
	const triggerId = catchUpLedgerKey(node.id ?? node.name);
	const now = unixNow();
	const global = context.getWorkflowStaticData('global');
	const ranByWebhook = storedChangeRan(global, change, now, triggerId);
	const expiresAt = now + settings.duplicateWindowSeconds;
	recordStoredChange(global, triggerId, change, expiresAt, now, CHANGE_MEMORY);
	// The save at the end of this execution writes the whole of static data as loaded when it was
	// created: through the webhooks' view, it also writes what this process's webhooks ran since
	// (regular mode, where they run in this process too).
	const asWebhooks = {
		getMode: () => 'webhook',
		getWorkflow: () => context.getWorkflow(),
		getWorkflowStaticData: (type: string) => context.getWorkflowStaticData(type),
	} as unknown as IWebhookFunctions;
	installView(asWebhooks, loadStoredDeliveries(asWebhooks));
	rememberChange('catchUp', context.getWorkflow().id ?? '', change, expiresAt);
	const nodeData = context.getWorkflowStaticData('node');
	const carried = first[CARRIED_STATE] as StateDelta | undefined;
	writeState(
		nodeData,
		withDelta(readState(nodeData), carried, settings.options.snapshotSize ?? DEFAULT_SNAPSHOT_SIZE),
	);
	return ranByWebhook ? [[]] : [items.map(withoutCarriedState)];
}

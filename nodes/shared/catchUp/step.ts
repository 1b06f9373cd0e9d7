import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { unixNow } from '../values';
import { catchUpLedgerKey, processRanChange, storedChangeRan } from './changeLedger';
import { changeItems } from './items';
import type { AnyCatchUpSource } from './source';
import { catchUpSettings } from './settings';

/**
 * The catch-up node's own step inside each execution it started: the last look before the workflow
 * goes on. Where the execution has static data (regular mode: loaded when n8n created it), a change a
 * webhook trigger of the workflow ran meanwhile passes nothing on. It writes nothing: in queue mode a
 * worker runs the execution without static data, and saving that empty copy would wipe the workflow's.
 *
 * In the editor (manual mode) it fetches the most recent change instead, and moves nothing.
 */
export async function runCatchUpStep(
	context: IExecuteFunctions,
	source: AnyCatchUpSource,
): Promise<INodeExecutionData[][]> {
	if (context.getMode() === 'manual') {
		const settings = catchUpSettings(context);
		const latest = await source.latest(context, settings.options);
		if (!latest) return [[]];
		return [
			await changeItems(context, source, latest, settings.options, settings.patientData, true),
		];
	}
	const items = context.getInputData();
	const change = items[0]?.json.changeId;
	if (typeof change !== 'string') return [items];
	const node = context.getNode();
	const now = unixNow();
	const ranByWebhook =
		processRanChange(['webhook'], context.getWorkflow().id ?? '', change, now) ||
		storedChangeRan(
			context.getWorkflowStaticData('global'),
			change,
			now,
			catchUpLedgerKey(node.id ?? node.name),
		);
	return ranByWebhook ? [[]] : [items];
}

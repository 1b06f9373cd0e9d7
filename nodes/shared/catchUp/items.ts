import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { PatientDataMode } from '../privacy';
import { enrichInTime, eventItem, executionItems } from '../trigger/items';
import { parseEvent } from '../trigger/parseEvent';
import { OTHER_EVENT, type ReceivedEvent, type TriggerContext } from '../trigger/source';
import type { AnyCatchUpSource, CatchUpOptions, Change } from './source';

/**
 * The items of one change, in the shape of the webhook trigger's item for the same event: the payload
 * the webhook would have carried goes through the same schema, typed fields and Fetch Full Data.
 * `deliveryId` and `changeId` are the change's id, the same for a webhook delivery of the change.
 */
export async function changeItems(
	context: TriggerContext | IExecuteFunctions,
	source: AnyCatchUpSource,
	change: Change,
	options: CatchUpOptions,
	patientData: PatientDataMode,
	fullData: boolean,
): Promise<INodeExecutionData[]> {
	const events = source.eventSource;
	const parsed = parseEvent(events.schemas, change.event, change.payload);
	const known = parsed.status !== 'unknown';
	const event: ReceivedEvent<IDataObject> = {
		name: known ? change.event : OTHER_EVENT,
		fields:
			parsed.status === 'valid'
				? events.describe(parsed)
				: events.identify(change.event, change.payload),
		valid: parsed.status === 'valid',
		payload: change.payload,
	};
	// The editor's test run has an execution context: it reads the credential and calls the API alike.
	const enrichment =
		fullData && options.fetchFullData && events.enrich
			? await enrichInTime(context as TriggerContext, events, event, options)
			: undefined;
	const item = {
		...eventItem(events.provider.key, event, parsed, new Date(), change.id),
		changeId: change.id,
		source: 'catchUp',
	};
	return executionItems(item, enrichment, options, patientData, events.provider);
}

import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import type { PatientDataMode } from '../privacy';
import type { ApiContext } from '../transport/api';
import { enrichInTime, executionItems, type EventItem } from '../trigger/items';
import { parseEvent } from '../trigger/parseEvent';
import { OTHER_EVENT, type ReceivedEvent } from '../webhook/source';
import type { AnyCatchUpSource, CatchUpOptions, Change } from './source';

/** Where an item carries the state its execution stores; the catch-up's own step removes it. */
export const CARRIED_STATE = 'labTestingCatchUp';

/**
 * The items of one change, in the shape of the webhook trigger's item for the same event: the payload
 * the webhook would have carried goes through the same schema, typed fields and Fetch Full Data.
 * `deliveryId` and `changeId` are the change's id, the same for a webhook delivery of the change.
 */
export async function changeItems(
	context: ApiContext,
	source: AnyCatchUpSource,
	change: Change,
	options: CatchUpOptions,
	patientData: PatientDataMode,
	fullData: boolean,
): Promise<INodeExecutionData[]> {
	const { webhook } = source;
	const parsed = parseEvent(webhook.schemas, change.event, change.payload);
	const known = parsed.status !== 'unknown';
	const event: ReceivedEvent<IDataObject> = {
		name: known ? change.event : OTHER_EVENT,
		fields:
			parsed.status === 'valid'
				? webhook.describe(parsed)
				: webhook.identify(change.event, change.payload),
		valid: parsed.status === 'valid',
		payload: change.payload,
	};
	// The enrichment only reads the credential and calls the API, which every context can do.
	const enrichment =
		fullData && options.fetchFullData && webhook.enrich
			? await enrichInTime(context as unknown as IWebhookFunctions, webhook, event, options)
			: undefined;
	const item: EventItem = {
		provider: webhook.provider.key,
		event: event.name,
		deliveryId: change.id,
		changeId: change.id,
		...event.fields,
		receivedAt: new Date().toISOString(),
		validation: { valid: event.valid, issues: parsed.status === 'invalid' ? parsed.issues : [] },
		payload: change.payload,
		source: 'catchUp',
	};
	return executionItems(item, enrichment, options, patientData, webhook.provider);
}

/** An item as it leaves the catch-up's own step: without the carried state. */
export function withoutCarriedState(item: INodeExecutionData): INodeExecutionData {
	if (!(CARRIED_STATE in item.json)) return item;
	const json = { ...item.json };
	delete json[CARRIED_STATE];
	return { ...item, json };
}


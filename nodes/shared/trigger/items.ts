import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { fhirTriggerItems } from '../fhir/output';
import { applyPatientDataMode, type PatientDataMode } from '../privacy';
import type { LabProvider } from '../provider';
import { withinDeadline } from '../transport/api';
import { withMessagesInEnrichment } from '../resultsForPeople/messages';
import type { EventSchemas, ParsedEvent, ValidationIssue } from './parseEvent';
import type {
	Enrichment,
	EventSource,
	ReceivedEvent,
	TriggerContext,
	TriggerOptions,
} from './source';

/** Svix, the slowest sender, gives up on an answer after 15 s; n8n needs part of that to start the run. */
export const DEFAULT_FULL_DATA_TIME_LIMIT_SECONDS = 5;

/** The output item of an event: the fields every trigger's items have, then the provider's typed ones. */
export interface EventItem extends IDataObject {
	provider: string;
	event: string;
	/** The same for every copy of one delivery: a destination can enforce uniqueness with it. */
	deliveryId: string;
	receivedAt: string;
	validation: { valid: boolean; issues: ValidationIssue[] };
	payload: IDataObject;
}

export function eventItem<Schemas extends EventSchemas, Fields extends IDataObject>(
	providerId: string,
	event: ReceivedEvent<Fields>,
	parsed: ParsedEvent<Schemas>,
	receivedAt: Date,
	deliveryId: string,
): EventItem {
	return {
		provider: providerId,
		event: event.name,
		...(parsed.status === 'unknown' ? { eventName: parsed.event } : {}),
		deliveryId,
		...event.fields,
		receivedAt: receivedAt.toISOString(),
		validation: {
			valid: event.valid,
			issues: parsed.status === 'invalid' ? parsed.issues : [],
		},
		payload: event.payload,
	};
}

/**
 * Fetches the full data within the time limit: the sender is answered only once the run has started,
 * so a slow provider API must not make it time out and retry. Past the limit, or on any failure, the
 * event is emitted without the full data, saying why.
 */
export async function enrichInTime<
	Schemas extends EventSchemas,
	Fields extends IDataObject,
	Options extends TriggerOptions,
>(
	context: TriggerContext,
	source: EventSource<Schemas, Fields, Options>,
	event: ReceivedEvent<Fields>,
	options: Options,
): Promise<Enrichment> {
	const seconds = options.fullDataTimeLimitSeconds ?? DEFAULT_FULL_DATA_TIME_LIMIT_SECONDS;
	const deadline = Date.now() + seconds * 1000;
	try {
		const enrichment = await withinDeadline(
			context,
			deadline,
			async () => await source.enrich!(context, event, options),
		);
		if (!enrichment) return { json: {} };
		const json =
			// The messages go with One Item per Event only.
			(options.output ?? 'event') !== 'event'
				? enrichment.json
				: withMessagesInEnrichment(enrichment.json, options);
		return { ...enrichment, json: { fullData: { fetched: true }, ...json } };
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'Unknown failure';
		const message =
			Date.now() >= deadline
				? `Not fetched within ${seconds} s (Full Data Time Limit): ${reason}`
				: reason;
		context.logger.warn(
			`${source.provider.providerName} Trigger could not fetch full data: ${message}`,
		);
		return { json: { fullData: { fetched: false, message } } };
	}
}

export function executionItems(
	item: EventItem,
	enrichment: Enrichment | undefined,
	options: TriggerOptions,
	mode: PatientDataMode,
	provider: LabProvider,
): INodeExecutionData[] {
	if (options.output === 'fhir' && enrichment?.fhir) {
		const fhir = fhirTriggerItems(enrichment.fhir, options, mode);
		if (Array.isArray(fhir))
			return fhir.map((json) => ({ json: applyPatientDataMode(json, mode, provider) }));
		enrichment = { ...enrichment, json: { ...enrichment.json, fhir } };
	}
	if (options.output === 'biomarkerRows' && enrichment?.rows?.length) {
		const identity: IDataObject = { ...item };
		delete identity.payload;
		delete identity.validation;
		return enrichment.rows.map((row) => ({
			json: applyPatientDataMode({ ...identity, ...row }, mode, provider),
		}));
	}
	const json = applyPatientDataMode({ ...item, ...enrichment?.json }, mode, provider);
	return [enrichment?.binary ? { json, binary: enrichment.binary } : { json }];
}

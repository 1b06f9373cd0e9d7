import type {
	IBinaryKeyData,
	IDataObject,
	IPollFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { FhirSource } from '../fhir/output';
import type { LabProvider } from '../provider';
import type { EventSchemas, ParsedEvent } from './parseEvent';

/** The Events value that selects every event, known or not. */
export const ALL_EVENTS = '*';
/** The Events value, and the item's `event`, for event types this node does not know. */
export const OTHER_EVENT = 'other';

/** The Options collection every trigger has; a provider adds its own. */
export interface TriggerOptions {
	deduplicate?: boolean;
	duplicateWindowHours?: number;
	duplicateMemory?: number;
	fetchFullData?: boolean;
	fullDataTimeLimitSeconds?: number;
	output?: 'event' | 'biomarkerRows' | 'fhir';
	onInvalidPayload?: 'emit' | 'reject';
	includeMessages?: string[];
	messageTitle?: string;
	fhirBundleType?: string;
	fhirMaxEntries?: number;
	fhirPatientReference?: string;
}

/** Where a trigger meets its events: a webhook call, or a round of catch-up. */
export type TriggerContext = IWebhookFunctions | ITriggerFunctions | IPollFunctions;

/**
 * An event as the pipeline hands it to its provider. `fields` always holds the ids the event is about,
 * read from the payload without its schema, so an event that failed validation can still be filtered
 * and enriched; a valid event has all its typed fields.
 */
export interface ReceivedEvent<Fields extends IDataObject> {
	/** The canonical event name; `other` for an event type this node does not know. */
	name: string;
	fields: Fields;
	valid: boolean;
	payload: IDataObject;
}

/** What "Fetch full data" adds to an event: more JSON, perhaps a file, perhaps normalised result rows. */
export interface Enrichment {
	json: IDataObject;
	binary?: IBinaryKeyData;
	rows?: IDataObject[];
	/** The fetched results and whose they are, for the FHIR R4 Bundle output. */
	fhir?: FhirSource;
}

export type ValidEvent<Schemas extends EventSchemas> = Extract<
	ParsedEvent<Schemas>,
	{ status: 'valid' }
>;

/**
 * What a provider's triggers know about its events, however an event arrives (a webhook delivery or a
 * catch-up round): its schemas, its typed fields, its filters and what Fetch Full Data adds.
 */
export interface EventSource<
	Schemas extends EventSchemas,
	Fields extends IDataObject,
	Options extends TriggerOptions = TriggerOptions,
> {
	provider: LabProvider;
	schemas: Schemas;
	/** The ids the event is about, read from any payload, valid or not. */
	identify(event: string, payload: IDataObject): Fields;
	/** All typed fields of a valid event. */
	describe(parsed: ValidEvent<Schemas>): Fields;
	/** Filters beyond the event name (statuses, modalities). */
	accepts?(context: TriggerContext, event: ReceivedEvent<Fields>, options: Options): boolean;
	enrich?(
		context: TriggerContext,
		event: ReceivedEvent<Fields>,
		options: Options,
	): Promise<Enrichment | undefined>;
}

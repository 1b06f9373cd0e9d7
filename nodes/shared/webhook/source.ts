import type { IBinaryKeyData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { LabProvider } from '../provider';
import type { BodyOutcome, Delivery } from './delivery';
import type { EventSchemas, ParsedEvent } from '../trigger/parseEvent';
import type { Verdict } from './verdict';

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
	output?: 'event' | 'biomarkerRows';
	onInvalidPayload?: 'emit' | 'reject';
	includeMessages?: string[];
	messageTitle?: string;
}

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
}

export type ValidEvent<Schemas extends EventSchemas> = Extract<
	ParsedEvent<Schemas>,
	{ status: 'valid' }
>;

/** Everything provider-specific about receiving a webhook; receiveWebhook does the rest. */
export interface WebhookSource<
	Schemas extends EventSchemas,
	Fields extends IDataObject,
	Options extends TriggerOptions = TriggerOptions,
> {
	provider: LabProvider;
	schemas: Schemas;
	/** Covers the provider's retry horizon, so a redelivery is still recognised. */
	defaultDuplicateWindowHours: number;
	authenticate(
		context: IWebhookFunctions,
		delivery: Delivery,
		options: Options,
	): Promise<Verdict<string>>;
	/** Defaults to the JSON object in the body. */
	readPayload?(delivery: Delivery, options: Options): BodyOutcome;
	/** The event's canonical name, or undefined when the payload names none. */
	eventName(payload: IDataObject): string | undefined;
	/** The ids the event is about, read from any payload, valid or not. */
	identify(event: string, payload: IDataObject): Fields;
	/** All typed fields of a valid event. */
	describe(parsed: ValidEvent<Schemas>): Fields;
	/** What makes two deliveries the same delivery; hashed before it is stored. */
	fingerprint(delivery: Delivery, payload: IDataObject, event: string): unknown[];
	/** The provider's own id of the delivery, when it sends one; the fingerprint stands in otherwise. */
	deliveryId?(delivery: Delivery): string | undefined;
	/** Filters beyond the event name (statuses, modalities). */
	accepts?(context: IWebhookFunctions, event: ReceivedEvent<Fields>, options: Options): boolean;
	enrich?(
		context: IWebhookFunctions,
		event: ReceivedEvent<Fields>,
		options: Options,
	): Promise<Enrichment | undefined>;
}

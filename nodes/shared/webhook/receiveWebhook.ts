import type {
	IBinaryKeyData,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { applyPatientDataMode, type PatientDataMode } from '../privacy';
import { jsonBodyOf, readDelivery, respond, type BodyOutcome, type Delivery } from './delivery';
import { deliveryFingerprint } from './deliveryLedger';
import { claimDelivery } from './deliveryStore';
import {
	parseEvent,
	type EventSchemas,
	type ParsedEvent,
	type ValidationIssue,
} from './parseEvent';
import type { Verdict } from './verdict';

/** The value of the Events filter that selects events this package does not know (opt-in). */
export const OTHER_EVENT = 'other';
export const ALL_EVENTS = '*';

const DEFAULT_DUPLICATE_MEMORY = 10000;

export interface TriggerOptions {
	deduplicate?: boolean;
	duplicateWindowHours?: number;
	duplicateMemory?: number;
	fetchFullData?: boolean;
	output?: 'event' | 'biomarkerRows';
	onInvalidPayload?: 'emit' | 'reject';
	includeUnknownEvents?: boolean;
}

export interface EventItem extends IDataObject {
	provider: string;
	event: string;
	receivedAt: string;
	validation: { valid: boolean; issues: ValidationIssue[] };
	payload: IDataObject;
}

/** What "Fetch full data" adds to an event: more JSON, perhaps a file, perhaps normalised result rows. */
export interface Enrichment {
	json: IDataObject;
	binary?: IBinaryKeyData;
	rows?: IDataObject[];
}

type ValidEvent<Schemas extends EventSchemas> = Extract<ParsedEvent<Schemas>, { status: 'valid' }>;

/** Everything provider-specific about receiving a webhook; the pipeline below does the rest. */
export interface WebhookSource<Schemas extends EventSchemas> {
	providerId: string;
	providerName: string;
	schemas: Schemas;
	/** Covers the provider's retry horizon, so a redelivery is still recognised. */
	defaultDuplicateWindowHours: number;
	authenticate(
		context: IWebhookFunctions,
		delivery: Delivery,
		options: TriggerOptions,
	): Promise<Verdict<string>>;
	/** Defaults to the JSON object in the body. */
	readPayload?(delivery: Delivery, options: TriggerOptions): BodyOutcome;
	/** The event's canonical name, or undefined when the payload names none. */
	eventName(payload: IDataObject): string | undefined;
	/** What makes two deliveries the same delivery; hashed before it is stored. */
	fingerprint(delivery: Delivery, payload: IDataObject, event: string): unknown[];
	/** The typed fields of the output item. */
	describe(parsed: ValidEvent<Schemas>): IDataObject;
	/** Filters beyond the event name (statuses, modalities). */
	accepts?(context: IWebhookFunctions, item: EventItem): boolean;
	enrich?(
		context: IWebhookFunctions,
		item: EventItem,
		options: TriggerOptions,
	): Promise<Enrichment | undefined>;
}

export async function receiveWebhook<Schemas extends EventSchemas>(
	context: IWebhookFunctions,
	source: WebhookSource<Schemas>,
): Promise<IWebhookResponseData> {
	const delivery = await readDelivery(context);
	const options = context.getNodeParameter('options', {}) as TriggerOptions;

	if (context.getNodeParameter('authentication', 'verify') !== 'none') {
		const verdict = await source.authenticate(context, delivery, options);
		if (!verdict.ok) {
			context.logger.warn(`${source.providerName} Trigger refused a delivery: ${verdict.reason}`);
			return respond(context, 401, 'rejected', `Unauthorized: ${verdict.message}`);
		}
	}

	const body = source.readPayload ? source.readPayload(delivery, options) : jsonBodyOf(delivery);
	if (!body.ok) return respond(context, body.status, 'rejected', body.message);
	const payload = body.body;

	const event = source.eventName(payload);
	if (!event) return respond(context, 422, 'rejected', 'The body names no event');

	const parsed = parseEvent(source.schemas, event, payload);
	if (parsed.status === 'unknown' && !options.includeUnknownEvents) {
		return respond(
			context,
			200,
			'ignored',
			'Unknown event type; turn on "Include Unknown Events" to receive it',
		);
	}
	const selected = context.getNodeParameter('events', [ALL_EVENTS]) as string[];
	const filterName = parsed.status === 'unknown' ? OTHER_EVENT : event;
	if (!selected.includes(ALL_EVENTS) && !selected.includes(filterName)) {
		return respond(context, 200, 'ignored', 'Event type not selected in the trigger');
	}
	if (parsed.status === 'invalid' && options.onInvalidPayload === 'reject') {
		const issues = parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
		return respond(
			context,
			422,
			'rejected',
			`The payload does not match the ${event} schema (${issues})`,
		);
	}

	const item = eventItem(source, parsed, payload, delivery);
	if (source.accepts && !source.accepts(context, item)) {
		return respond(context, 200, 'ignored', 'Event does not match the trigger filters');
	}

	if (options.deduplicate !== false) {
		const fingerprint = deliveryFingerprint([
			source.providerId,
			...source.fingerprint(delivery, payload, event),
		]);
		const policy = {
			ttlSeconds: Math.round(
				(options.duplicateWindowHours ?? source.defaultDuplicateWindowHours) * 3600,
			),
			maxEntries: options.duplicateMemory ?? DEFAULT_DUPLICATE_MEMORY,
		};
		if (!claimDelivery(context, fingerprint, policy)) {
			return respond(context, 200, 'duplicate', 'Duplicate delivery ignored');
		}
	}

	// Answer before fetching anything, so a slow provider API never makes the sender time out and retry.
	respond(context, 200, 'accepted', 'Event received');
	const enrichment =
		options.fetchFullData && source.enrich
			? await enrichSafely(context, source, item, options)
			: undefined;
	const patientData = context.getNodeParameter('patientData', 'leaveOut') as PatientDataMode;
	return {
		noWebhookResponse: true,
		workflowData: [executionItems(item, enrichment, options, patientData)],
	};
}

function eventItem<Schemas extends EventSchemas>(
	source: WebhookSource<Schemas>,
	parsed: ParsedEvent<Schemas>,
	payload: IDataObject,
	delivery: Delivery,
): EventItem {
	const common = {
		provider: source.providerId,
		event: parsed.status === 'unknown' ? OTHER_EVENT : parsed.event,
	};
	const typed = parsed.status === 'valid' ? source.describe(parsed as ValidEvent<Schemas>) : {};
	return {
		...common,
		...(parsed.status === 'unknown' ? { eventName: parsed.event } : {}),
		...typed,
		receivedAt: delivery.receivedAt.toISOString(),
		validation: {
			valid: parsed.status === 'valid',
			issues: parsed.status === 'invalid' ? parsed.issues : [],
		},
		payload,
	};
}

async function enrichSafely<Schemas extends EventSchemas>(
	context: IWebhookFunctions,
	source: WebhookSource<Schemas>,
	item: EventItem,
	options: TriggerOptions,
): Promise<Enrichment> {
	try {
		const enrichment = await source.enrich!(context, item, options);
		if (!enrichment) return { json: {} };
		return { ...enrichment, json: { fullData: { fetched: true }, ...enrichment.json } };
	} catch (error) {
		// The event is still emitted: the sender was already told it arrived.
		const message = error instanceof Error ? error.message : 'Unknown failure';
		context.logger.warn(`${source.providerName} Trigger could not fetch full data: ${message}`);
		return { json: { fullData: { fetched: false, message } } };
	}
}

function executionItems(
	item: EventItem,
	enrichment: Enrichment | undefined,
	options: TriggerOptions,
	mode: PatientDataMode,
): INodeExecutionData[] {
	if (options.output === 'biomarkerRows' && enrichment?.rows?.length) {
		const identity: IDataObject = { ...item };
		delete identity.payload;
		delete identity.validation;
		return enrichment.rows.map((row) => ({
			json: applyPatientDataMode({ ...identity, ...row }, mode),
		}));
	}
	const json = applyPatientDataMode({ ...item, ...enrichment?.json }, mode);
	return [enrichment?.binary ? { json, binary: enrichment.binary } : { json }];
}

import type {
	IBinaryKeyData,
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { withinDeadline } from '../api';
import { applyPatientDataMode, type PatientDataMode } from '../privacy';
import { jsonBodyOf, readDelivery, respond, type BodyOutcome, type Delivery } from './delivery';
import { claimDelivery, type Claim } from './claims';
import { deliveryFingerprint } from './ledger';
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
/** Svix, the slowest sender, gives up on an answer after 15 s; n8n needs part of that to start the run. */
export const DEFAULT_FULL_DATA_TIME_LIMIT_SECONDS = 5;
const BUSY_RETRY_AFTER_SECONDS = 30;

export interface TriggerOptions {
	deduplicate?: boolean;
	duplicateWindowHours?: number;
	duplicateMemory?: number;
	fetchFullData?: boolean;
	fullDataTimeLimitSeconds?: number;
	output?: 'event' | 'biomarkerRows';
	onInvalidPayload?: 'emit' | 'reject';
	includeUnknownEvents?: boolean;
}

export interface EventItem extends IDataObject {
	provider: string;
	event: string;
	/** The same for every copy of one delivery: a destination can enforce uniqueness with it. */
	deliveryId: string;
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
	/** The provider's own id of the delivery, when it sends one; the fingerprint stands in otherwise. */
	deliveryId?(delivery: Delivery): string | undefined;
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
	const rejected = (status: number, message: string) =>
		respond(context, status, { status: 'rejected', message });
	const ignored = (message: string) => respond(context, 200, { status: 'ignored', message });

	if (context.getNodeParameter('authentication', 'verify') !== 'none') {
		const verdict = await source.authenticate(context, delivery, options);
		if (!verdict.ok) {
			context.logger.warn(`${source.providerName} Trigger refused a delivery: ${verdict.reason}`);
			return rejected(401, `Unauthorized: ${verdict.message}`);
		}
	}

	const body = source.readPayload ? source.readPayload(delivery, options) : jsonBodyOf(delivery);
	if (!body.ok) return rejected(body.status, body.message);
	const payload = body.body;

	const event = source.eventName(payload);
	if (!event) return rejected(422, 'The body names no event');

	const parsed = parseEvent(source.schemas, event, payload);
	if (parsed.status === 'unknown' && !options.includeUnknownEvents) {
		return ignored('Unknown event type; turn on "Include Unknown Events" to receive it');
	}
	const selected = context.getNodeParameter('events', [ALL_EVENTS]) as string[];
	const filterName = parsed.status === 'unknown' ? OTHER_EVENT : event;
	if (!selected.includes(ALL_EVENTS) && !selected.includes(filterName)) {
		return ignored('Event type not selected in the trigger');
	}
	if (parsed.status === 'invalid' && options.onInvalidPayload === 'reject') {
		const issues = parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
		return rejected(422, `The payload does not match the ${event} schema (${issues})`);
	}

	const fingerprint = deliveryFingerprint([
		source.providerId,
		...source.fingerprint(delivery, payload, event),
	]);
	const deliveryId = source.deliveryId?.(delivery) ?? fingerprint;
	const item = eventItem(source, parsed, payload, delivery, deliveryId);
	if (source.accepts && !source.accepts(context, item)) {
		return ignored('Event does not match the trigger filters');
	}

	let claim: Claim | undefined;
	if (options.deduplicate !== false) {
		const outcome = await claimDelivery(context, fingerprint, {
			ttlSeconds: Math.round(
				(options.duplicateWindowHours ?? source.defaultDuplicateWindowHours) * 3600,
			),
			maxEntries: options.duplicateMemory ?? DEFAULT_DUPLICATE_MEMORY,
		});
		if (outcome.status === 'duplicate') {
			return respond(context, 200, {
				status: 'duplicate',
				message: 'Duplicate delivery ignored',
				deliveryId,
			});
		}
		if (outcome.status === 'busy') {
			return respond(
				context,
				503,
				{
					status: 'busy',
					message: 'An earlier copy of this delivery is still being started; try again later',
					deliveryId,
				},
				{ 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) },
			);
		}
		if (outcome.status === 'new') claim = outcome.claim;
	}

	let started = false;
	try {
		const enrichment =
			options.fetchFullData && source.enrich
				? await enrichInTime(context, source, item, options)
				: undefined;
		const patientData = context.getNodeParameter('patientData', 'leaveOut') as PatientDataMode;
		const items = executionItems(item, enrichment, options, patientData);
		started = true;
		// n8n answers the sender with webhookResponse once the execution exists, or with an error
		// when it cannot create it: then the provider retries, and the claim is released for it.
		return {
			workflowData: [items],
			webhookResponse: { status: 'accepted', message: 'Event received', deliveryId },
		};
	} finally {
		if (!started) claim?.release();
	}
}

function eventItem<Schemas extends EventSchemas>(
	source: WebhookSource<Schemas>,
	parsed: ParsedEvent<Schemas>,
	payload: IDataObject,
	delivery: Delivery,
	deliveryId: string,
): EventItem {
	const common = {
		provider: source.providerId,
		event: parsed.status === 'unknown' ? OTHER_EVENT : parsed.event,
		deliveryId,
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

/**
 * Fetches the full data within the time limit: the sender is answered only once the run has started,
 * so a slow provider API must not make it time out and retry. Past the limit, or on any failure, the
 * event is emitted without the full data, saying why.
 */
async function enrichInTime<Schemas extends EventSchemas>(
	context: IWebhookFunctions,
	source: WebhookSource<Schemas>,
	item: EventItem,
	options: TriggerOptions,
): Promise<Enrichment> {
	const seconds = options.fullDataTimeLimitSeconds ?? DEFAULT_FULL_DATA_TIME_LIMIT_SECONDS;
	const deadline = Date.now() + seconds * 1000;
	try {
		const enrichment = await withinDeadline(
			context,
			deadline,
			async () => await source.enrich!(context, item, options),
		);
		if (!enrichment) return { json: {} };
		return { ...enrichment, json: { fullData: { fetched: true }, ...enrichment.json } };
	} catch (error) {
		const reason = error instanceof Error ? error.message : 'Unknown failure';
		const message =
			Date.now() >= deadline
				? `Not fetched within ${seconds} s (Full Data Time Limit): ${reason}`
				: reason;
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

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { PatientDataMode } from '../privacy';
import { claimDelivery, startsExecution, type Claim } from './claims';
import { jsonBodyOf, readDelivery, respond } from './delivery';
import { enrichInTime, eventItem, executionItems } from '../trigger/items';
import { deliveryFingerprint } from '../trigger/ledger';
import { parseEvent, type EventSchemas } from '../trigger/parseEvent';
import {
	ALL_EVENTS,
	OTHER_EVENT,
	type ReceivedEvent,
	type TriggerOptions,
} from '../trigger/source';
import type { WebhookSource } from './source';

const DEFAULT_DUPLICATE_MEMORY = 10000;
const BUSY_RETRY_AFTER_SECONDS = 30;

/**
 * The one webhook pipeline of every trigger: verify, parse, filter, validate, deduplicate, fetch full
 * data, then hand the items to n8n, which answers the sender once the execution exists.
 */
export async function receiveWebhook<
	Schemas extends EventSchemas,
	Fields extends IDataObject,
	Options extends TriggerOptions,
>(
	context: IWebhookFunctions,
	source: WebhookSource<Schemas, Fields, Options>,
): Promise<IWebhookResponseData> {
	const delivery = await readDelivery(context);
	const options = context.getNodeParameter('options', {}) as Options;
	const rejected = (status: number, message: string) =>
		respond(context, status, { status: 'rejected', message });
	const ignored = (message: string) => respond(context, 200, { status: 'ignored', message });

	if (context.getNodeParameter('authentication', 'verify') !== 'none') {
		const verdict = await source.authenticate(context, delivery, options);
		if (!verdict.ok) {
			context.logger.warn(
				`${source.provider.providerName} Trigger refused a delivery: ${verdict.reason}`,
			);
			return rejected(401, `Unauthorized: ${verdict.message}`);
		}
	}

	const body = source.readPayload ? source.readPayload(delivery, options) : jsonBodyOf(delivery);
	if (!body.ok) return rejected(body.status, body.message);
	const payload = body.body;

	const name = source.eventName(payload);
	if (!name) return rejected(422, 'The body names no event');

	const parsed = parseEvent(source.schemas, name, payload);
	const selected = context.getNodeParameter('events', [ALL_EVENTS]) as string[];
	const known = parsed.status !== 'unknown';
	if (!selected.includes(ALL_EVENTS) && !selected.includes(known ? name : OTHER_EVENT)) {
		// An event type nobody chose to drop is never dropped silently.
		if (!known) {
			context.logger.warn(
				`${source.provider.providerName} Trigger ignored an event type it does not know, "${loggableName(name)}": select All Events or Other (Unknown Events) to receive such events`,
			);
		}
		return ignored('Event type not selected in the trigger');
	}
	if (parsed.status === 'invalid' && options.onInvalidPayload === 'reject') {
		const issues = parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
		return rejected(422, `The payload does not match the ${name} schema (${issues})`);
	}

	const event: ReceivedEvent<Fields> = {
		name: known ? name : OTHER_EVENT,
		fields: parsed.status === 'valid' ? source.describe(parsed) : source.identify(name, payload),
		valid: parsed.status === 'valid',
		payload,
	};
	if (source.accepts && !source.accepts(context, event, options)) {
		return ignored('Event does not match the trigger filters');
	}

	const fingerprint = deliveryFingerprint([
		source.provider.key,
		...source.fingerprint(delivery, payload, name),
	]);
	const deliveryId = source.deliveryId?.(delivery) ?? fingerprint;
	// The status change it reports: a catch-up of the same workflow that ran it makes this a duplicate.
	const change = source.changeId?.(event);

	let claim: Claim | undefined;
	if (options.deduplicate !== false) {
		const outcome = await claimDelivery(
			context,
			fingerprint,
			{
				ttlSeconds: Math.round(
					(options.duplicateWindowHours ?? source.defaultDuplicateWindowHours) * 3600,
				),
				maxEntries: options.duplicateMemory ?? DEFAULT_DUPLICATE_MEMORY,
			},
			undefined,
			{
				change: change
					? { id: change, byWebhooksToo: source.duplicateByChange?.(context) === true }
					: undefined,
				markLastDelivery: source.recordsLastDelivery,
			},
		);
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
				? await enrichInTime(context, source, event, options)
				: undefined;
		const item = {
			...eventItem(source.provider.key, event, parsed, delivery.receivedAt, deliveryId),
			...(change ? { changeId: change } : {}),
		};
		const patientData = context.getNodeParameter('patientData', 'leaveOut') as PatientDataMode;
		const items = executionItems(item, enrichment, options, patientData, source.provider);
		await claim?.turnToSave();
		started = true;
		const answer = { status: 'accepted', message: 'Event received', deliveryId };
		// n8n answers the sender with this once the execution exists, or with an error when it cannot
		// create it: then the provider retries, and the claim is released for it.
		return startsExecution([items], answer, claim);
	} finally {
		if (!started) claim?.noExecution();
	}
}

/** An event name as sent, fit for a log line: names only, never payload values, and bounded. */
function loggableName(name: string): string {
	return name.replace(/[^\w.:-]/g, '?').slice(0, 80);
}

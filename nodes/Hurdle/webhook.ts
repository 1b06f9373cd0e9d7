import type { IDataObject } from 'n8n-workflow';

import type { BodyOutcome, Delivery } from '../shared/webhook/delivery';
import { jsonBodyOf } from '../shared/webhook/delivery';
import type { WebhookSource } from '../shared/webhook/source';
import type { TriggerOptions } from '../shared/trigger/source';
import { SECRET_QUERY_PARAMETER, credentialSharedSecret } from '../shared/webhook/sharedSecret';
import { hurdleEventSource } from './eventSource';
import { canonicalEventName, type hurdleEventSchemas } from './events';
import { hurdleDeliveryIdentity, type HurdleFields } from './fields';
import { hurdle } from './provider';

/**
 * Hurdle retries 3 times at 5 s × attempt (Chronomics docs) or 30 times (current docs, ≈ 39 minutes in
 * all); two hours covers both with room for a slow n8n.
 */
export const HURDLE_DUPLICATE_WINDOW_HOURS = 2;

export interface FieldMapping {
	from: string;
	to: string;
}

export interface HurdleTriggerOptions extends TriggerOptions {
	/** The customer's names for the documented body properties (Field Names). */
	fieldNames?: { mappings?: Array<Partial<FieldMapping>> };
}

/** Names that would reach an object's prototype instead of becoming a field. */
const UNSAFE_FIELD_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export function fieldMappingsFrom(options: HurdleTriggerOptions): FieldMapping[] {
	const mappings = options.fieldNames?.mappings;
	if (!Array.isArray(mappings)) return [];
	return mappings
		.map((mapping) => ({
			from: String(mapping.from ?? '').trim(),
			to: String(mapping.to ?? '').trim(),
		}))
		.filter(({ from, to }) => from && to && from !== to && !UNSAFE_FIELD_NAMES.has(to));
}

/**
 * Hurdle lets each customer rename the properties of its webhook body. This maps the customer's names
 * back to the documented ones. All renames read the original body, so two fields can swap names.
 */
export function renameFields(payload: IDataObject, mappings: FieldMapping[]): IDataObject {
	const active = mappings.filter(({ from }) => Object.prototype.hasOwnProperty.call(payload, from));
	const renamed: IDataObject = { ...payload };
	for (const { from } of active) delete renamed[from];
	for (const { from, to } of active) renamed[to] = payload[from];
	return renamed;
}

/** A GET delivery carries the event as query parameters; the secret, if sent as ?token=, is not part of it. */
export function queryPayload(query: IDataObject): BodyOutcome {
	const payload: IDataObject = { ...query };
	delete payload[SECRET_QUERY_PARAMETER];
	if (Object.keys(payload).length === 0) {
		return {
			ok: false,
			status: 400,
			message: 'The query string is empty; a GET webhook carries the event as query parameters',
		};
	}
	return { ok: true, body: payload };
}

function readHurdlePayload(delivery: Delivery, options: HurdleTriggerOptions): BodyOutcome {
	const outcome = delivery.method === 'GET' ? queryPayload(delivery.query) : jsonBodyOf(delivery);
	if (!outcome.ok) return outcome;
	const mappings = fieldMappingsFrom(options);
	return mappings.length ? { ok: true, body: renameFields(outcome.body, mappings) } : outcome;
}

export const hurdleWebhookSource: WebhookSource<
	typeof hurdleEventSchemas,
	HurdleFields,
	HurdleTriggerOptions
> = {
	...hurdleEventSource,
	defaultDuplicateWindowHours: HURDLE_DUPLICATE_WINDOW_HOURS,

	authenticate: credentialSharedSecret(hurdle.credentialType),

	readPayload: readHurdlePayload,

	eventName: canonicalEventName,

	// No delivery id exists: a redelivery names the same order, test and kits at the same times.
	fingerprint(_delivery, payload, event) {
		const { orderNumber, testId, kitIds, version, timestamps } = hurdleDeliveryIdentity(payload);
		if (orderNumber === undefined && testId === undefined && kitIds === undefined)
			return [event, payload];
		return [
			event,
			orderNumber ?? null,
			testId ?? null,
			kitIds ?? null,
			version ?? null,
			timestamps ?? null,
		];
	},
};

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { timestampToIso } from '../shared/timestamps';
import type { EventOption } from '../shared/trigger/description';

/**
 * LML webhooks are thin `{event, data}` envelopes. One schema per event; the TypeScript types below are
 * inferred from them. Ids are placeholders like "1234-5678" in LML's docs, so they are not forced to be
 * UUIDs. `url` is kept as data but never requested: full data is fetched from the credential's host.
 */
const id = z.string().min(1);
const payloadUrl = z.string().optional();
/**
 * LML is in the UK: its docs show the same slot as `2024-04-15T10:00:00` and, booked, as
 * `…T10:00:00+01:00`, so a time without an offset is read as UK time (Europe/London, summer time aware).
 */
export const LML_TIME_ZONE = 'Europe/London';
const timestamp = z.string().refine((value) => timestampToIso(value, LML_TIME_ZONE) !== undefined, {
	message: 'Expected an ISO 8601 date and time, with or without a UTC offset',
});

function envelope<Name extends string, Data extends z.ZodRawShape>(event: Name, data: Data) {
	return z.object({ event: z.literal(event), data: z.object(data).passthrough() }).passthrough();
}

export const lmlEventSchemas = {
	'test_registration.complete': envelope('test_registration.complete', {
		testregistration_id: id,
		url: payloadUrl,
	}),
	'lab_results.complete': envelope('lab_results.complete', {
		testregistration_id: id,
		url: payloadUrl,
	}),
	'test_registration.lml_lab_id_created': envelope('test_registration.lml_lab_id_created', {
		testregistration_id: id,
		lab_id: id,
	}),
	'test_registration.sample_received': envelope('test_registration.sample_received', {
		testregistration_id: id,
		url: payloadUrl,
		sample_received_at: timestamp,
	}),
	'test_registration.retest': envelope('test_registration.retest', {
		testregistration_id: id,
		retest_testregistration_id: id,
	}),
	'order.shipped': envelope('order.shipped', { order_id: id, url: payloadUrl }),
	'order.delivered': envelope('order.delivered', { order_id: id, url: payloadUrl }),
};

export type LmlEventName = keyof typeof lmlEventSchemas;
export type LmlEvent<Name extends LmlEventName = LmlEventName> = z.infer<
	(typeof lmlEventSchemas)[Name]
>;

export const lmlEventOptions: Record<LmlEventName, EventOption> = {
	'test_registration.complete': {
		displayName: 'Test Registration Complete',
		description: 'The patient registered their kit; the registration is locked',
	},
	'lab_results.complete': {
		displayName: 'Lab Results Complete',
		description: 'Results for a test registration are processed and ready',
	},
	'test_registration.lml_lab_id_created': {
		displayName: 'Lab ID Created',
		description: 'The lab assigned its own ID to the test registration',
	},
	'test_registration.sample_received': {
		displayName: 'Sample Received',
		description: 'The lab received the sample',
	},
	'test_registration.retest': {
		displayName: 'Retest Created',
		description: 'A retest registration was created for an existing one',
	},
	'order.shipped': { displayName: 'Order Shipped', description: 'The kit order left the lab' },
	'order.delivered': {
		displayName: 'Order Delivered',
		description: 'Royal Mail confirmed delivery (not sent for every order)',
	},
};

/** The typed fields of an LML trigger item. */
export interface LmlFields extends IDataObject {
	testRegistrationId?: string;
	retestTestRegistrationId?: string;
	labId?: string;
	orderId?: string;
	/** ISO 8601 UTC. */
	sampleReceivedAt?: string;
	url?: string;
}

export type LmlResource = 'testRegistration' | 'labResults' | 'order';

/** Which resource "Fetch Full Data" fetches for an event, and by which id; undefined when it has none. */
export function resourceToFetch(
	event: string,
	fields: LmlFields,
): { resource: LmlResource; id: string } | undefined {
	const target = (resource: LmlResource, id: string | undefined) =>
		id ? { resource, id } : undefined;
	switch (event) {
		case 'lab_results.complete':
			return target('labResults', fields.testRegistrationId);
		case 'test_registration.retest':
			// The new registration is the one a workflow acts on next.
			return target('testRegistration', fields.retestTestRegistrationId);
		case 'order.shipped':
		case 'order.delivered':
			return target('order', fields.orderId);
		default:
			return target('testRegistration', fields.testRegistrationId);
	}
}

function withoutUndefined(fields: LmlFields): LmlFields {
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined),
	) as LmlFields;
}

/** The ids an LML event is about, read from any payload: one that fails its schema keeps them. */
export function identifyLmlEvent(payload: IDataObject): LmlFields {
	const data = (
		typeof payload.data === 'object' && payload.data !== null ? payload.data : {}
	) as IDataObject;
	const text = (key: string) =>
		typeof data[key] === 'string' && data[key] !== '' ? (data[key] as string) : undefined;
	return withoutUndefined({
		testRegistrationId: text('testregistration_id'),
		retestTestRegistrationId: text('retest_testregistration_id'),
		labId: text('lab_id'),
		orderId: text('order_id'),
	});
}

/** All typed fields of a valid LML event. */
export function describeLmlEvent(event: LmlEvent): LmlFields {
	const data = event.data as IDataObject;
	const sampleReceivedAt =
		typeof data.sample_received_at === 'string'
			? timestampToIso(data.sample_received_at, LML_TIME_ZONE)
			: undefined;
	return withoutUndefined({
		...identifyLmlEvent(event as IDataObject),
		sampleReceivedAt,
		url: typeof data.url === 'string' ? data.url : undefined,
	});
}

import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { EventOption } from '../shared/webhook/triggerDescription';

/**
 * LML webhooks are thin `{event, data}` envelopes. One schema per event; the TypeScript types below are
 * inferred from them. Ids are placeholders like "1234-5678" in LML's docs, so they are not forced to be
 * UUIDs. `url` is kept as data but never requested: full data is fetched from the credential's host.
 */
const id = z.string().min(1);
const payloadUrl = z.string().optional();

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
		sample_received_at: z.string().datetime({ offset: true }),
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

export type LmlResource = 'testRegistration' | 'labResults' | 'order';

/** Which resource "Fetch Full Data" fetches for an item, and by which id; undefined when the item has no id. */
export function resourceToFetch(
	item: IDataObject,
): { resource: LmlResource; id: string } | undefined {
	const target = (resource: LmlResource, key: string) =>
		typeof item[key] === 'string' ? { resource, id: item[key] as string } : undefined;
	switch (item.event) {
		case 'lab_results.complete':
			return target('labResults', 'testRegistrationId');
		case 'test_registration.retest':
			// The new registration is the one a workflow acts on next.
			return target('testRegistration', 'retestTestRegistrationId');
		case 'order.shipped':
		case 'order.delivered':
			return target('order', 'orderId');
		default:
			return target('testRegistration', 'testRegistrationId');
	}
}

/** The typed fields of an LML trigger item. */
export function describeLmlEvent(event: LmlEvent): IDataObject {
	const data = event.data as Record<string, unknown>;
	const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
	const sampleReceivedAt = text('sample_received_at');
	const fields = {
		testRegistrationId: text('testregistration_id'),
		retestTestRegistrationId: text('retest_testregistration_id'),
		labId: text('lab_id'),
		orderId: text('order_id'),
		sampleReceivedAt: sampleReceivedAt ? new Date(sampleReceivedAt).toISOString() : undefined,
		url: text('url'),
	};
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

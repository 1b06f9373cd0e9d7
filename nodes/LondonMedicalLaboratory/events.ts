import { z } from 'zod';

import { timestampToIso } from '../shared/timestamps';
import type { EventOption } from '../shared/trigger/eventsProperty';

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

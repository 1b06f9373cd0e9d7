import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { EventOption } from '../shared/trigger/eventsProperty';

/**
 * Hurdle (formerly Chronomics) webhooks are flat JSON objects with `eventType` and `version` at the top.
 * The current docs name events in upper case (ORDER.CREATED), the Chronomics docs in lower case
 * (order.created): names are matched case-insensitively and the canonical name is the lower-case one.
 *
 * Only the ORDER.* fields are documented. TEST.* and PHLEBOTOMY.* schemas were never published in full,
 * so their ids are optional and everything else passes through. A delivery sent by GET carries every
 * value as a string, so ids accept strings and numbers alike and `kits` accepts the shapes a query
 * string can take.
 */
const text = z.string().min(1);
const identifier = z.union([z.string().min(1), z.number()]);
/** "1" in the current docs, "v1" in the Chronomics ones: never compared, only carried. */
const version = z.union([z.string().min(1), z.number()]);
const timestamp = z.string().datetime({ offset: true });

/** `kits` as JSON (`[{kitId}]`), as a GET query (`A,B`, `["A"]`, `kits[0][kitId]=A`) or as bare ids. */
export function kitsFromAnyShape(value: unknown): unknown {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (trimmed.startsWith('[')) {
			try {
				return kitsFromAnyShape(JSON.parse(trimmed));
			} catch {
				return value;
			}
		}
		return trimmed
			.split(',')
			.map((kitId) => kitId.trim())
			.filter(Boolean)
			.map((kitId) => ({ kitId }));
	}
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		// The extended query parser turns `kits[0][kitId]=A` into an array, but more than 20 entries into an object.
		return kitsFromAnyShape(Object.values(value));
	}
	if (Array.isArray(value)) {
		return value.map((entry) =>
			typeof entry === 'string' || typeof entry === 'number' ? { kitId: String(entry) } : entry,
		);
	}
	return value;
}

const kits = z.preprocess(kitsFromAnyShape, z.array(z.object({ kitId: identifier }).passthrough()));

function eventType(name: string) {
	return z.string().refine((sent) => sent.trim().toLowerCase() === name, {
		message: `Expected ${name} in any letter case`,
	});
}

const commonFields = {
	version,
	userId: identifier.optional(),
	productCode: text.optional(),
	orderNumber: identifier.optional(),
	email: z.string().optional(),
};

const trackingFields = {
	carrier: text.optional(),
	trackingCode: identifier.optional(),
	trackingUrl: z.string().optional(),
	kits: kits.optional(),
};

/** Every documented ORDER event names its order; the Chronomics example only by `userId`. */
function orderEvent<Name extends string, Shape extends z.ZodRawShape>(name: Name, shape: Shape) {
	return z
		.object({ eventType: eventType(name), ...commonFields, ...shape })
		.passthrough()
		.refine((payload) => payload.orderNumber !== undefined || payload.userId !== undefined, {
			message: 'An order event names its order: orderNumber (or userId in the Chronomics format)',
			path: ['orderNumber'],
		});
}

/** TEST.* and PHLEBOTOMY.* bodies are undocumented: ids are typed where present, nothing is required. */
function lenientEvent<Name extends string>(name: Name) {
	return z
		.object({
			eventType: eventType(name),
			...commonFields,
			testId: identifier.optional(),
			kitId: identifier.optional(),
			barcode: identifier.optional(),
			appointmentId: identifier.optional(),
			kits: kits.optional(),
		})
		.passthrough();
}

export const hurdleEventSchemas = {
	'order.created': orderEvent('order.created', {
		shippingAddress: z.union([z.string(), z.record(z.unknown())]).optional(),
	}),
	'order.dispatched': orderEvent('order.dispatched', {
		dispatchedAt: timestamp.optional(),
		trackingUrl: z.string().optional(),
		kits: kits.optional(),
	}),
	'order.out_for_delivery': orderEvent('order.out_for_delivery', {
		outForDeliveryAt: timestamp.optional(),
		...trackingFields,
	}),
	'order.received': orderEvent('order.received', {
		receivedAt: timestamp.optional(),
		...trackingFields,
	}),
	'order.return_out_for_delivery': orderEvent('order.return_out_for_delivery', {
		// Documented as receivedAt (sic); outForDeliveryAt is accepted too, in case Hurdle corrects it.
		receivedAt: timestamp.optional(),
		outForDeliveryAt: timestamp.optional(),
		...trackingFields,
	}),
	'order.return_received': orderEvent('order.return_received', {
		receivedAt: timestamp.optional(),
		...trackingFields,
	}),
	'test.registered': lenientEvent('test.registered'),
	'test.lab_accessioned': lenientEvent('test.lab_accessioned'),
	'test.processed': lenientEvent('test.processed'),
	'test.validation_success': lenientEvent('test.validation_success'),
	'test.validation_fail': lenientEvent('test.validation_fail'),
	'test.clinical_commentary_uploaded': lenientEvent('test.clinical_commentary_uploaded'),
	'phlebotomy.nurse_assigned': lenientEvent('phlebotomy.nurse_assigned'),
	'phlebotomy.appointment_scheduled': lenientEvent('phlebotomy.appointment_scheduled'),
	'phlebotomy.appointment_rescheduled': lenientEvent('phlebotomy.appointment_rescheduled'),
	'phlebotomy.appointment_cancelled': lenientEvent('phlebotomy.appointment_cancelled'),
};

export type HurdleEventName = keyof typeof hurdleEventSchemas;
export type HurdleEvent<Name extends HurdleEventName = HurdleEventName> = z.infer<
	(typeof hurdleEventSchemas)[Name]
>;

export const hurdleEventOptions: Record<HurdleEventName, EventOption> = {
	'order.created': { displayName: 'Order Created', description: 'An order was placed' },
	'order.dispatched': {
		displayName: 'Order Dispatched',
		description: 'The kit left the warehouse; the kit ID is known from here on',
	},
	'order.out_for_delivery': {
		displayName: 'Order Out for Delivery',
		description: 'The kit is with the courier for delivery (depends on the shipping method)',
	},
	'order.received': {
		displayName: 'Order Received',
		description: 'The customer received the kit (depends on the shipping method)',
	},
	'order.return_out_for_delivery': {
		displayName: 'Return Out for Delivery',
		description: 'The return parcel with the sample is on its way to the lab',
	},
	'order.return_received': {
		displayName: 'Return Received',
		description: 'The return parcel with the sample reached the lab',
	},
	'test.registered': {
		displayName: 'Test Registered',
		description: 'A kit was registered to the person taking the test',
	},
	'test.lab_accessioned': {
		displayName: 'Test Lab Accessioned',
		description: 'The lab received the sample; the test ID is known from here on',
	},
	'test.processed': { displayName: 'Test Processed', description: 'The test has results' },
	'test.validation_success': {
		displayName: 'Test Validation Success',
		description: 'The results passed validation (Chronomics event)',
	},
	'test.validation_fail': {
		displayName: 'Test Validation Fail',
		description: 'The results failed validation (Chronomics event)',
	},
	'test.clinical_commentary_uploaded': {
		displayName: 'Test Clinical Commentary Uploaded',
		description: 'A clinician added commentary to the results',
	},
	'phlebotomy.nurse_assigned': {
		displayName: 'Phlebotomy Nurse Assigned',
		description: 'A nurse was assigned to a mobile blood draw',
	},
	'phlebotomy.appointment_scheduled': {
		displayName: 'Phlebotomy Appointment Scheduled',
		description: 'A blood draw appointment was scheduled',
	},
	'phlebotomy.appointment_rescheduled': {
		displayName: 'Phlebotomy Appointment Rescheduled',
		description: 'A blood draw appointment moved to another time',
	},
	'phlebotomy.appointment_cancelled': {
		displayName: 'Phlebotomy Appointment Cancelled',
		description: 'A blood draw appointment was cancelled',
	},
};

/** The canonical event name: Hurdle's `eventType` in lower case. */
export function canonicalEventName(payload: IDataObject): string | undefined {
	const sent = payload.eventType;
	if (typeof sent !== 'string') return undefined;
	const name = sent.trim().toLowerCase();
	return name || undefined;
}

import { hurdleEventSchemas, type HurdleEventName } from '../../../nodes/Hurdle/events';
import type { Delivery, SampleOptions, SampleSource } from '../types';

/**
 * Realistic Hurdle webhook bodies. ORDER.* follow Hurdle's published event schemas; TEST.* and
 * PHLEBOTOMY.* schemas were never published in full, so those carry the ids Hurdle's guides mention
 * (test ID from LAB_ACCESSIONED on, kit ID, barcode). The ids default to records the fake Hurdle API
 * knows, so "Fetch Full Data" finds them.
 */
export interface HurdleSampleIds {
	orderNumber: string;
	userId: string;
	productCode: string;
	kitId: string;
	testId: string;
	barcode: string;
	appointmentId: string;
	/** Host of the payload's tracking link; the trigger must never call it. */
	trackingHost: string;
}

export const HURDLE_SAMPLE_IDS: HurdleSampleIds = {
	orderNumber: 'HRD-100234',
	userId: 'a86dr8yl',
	productCode: 'C1BLP10300',
	kitId: 'MMM1234535',
	testId: '6377bcd6cd7907948cb56ff7',
	barcode: 'BLC2211006182093',
	appointmentId: 'apt_5f2c9a71',
	trackingHost: 'https://www.royalmail.com',
};

const ID_KEYS = new Set(Object.keys(HURDLE_SAMPLE_IDS));

/** The lower-case name as in the Chronomics docs, or UPPER.CASE as in the current Hurdle docs. */
export function eventTypeAs(event: string, casing: SampleOptions['casing'] = 'upper'): string {
	return casing === 'lower' ? event.toLowerCase() : event.toUpperCase();
}

export function hurdleSample(
	event: HurdleEventName,
	options: Pick<SampleOptions, 'casing' | 'overrides'> = {},
): Record<string, unknown> {
	const overrides = options.overrides ?? {};
	const ids = {
		...HURDLE_SAMPLE_IDS,
		...Object.fromEntries(Object.entries(overrides).filter(([key]) => ID_KEYS.has(key))),
	};
	const order = {
		version: '1',
		email: 'jane.smith@example.com',
		orderNumber: ids.orderNumber,
		productCode: ids.productCode,
	};
	const tracking = {
		carrier: 'ROYAL_MAIL',
		trackingCode: 'RM123456785GB',
		trackingUrl: `${ids.trackingHost}/track-your-item?trackingNumber=RM123456785GB`,
		kits: [{ kitId: ids.kitId }],
	};
	const test = {
		version: '1',
		userId: ids.userId,
		orderNumber: ids.orderNumber,
		productCode: ids.productCode,
		kitId: ids.kitId,
		barcode: ids.barcode,
	};
	const accessioned = { ...test, testId: ids.testId, accessionedAt: '2022-11-21T09:02:11.000Z' };
	const phlebotomy = {
		version: '1',
		userId: ids.userId,
		orderNumber: ids.orderNumber,
		productCode: ids.productCode,
		appointmentId: ids.appointmentId,
	};
	const bodies: Record<HurdleEventName, Record<string, unknown>> = {
		'order.created': {
			...order,
			shippingAddress: '130 Plumstead Road, Plumstead, London, GB, SE18 7DW',
		},
		'order.dispatched': {
			...order,
			dispatchedAt: '2022-03-07T16:13:42.345Z',
			trackingUrl: tracking.trackingUrl,
			kits: tracking.kits,
		},
		'order.out_for_delivery': {
			...order,
			outForDeliveryAt: '2022-03-08T07:30:00.000Z',
			...tracking,
		},
		'order.received': { ...order, receivedAt: '2022-03-08T12:41:09.000Z', ...tracking },
		'order.return_out_for_delivery': {
			...order,
			receivedAt: '2022-03-10T08:15:00.000Z',
			...tracking,
		},
		'order.return_received': { ...order, receivedAt: '2022-03-11T10:05:27.000Z', ...tracking },
		'test.registered': { ...test, registeredAt: '2022-11-18T17:11:50.243Z' },
		'test.lab_accessioned': accessioned,
		'test.processed': { ...accessioned, processedAt: '2022-11-23T14:20:00.000Z' },
		'test.validation_success': { ...accessioned, validatedAt: '2022-11-23T15:00:00.000Z' },
		'test.validation_fail': {
			...accessioned,
			validatedAt: '2022-11-23T15:00:00.000Z',
			reason: 'INSUFFICIENT_SAMPLE',
		},
		'test.clinical_commentary_uploaded': { ...accessioned, uploadedAt: '2022-11-24T11:45:00.000Z' },
		'phlebotomy.nurse_assigned': { ...phlebotomy, assignedAt: '2022-11-15T10:00:00.000Z' },
		'phlebotomy.appointment_scheduled': {
			...phlebotomy,
			scheduledAt: '2022-11-15T10:05:00.000Z',
			appointmentStartAt: '2022-11-17T08:30:00.000Z',
		},
		// Hurdle publishes no fields for these two; shaped like the scheduled event.
		'phlebotomy.appointment_rescheduled': {
			...phlebotomy,
			rescheduledAt: '2022-11-16T09:00:00.000Z',
			appointmentStartAt: '2022-11-18T08:30:00.000Z',
		},
		'phlebotomy.appointment_cancelled': { ...phlebotomy, cancelledAt: '2022-11-16T12:00:00.000Z' },
	};
	const extra = Object.fromEntries(Object.entries(overrides).filter(([key]) => !ID_KEYS.has(key)));
	return { eventType: eventTypeAs(event, options.casing), ...bodies[event], ...extra };
}

/**
 * A GET delivery carries the body as query parameters. Scalars become strings; `kits` becomes a
 * comma-separated list of kit ids, which the trigger reads back into `[{kitId}]`.
 */
export function asQuery(payload: Record<string, unknown>): Record<string, string> {
	const query: Record<string, string> = {};
	for (const [key, value] of Object.entries(payload)) {
		if (value === undefined || value === null) continue;
		if (key === 'kits' && Array.isArray(value)) {
			query.kits = value.map((kit) => String((kit as { kitId: unknown }).kitId)).join(',');
		} else {
			query[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
	}
	return query;
}

export function hurdleDelivery(
	payload: Record<string, unknown>,
	method: SampleOptions['method'] = 'POST',
): Delivery {
	if (method === 'GET') return { method: 'GET', headers: {}, query: asQuery(payload), body: '' };
	return {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		query: {},
		body: JSON.stringify(payload),
	};
}

export const hurdleSampleSource: SampleSource = {
	events: Object.keys(hurdleEventSchemas),
	build: (event, options) =>
		hurdleDelivery(hurdleSample(event as HurdleEventName, options), options.method),
};

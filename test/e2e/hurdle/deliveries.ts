import type { IDataObject } from 'n8n-workflow';

import type { HurdleEventName } from '../../../nodes/Hurdle/events';
import { HURDLE_SAMPLE_IDS, hurdleDelivery } from '../../../dev/fakes/hurdle/samples';
import type { SampleOptions } from '../../../dev/fakes/types';
import { deliver, sendEvent, type SignOptions } from '../../../dev/fakes/sender';
import type { E2eWorkflow } from '../../../dev/n8n/workflows';
import { e2e } from '../environment';
import { HURDLE_WEBHOOK_HEADER, HURDLE_WEBHOOK_SECRET, hurdleData } from '../fixtures/hurdle';

/** What the Hurdle e2e tests send (test/e2e/hurdle/), and what they expect back. */
export const ids = HURDLE_SAMPLE_IDS;
export const signed: SignOptions = {
	secret: HURDLE_WEBHOOK_SECRET,
	headerName: HURDLE_WEBHOOK_HEADER,
};
/** Tracking links point at a fake host that must never be called: full data comes from the credential's host. */
export const atPayloadHost = () => ({ trackingHost: e2e().fakes.payloadHost });

export async function sendHurdle(
	workflow: E2eWorkflow,
	event: HurdleEventName,
	options: SignOptions & SampleOptions = signed,
) {
	return await sendEvent('hurdle', event, e2e().n8n.webhookUrl(workflow), {
		...options,
		overrides: { ...atPayloadHost(), ...options.overrides },
	});
}

/** A hand-built body, signed with the shared secret in its header. */
export async function sendBody(
	workflow: E2eWorkflow,
	payload: Record<string, unknown>,
	method: 'GET' | 'POST' = 'POST',
) {
	const delivery = hurdleDelivery(payload, method);
	return await deliver(e2e().n8n.webhookUrl(workflow), {
		...delivery,
		headers: { ...delivery.headers, [HURDLE_WEBHOOK_HEADER]: HURDLE_WEBHOOK_SECRET },
	});
}

export const TYPED_KEYS = [
	'eventType',
	'version',
	'userId',
	'productCode',
	'orderNumber',
	'testId',
	'kitIds',
	'barcode',
	'appointmentId',
	'carrier',
	'trackingCode',
	'trackingUrl',
	'timestamps',
];

/**
 * The typed fields of each sample event, written out from the samples (dev/fakes/hurdle/samples.ts):
 * the ids each kind of event carries, and its own `…At` times in UTC.
 */
function typedFieldsOfSamples(trackingHost: string): Record<HurdleEventName, IDataObject> {
	const order = { version: '1', productCode: 'C1BLP10300', orderNumber: 'HRD-100234' };
	const trackingUrl = `${trackingHost}/track-your-item?trackingNumber=RM123456785GB`;
	const tracked = {
		...order,
		kitIds: ['MMM1234535'],
		carrier: 'ROYAL_MAIL',
		trackingCode: 'RM123456785GB',
		trackingUrl,
	};
	const test = {
		...order,
		userId: 'a86dr8yl',
		kitIds: ['MMM1234535'],
		barcode: 'BLC2211006182093',
	};
	const accessioned = { ...test, testId: '6377bcd6cd7907948cb56ff7' };
	const accessionedAt = '2022-11-21T09:02:11.000Z';
	const phlebotomy = { ...order, userId: 'a86dr8yl', appointmentId: 'apt_5f2c9a71' };
	return {
		'order.created': order,
		'order.dispatched': {
			...order,
			kitIds: ['MMM1234535'],
			trackingUrl,
			timestamps: { dispatchedAt: '2022-03-07T16:13:42.345Z' },
		},
		'order.out_for_delivery': {
			...tracked,
			timestamps: { outForDeliveryAt: '2022-03-08T07:30:00.000Z' },
		},
		'order.received': { ...tracked, timestamps: { receivedAt: '2022-03-08T12:41:09.000Z' } },
		'order.return_out_for_delivery': {
			...tracked,
			timestamps: { receivedAt: '2022-03-10T08:15:00.000Z' },
		},
		'order.return_received': {
			...tracked,
			timestamps: { receivedAt: '2022-03-11T10:05:27.000Z' },
		},
		'test.registered': { ...test, timestamps: { registeredAt: '2022-11-18T17:11:50.243Z' } },
		'test.lab_accessioned': { ...accessioned, timestamps: { accessionedAt } },
		'test.processed': {
			...accessioned,
			timestamps: { accessionedAt, processedAt: '2022-11-23T14:20:00.000Z' },
		},
		'test.validation_success': {
			...accessioned,
			timestamps: { accessionedAt, validatedAt: '2022-11-23T15:00:00.000Z' },
		},
		'test.validation_fail': {
			...accessioned,
			timestamps: { accessionedAt, validatedAt: '2022-11-23T15:00:00.000Z' },
		},
		'test.clinical_commentary_uploaded': {
			...accessioned,
			timestamps: { accessionedAt, uploadedAt: '2022-11-24T11:45:00.000Z' },
		},
		'phlebotomy.nurse_assigned': {
			...phlebotomy,
			timestamps: { assignedAt: '2022-11-15T10:00:00.000Z' },
		},
		'phlebotomy.appointment_scheduled': {
			...phlebotomy,
			timestamps: {
				scheduledAt: '2022-11-15T10:05:00.000Z',
				appointmentStartAt: '2022-11-17T08:30:00.000Z',
			},
		},
		'phlebotomy.appointment_rescheduled': {
			...phlebotomy,
			timestamps: {
				rescheduledAt: '2022-11-16T09:00:00.000Z',
				appointmentStartAt: '2022-11-18T08:30:00.000Z',
			},
		},
		'phlebotomy.appointment_cancelled': {
			...phlebotomy,
			timestamps: { cancelledAt: '2022-11-16T12:00:00.000Z' },
		},
	};
}

/** The typed fields an item must carry for a sample, its eventType in the letter case it was sent in. */
export function expectedTyped(
	event: HurdleEventName,
	casing: SampleOptions['casing'] = 'upper',
): IDataObject {
	return {
		eventType: casing === 'lower' ? event : event.toUpperCase(),
		...typedFieldsOfSamples(e2e().fakes.payloadHost)[event],
	};
}

const PATIENT_FIELDS = [
	'email',
	'shippingAddress',
	'firstName',
	'lastName',
	'dateOfBirth',
	'mobileNumber',
	'delivery',
];
export function patientFieldsIn(value: unknown): string[] {
	const found = new Set<string>();
	const walk = (entry: unknown) => {
		if (Array.isArray(entry)) entry.forEach(walk);
		else if (typeof entry === 'object' && entry !== null) {
			for (const [key, nested] of Object.entries(entry)) {
				if (PATIENT_FIELDS.includes(key)) found.add(key);
				walk(nested);
			}
		}
	};
	walk(value);
	return [...found];
}

export const sampleTest = hurdleData.tests[ids.testId];
export const expectedFlags = { LDL: 'high', HDL: 'normal', HBA1C: 'normal', FERR: 'low' };
